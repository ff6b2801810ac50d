"""Who speaks in an article: the :class:`Speaker` a memo shows, and the registry of the
people an article names (one per surname, with the first role it gives)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Speaker:
    """Who said a sentence: a name in the nominative and the role the article gives."""

    name: str
    role: str = ""
    # "person", or "organization" when an institution speaks ("пресс-служба Акорды").
    kind: str = "person"

    def line(self) -> str:
        """ "Эдуард Полетаев, политолог"."""
        return f"{self.name}, {self.role}" if self.role else self.name

    @property
    def key(self) -> str:
        """The word a sentence names this speaker by: the surname, or an institution's
        first word ("пресс-служба Акорды" -> "пресс-служба")."""
        words = self.name.split()
        if not words:
            return ""
        return words[0] if self.kind == "organization" else words[-1]


def names_speaker(text: str, key: str) -> bool:
    """Whether ``text`` names the speaker whose :attr:`Speaker.key` is ``key`` (in any
    case: "Полетаев", "Полетаева"), so that no "— speaker" line is added to it."""
    return bool(key) and key[:5].lower() in text.lower()


@dataclass
class Person:
    name: str
    role: str = ""
    kind: str = "person"


class People:
    """Every person the article names, one per surname, with the first role it gives."""

    def __init__(self) -> None:
        self.by_key: dict[str, Person] = {}
        self.last_subject: Person | None = None
        self.last_named: Person | None = None

    def add(self, name: str, role: str = "") -> Person:
        key = name.split()[-1].lower()
        person = self.by_key.get(key)
        if person is None:
            person = self.by_key[key] = Person(name, role)
        if len(name.split()) > len(person.name.split()):
            person.name = name
        if role and not person.role:
            person.role = role
        self.last_named = person
        return person

    def speaker(self, person: Person) -> Speaker:
        return Speaker(person.name, person.role, person.kind)

    def first_named(self, first: str) -> Person | None:
        return next((p for p in self.by_key.values() if p.name.split()[0] == first), None)

    def surnamed(self, surname: str) -> Person | None:
        """The person already named with this surname (in the nominative, any case)."""
        return self.by_key.get(surname.lower())
