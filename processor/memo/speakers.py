"""Who said a memo's sentence, in the memo language: "— Эдуард Полетаев, политолог".

Names come from the memo's names table (the glossary's renderings: "Eduard Poletayev",
"Эдуард Полетаев"), else from the names rendering of :mod:`processor.glossary.entities`;
roles from a small table of the roles Kazakhstan news gives, else from the translation
of the role itself (``role_key``: the pipeline sends it with the memo's sentences).
The interview frame line and the genre row live here too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from processor.kazakh_latin import base_language, in_script

if TYPE_CHECKING:
    from processor.memo.content import EntityRow
    from processor.speech import Speaker

# Roles as Kazakhstan news writes them (nominative) -> (English, Kazakh, as on gov.kz).
ROLES: dict[str, tuple[str, str]] = {
    "политолог": ("political scientist", "саясаттанушы"),
    "экономист": ("economist", "экономист"),
    "эксперт": ("expert", "сарапшы"),
    "аналитик": ("analyst", "талдаушы"),
    "президент": ("President", "Президент"),
    "президент казахстана": ("President of Kazakhstan", "Қазақстан Президенті"),
    "президент рк": ("President of Kazakhstan", "Қазақстан Президенті"),
    "глава государства": ("Head of State", "Мемлекет басшысы"),
    "премьер-министр": ("Prime Minister", "Премьер-министр"),
    "премьер-министр рк": ("Prime Minister of Kazakhstan", "ҚР Премьер-министрі"),
    "премьер-министр казахстана": ("Prime Minister of Kazakhstan", "Қазақстан Премьер-министрі"),
    "министр": ("Minister", "министр"),
    "министр иностранных дел": ("Minister of Foreign Affairs", "Сыртқы істер министрі"),
    "министр иностранных дел рк": ("Minister of Foreign Affairs", "ҚР Сыртқы істер министрі"),
    "глава мид": ("Minister of Foreign Affairs", "Сыртқы істер министрі"),
    "глава мид рк": ("Minister of Foreign Affairs", "ҚР Сыртқы істер министрі"),
    "министр энергетики": ("Minister of Energy", "Энергетика министрі"),
    "министр финансов": ("Minister of Finance", "Қаржы министрі"),
    "министр национальной экономики": ("Minister of National Economy", "Ұлттық экономика министрі"),
    "министр юстиции": ("Minister of Justice", "Әділет министрі"),
    "вице-министр": ("Vice Minister", "вице-министр"),
    "аким": ("akim", "әкім"),
    "депутат": ("deputy", "депутат"),
    "депутат мажилиса": ("Mazhilis deputy", "Мәжіліс депутаты"),
    "сенатор": ("senator", "сенатор"),
    "спикер мажилиса": ("Speaker of the Mazhilis", "Мәжіліс Төрағасы"),
    "председатель": ("chairman", "төраға"),
    "председатель сената": ("Chairman of the Senate", "Сенат Төрағасы"),
    "председатель мажилиса": ("Chairman of the Mazhilis", "Мәжіліс Төрағасы"),
    "пресс-секретарь": ("press secretary", "баспасөз хатшысы"),
    "пресс-секретарь президента": (
        "Press Secretary of the President",
        "Президенттің баспасөз хатшысы",
    ),
    "директор": ("director", "директор"),
    "генеральный директор": ("chief executive", "бас директор"),
    "генеральный прокурор": ("Prosecutor General", "Бас прокурор"),
    "прокурор": ("prosecutor", "прокурор"),
    "судья": ("judge", "судья"),
    "адвокат": ("lawyer", "адвокат"),
    "посол": ("ambassador", "елші"),
    "журналист": ("journalist", "журналист"),
    "профессор": ("professor", "профессор"),
}
ROLE_PREFIX = "role:"

_GENRES = {
    "interview": {"ru": "интервью", "en": "interview", "kk": "сұхбат"},
    "statement": {"ru": "заявление", "en": "statement", "kk": "мәлімдеме"},
    "report": {"ru": "сообщение", "en": "news report", "kk": "хабар"},
}
_GENRE_LABEL = {"ru": "Жанр", "en": "Genre", "kk": "Жанры"}


@dataclass(frozen=True)
class SpeakerLine:
    """A speaker in the memo language; ``surname`` (Russian) tells whether a source
    sentence names them already."""

    name: str
    role: str
    surname: str

    def line(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


def role_key(role: str) -> str:
    """The key under which the pipeline sends a role for translation."""
    return ROLE_PREFIX + role


def render(
    speaker: Speaker,
    language: str,
    entities: Sequence[EntityRow],
    translations: Mapping[str, str] | None,
) -> SpeakerLine:
    """``speaker`` in ``language``: the glossary's name, the role from the table or its
    translation (Russian when neither exists); an institution's name is translated."""
    if speaker.kind == "organization":
        # An institution ("акимат Алматы"): translated like a role, with the memo's
        # sentences and names held; its first word tells whether a sentence names it.
        return SpeakerLine(_role(speaker.name, language, translations), "", speaker.key)
    return SpeakerLine(
        _name(speaker.name, language, entities),
        _role(speaker.role, language, translations),
        speaker.key,
    )


def _name(name: str, language: str, entities: Sequence[EntityRow]) -> str:
    if language == "ru":
        return name
    surname = name.split()[-1].lower()
    for row in entities:
        if row.type == "person" and (
            row.ru.lower() == name.lower() or row.ru.split()[-1:] == [name.split()[-1]]
        ):
            return row.en if language == "en" else row.kk
        if row.type == "person" and row.ru.lower().split()[-1:] == [surname]:
            return row.en if language == "en" else row.kk
    from processor.glossary.entities import entity_entry

    entry = entity_entry(name, "person")
    return entry.en if language == "en" else entry.kk


def _role(role: str, language: str, translations: Mapping[str, str] | None) -> str:
    if not role or language == "ru":
        return role
    hit = ROLES.get(role.lower())
    if hit is not None:
        return hit[0] if language == "en" else hit[1]
    translated = (translations or {}).get(role_key(role), "").strip().rstrip(".")
    return translated or role


def with_speaker(text: str, source_text: str, speaker: SpeakerLine | None) -> str:
    """A bullet's text with "— name, role" after it, unless the source sentence names
    the speaker itself ("Токаев подчеркнул ...")."""
    from processor.speech.people import names_speaker

    if speaker is None or names_speaker(source_text, speaker.surname):
        return text
    return f"{text} — {speaker.line()}"


def genre_row(genre: str | None, language: str) -> tuple[str, str] | None:
    """The header row "Жанр: интервью", when the genre is clear."""
    if genre not in _GENRES:
        return None
    base = base_language(language)  # kk-latn: the Kazakh words in the Latin alphabet
    return in_script(_GENRE_LABEL[base], language), in_script(_GENRES[genre][base], language)


def interview_frame(
    interviewee: SpeakerLine, outlet: str | None, language: str, role_ru: str, name_ru: str
) -> str:
    """The bottom line's frame of an interview, built from the header fields:
    "Интервью Zakon.kz с политологом Эдуардом Полетаевым."."""
    if outlet and not outlet.isascii():
        outlet = f"«{outlet}»"  # "Интервью «Республика»": a Russian name stays as written
    if language == "ru":
        who = " ".join([*_role_instrumental(role_ru), *map(_name_instrumental, name_ru.split())])
        return f"Интервью {outlet + ' ' if outlet else ''}с {who}."
    if language == "en":
        by = f" by {outlet}" if outlet else ""
        role = f"{interviewee.role} " if interviewee.role else ""
        return f"Interview{by} with {role}{interviewee.name}."
    source = f" ({outlet})" if outlet else ""
    return f"Сұхбат{source}: {interviewee.line()}."


def _role_instrumental(role: str) -> list[str]:
    """The role's head noun and the adjectives before it in the instrumental; its
    genitive tail as it is ("министр энергетики" -> "министром энергетики")."""
    from processor.morphology import analyzer

    words = role.split()
    for k, word in enumerate(words):
        if "NOUN" in analyzer().parse(word)[0].tag:
            return [*map(_instrumental, words[: k + 1]), *words[k + 1 :]]
    return words


# Russian surnames pymorphy3 does not know decline as adjectives do: -ов/-ев/-ин -> -ым.
_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)$")
_FEMALE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына)$")
_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")


def _name_instrumental(word: str) -> str:
    """A first name or surname in the instrumental ("Нурсеитов" -> "Нурсеитовым")."""
    from processor.morphology import analyzer

    parses = analyzer().parse(word)
    named = next(
        (p for p in parses if {"Name", "Surn", "Patr"} & p.tag.grammemes and "nomn" in p.tag), None
    )
    if named is not None and (form := named.inflect({"ablt"})) is not None:
        text = str(form.word) if "ё" in word else str(form.word).replace("ё", "е")
        return text[:1].upper() + text[1:]
    if _FEMALE_SURNAME.search(word):
        return word[:-1] + "ой"
    if _SURNAME.search(word):
        return word + "ым"
    if not parses[0].is_known and word[-1:] in _CONSONANTS:
        return word + "ом"  # "Намовир" -> "Намовиром"
    form = parses[0].inflect({"ablt", "sing"})
    return word if form is None else str(form.word)[:1].upper() + str(form.word)[1:]


def _instrumental(word: str) -> str:
    """A word of a role or name in the instrumental case ("политолог" -> "политологом")."""
    from processor.morphology import analyzer

    if not word[:1].isalpha() or (len(word) > 1 and word.isupper()):
        return word
    parses = analyzer().parse(word)
    nominative = next((p for p in parses if "nomn" in p.tag), parses[0])
    form = nominative.inflect({"ablt"})
    if form is None:
        return word
    text = str(form.word)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text
