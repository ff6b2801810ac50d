"""Glossary data types: entries, a loaded glossary, and matches in Russian text."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from processor.glossary.match import Matcher

EntryType = Literal["person", "organization", "place", "term", "abbreviation"]
ENTRY_TYPES: tuple[EntryType, ...] = get_args(EntryType)
LANGS: tuple[str, ...] = ("ru", "en", "kk")
FormKind = Literal["full", "short", "alias"]


def entry_type(value: str) -> EntryType:
    """``value`` as an :data:`EntryType`; ValueError names the allowed ones."""
    for known in ENTRY_TYPES:
        if value == known:
            return known
    raise ValueError(f"unknown type {value!r} (use {', '.join(ENTRY_TYPES)})")


def identity(ru: str) -> str:
    """The key that says two entries are the same: the Russian form, case-folded, ё -> е."""
    return " ".join(ru.casefold().replace("ё", "е").split())


@dataclass(frozen=True)
class Entry:
    """One glossary entry: a Russian canonical form and its English and Kazakh renderings."""

    id: str
    type: EntryType
    ru: str
    en: str
    kk: str
    short: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    wrong: dict[str, tuple[str, ...]] = field(default_factory=dict)
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    note: str | None = None
    # Also matched written in lower case ("мажилиса", "сенате"); None: yes for a one-word
    # Cyrillic organization name, no otherwise (see match.py).
    lowercase: bool | None = None
    glossary: str = ""
    path: str | None = None
    line: int | None = None

    @property
    def key(self) -> str:
        return identity(self.ru)

    def rendering(self, lang: str, form: FormKind = "full") -> str:
        """The rendering in ``lang`` ("ru", "en", "kk"); short forms render short."""
        if form == "short" and lang in self.short:
            return self.short[lang]
        return {"ru": self.ru, "en": self.en, "kk": self.kk}[lang]

    def __hash__(self) -> int:  # dict fields are unhashable; identity is enough
        return hash((self.glossary, self.id, self.key))


@dataclass(frozen=True)
class Match:
    """One occurrence of a glossary entry in a text (``text[start:stop]``)."""

    start: int
    stop: int
    text: str
    entry: Entry
    form: FormKind = "full"
    # Russian grammatical case (pymorphy tag: nomn gent datv accs ablt loct) and number of the
    # matched words, resolved with the preceding preposition; None when indeclinable.
    case: str | None = None
    number: str = "sing"
    # The preposition right before the match (lower-case), if any: it decides the Kazakh case.
    preposition: str | None = None
    coordinated: bool = False

    def to_dict(self) -> dict[str, object]:
        """The match as ``glossary find --json`` and the HTTP API show it."""
        return {
            "start": self.start,
            "stop": self.stop,
            "id": self.entry.id,
            "text": self.text,
            "form": self.form,
            "case": self.case,
            "ru": self.entry.ru,
            "en": self.entry.rendering("en", self.form),
            "kk": self.entry.rendering("kk", self.form),
            "type": self.entry.type,
            "glossary": self.entry.glossary,
        }


@dataclass
class Glossary:
    """Entries from one or more glossary files, after precedence was applied."""

    entries: list[Entry]
    names: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    # (overridden entry, winning entry) pairs, for reports.
    overridden: list[tuple[Entry, Entry]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Place tables (villages, rural districts), read only when a text has a class word.
    tables: list[str] = field(default_factory=list)
    _matcher: Matcher | None = field(default=None, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.entries)

    def with_entries(self, extra: Sequence[Entry]) -> Glossary:
        """A new glossary: these entries, then ``extra`` (e.g. names found in one batch)."""
        return Glossary(
            entries=[*self.entries, *extra],
            names=list(self.names),
            paths=list(self.paths),
            overridden=list(self.overridden),
            warnings=list(self.warnings),
            tables=list(self.tables),
        )

    def by_id(self, entry_id: str) -> Entry:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        raise KeyError(entry_id)

    @property
    def matcher(self) -> Matcher:
        """The matcher, built once per glossary (inflected forms of every entry)."""
        with self._lock:
            if self._matcher is None:
                from processor.glossary.match import Matcher

                self._matcher = Matcher(self.entries)
            return self._matcher

    def find(self, text: str) -> list[Match]:
        """Every glossary entry in ``text``, longest match first, in text order."""
        found = self.matcher.find(text)
        if self.tables:
            from processor.glossary.settlements import find_places

            found = find_places(text, found, self.tables)
        return found
