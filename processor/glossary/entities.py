"""Names in a text: glossary matches and natasha's PER/ORG/LOC spans, in the nominative.

:func:`names_in` gives the rows of a memo's names table, one per entity: glossary
entries as the glossary renders them; other names in the nominative (natasha's
normalisation, checked word by word against our own paradigms), places and
organizations made of common words translated (``Южная Азия`` -> South Asia), others
romanized in Kazakhstan's official English style (Aibek, Yerlan); titles and forms of
address (``Президент``, ``Уважаемый``) are not names.  :func:`suggest_entries` turns
the names outside the glossary into ready-to-review glossary entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from processor.glossary.common_words import (
    ADJECTIVES,
    COMMON_ABBREVIATIONS,
    COURT_KINDS,
    GENERIC,
    GENITIVE_NOUNS,
    NOUNS,
    POSSESSIVE,
)
from processor.glossary.forms import is_female_name, name_table, normalize
from processor.glossary.imports import slug
from processor.glossary.places import render_place
from processor.glossary.romanize import romanize_name
from processor.glossary.types import Entry, EntryType, Glossary, Match, entry_type, identity

_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}


@dataclass(frozen=True)
class Entity:
    """A named entity found in a text (natasha), not covered by the glossary."""

    type: str  # person | organization | place
    text: str  # as written
    normal: str  # nominative
    start: int
    stop: int
    text_index: int = 0
    # Renderings built from the name's parts (patterns), when it has them.
    en: str = ""
    kk: str = ""
    kk_russian: bool = False  # the Kazakh is the Russian spelling of a proper part


def find_entities(
    texts: Sequence[str],
    glossary: Glossary | None = None,
    *,
    matches: Sequence[Sequence[Match]] | None = None,
    syntax: bool = True,
) -> list[Entity]:
    """PER/ORG/LOC spans in ``texts`` that overlap no glossary match.

    ``matches`` (one list per text) are the glossary's matches when the caller has them
    already: the texts are then not matched again.  With ``syntax`` (the default), names
    built from parts (courts, akimats, ministries: :mod:`processor.glossary.patterns`) and
    coordinated districts come from the syntax parse and replace natasha's partial spans;
    without it, natasha's spans alone (the cheaper, older behaviour the benchmark compares).
    """
    from processor.glossary.patterns import coordinated_places, institutions
    from processor.glossary.places import place_book
    from processor.nlp import normal_of, parse, parse_text

    book = place_book(glossary)
    found: list[Entity] = []
    for index, text in enumerate(texts):
        if not text.strip():
            continue
        if matches is not None:
            found_here = list(matches[index])
        else:
            found_here = glossary.find(text) if glossary else []
        covered = [(m.start, m.stop) for m in found_here]
        # A name the glossary has (not a term inside it, as "акимат" is) is not rebuilt.
        names = [(m.start, m.stop) for m in found_here if m.entry.type != "term"]
        # The speakers' stage reads the same article: parsed once (nlp.parse_text).
        doc = parse_text(text) if syntax else parse(text, syntax=False)
        built: list[Entity] = []
        if syntax:
            for r in institutions(doc, book) + coordinated_places(doc, book):
                if any(s <= r.start < e for s, e in names):
                    continue  # the glossary has this name itself
                if any(b.start < r.stop and r.start < b.stop for b in built):
                    continue
                built.append(
                    Entity(r.type, text[r.start : r.stop], r.ru, r.start, r.stop, index,
                           r.en, r.kk, r.kk_russian)
                )  # fmt: skip
        for span in doc.spans:
            if span.type not in _TYPES:
                continue
            if any(s < span.stop and span.start < e for s, e in covered):
                continue
            if any(b.start < span.stop and span.start < b.stop for b in built):
                continue  # part of a name built from its parts
            if span.type == "PER" and not _looks_like_name(span.text):
                continue  # "казахстанско-американские" tagged PER: not a person
            if span.type == "PER" and _is_address(span.text):
                continue  # "Эдуард Эдуардович, ...": an interviewer addressing a guest
            if span.text in COMMON_ABBREVIATIONS:
                continue  # "СМИ" tagged ORG: a common noun, not an actor
            etype = _TYPES[span.type]
            normal = _nominative(normal_of(span), span.text, etype)
            if not normal:
                continue  # a title or a form of address, not a name
            place = render_place(normal, book) if syntax and etype == "place" else None
            extra = place or ("", "", False)
            found.append(Entity(etype, span.text, normal, span.start, span.stop, index, *extra))
        found.extend(built)
    return sorted(found, key=lambda e: (e.text_index, e.start))


def _morph() -> Any:
    from processor.morphology import analyzer

    return analyzer()


def _nominative(normal: str, text: str, etype: str) -> str:
    """natasha's normal form, with generic words dropped and person names that it left in
    the case of the text put in the nominative; empty when nothing but generic words."""
    words = normal.split()
    # "Уважаемый Касым-Жомарт Кемелевич", "Президент Токаев": the title is not the name.
    while words and _is_generic(words[0]) and (etype == "person" or len(words) == 1):
        words = words[1:]
    if not words:
        return ""
    if etype != "person":
        return " ".join(words)
    # Some outlets print surnames in capitals (Олег КРУК): the name is Олег Крук.
    words = [w.capitalize() if w.isupper() and len(w) > 2 else w for w in words]
    female = _is_female(words, text.split())
    return " ".join(_person_nominative(w, female) for w in words)


def _is_generic(word: str) -> bool:
    parses = _morph().parse(word)
    return bool(parses) and parses[0].normal_form in GENERIC


_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)$")
_FEMALE_FORMS = re.compile(r"(?:ов|ев|ёв|ин)(?:а|ой|у)$|(?:овна|евна|ична|кызы)$")


def _is_female(words: list[str], surface: list[str]) -> bool:
    return is_female_name(words) or any(_FEMALE_FORMS.search(w.lower()) for w in surface)


# Oblique endings of names -> the nominative ending to try, by gender.
_MALE_ENDINGS = (("ым", ""), ("ом", ""), ("ем", ""), ("у", ""), ("а", ""), ("е", ""))
_FEMALE_ENDINGS = (
    ("ой", "а"), ("ей", "я"), ("у", "а"), ("ю", "я"), ("е", "а"), ("ы", "а"), ("и", "я"),
    ("и", "а"),
)  # fmt: skip


def _person_nominative(word: str, female: bool) -> str:
    """A part of a person's name in the nominative: kept when it already is one, else the
    stem whose paradigm (forms.name_table) has ``word`` in an oblique case."""
    if len(word) <= 2 or "." in word:
        return word
    morph = _morph()
    if morph.word_is_known(word.lower()) and any(
        {"nomn", "sing"} <= p.tag.grammemes and {"Name", "Surn", "Patr"} & p.tag.grammemes
        and "Fixd" not in p.tag.grammemes and p.tag.gender == ("femn" if female else "masc")
        for p in morph.parse(word)
    ):  # fmt: skip
        return word  # a dictionary name, already nominative (Алия, Светлана)
    low = normalize(word)
    for ending, nominative in _FEMALE_ENDINGS if female else _MALE_ENDINGS:
        if not word.lower().endswith(ending):
            continue
        candidate = word[: len(word) - len(ending)] + nominative
        if not female and not nominative and len(ending) == 1 and not _SURNAME.search(candidate):
            continue  # Мустафа is a nominative, not the genitive of "Мустаф"
        table = name_table(candidate, female)
        oblique = {normalize(w) for (case, _), ws in table.items() if case != "nomn" for w in ws}
        if low in oblique and normalize(candidate) != low:
            return candidate
    return word


_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична)$")


def _is_address(text: str) -> bool:
    """First name and patronymic with no surname: a form of address, not a full name."""
    words = text.split()
    return len(words) == 2 and bool(_PATRONYMIC.search(words[1]))


def _looks_like_name(text: str) -> bool:
    parts = [p for w in text.split() for p in w.split("-") if p]
    return bool(parts) and all(p[:1].isupper() for p in parts)


_KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
ROMANIZED_NOTE = "suggested: English romanized, Kazakh as in Russian; review before use"


def rendering(ent: Entity) -> tuple[str, str, bool, str]:
    """(English, Kazakh, Kazakh is a Russian spelling, note) of a name outside the glossary:
    built from its parts (patterns), common words translated, or romanized (a Western first
    name in its own spelling).  The Kazakh is certain only when it was built or translated
    from tables, or the Russian text already spells the name with Kazakh letters."""
    if ent.en:
        return ent.en, ent.kk, ent.kk_russian, "suggested: built from its parts; review before use"
    translated = translate_common(ent.normal) if ent.type != "person" else None
    if translated:
        note = "suggested: translated from common words; review before use"
        return translated[0], translated[1], False, note
    kazakh = bool(_KAZAKH_LETTERS & set(ent.normal))
    return romanize_name(ent.normal), ent.normal, not kazakh, ROMANIZED_NOTE


def entity_entry(
    normal: str, etype: str, ids: set[str] | None = None, *, entity: Entity | None = None
) -> Entry:
    """A glossary entry for an entity, rendered as :func:`rendering` does."""
    base = slug(normal)
    entry_id = base
    if ids is not None:
        n = 2
        while entry_id in ids:
            entry_id, n = f"{base}-{n}", n + 1
        ids.add(entry_id)
    en, kk, _, note = rendering(entity or Entity(etype, normal, normal, 0, 0))
    return Entry(
        id=entry_id,
        type=entry_type(etype),
        ru=normal,
        en=en,
        kk=kk,
        note=note,
        glossary="suggested",
    )


def group_entities(entities: Iterable[Entity]) -> dict[str, list[Entity]]:
    """Occurrences per entity, keyed by the nominative: a surname alone joins the one full
    name of that person in the texts ("Ларден" after "Питер Ларден"), its own key last."""
    found: dict[str, list[Entity]] = {}
    for ent in entities:
        found.setdefault(identity(ent.normal), []).append(ent)
    people = [k for k, ents in found.items() if ents[0].type == "person" and " " in k]
    for key in [k for k in found if " " not in k and found[k][0].type == "person"]:
        owners = [k for k in people if k.split()[-1] == key]
        if len(owners) == 1:  # two people with this surname: it stays on its own row
            found[owners[0]].extend(found.pop(key))
    return found


def suggest_entries(texts: Iterable[str], glossary: Glossary | None = None) -> list[Entry]:
    """One entry per distinct entity outside ``glossary``, most frequent first; a person
    named by the surname alone too gets it as the entry's short form."""
    found = group_entities(find_entities(list(texts), glossary))
    order = sorted(found, key=lambda k: (-len(found[k]), found[k][0].normal))
    ids: set[str] = set()
    entries = []
    for key in order:
        first = next((e for e in found[key] if identity(e.normal) == key), found[key][0])
        entry = entity_entry(first.normal, first.type, ids, entity=first)
        if any(identity(e.normal) != key for e in found[key]):
            surname = first.normal.split()[-1]
            entry.short.update(ru=surname, en=entry.en.split()[-1], kk=entry.kk.split()[-1])
        entries.append(entry)
    return entries


NameSource = Literal["glossary", "translated", "romanized"]
NAME_TYPES: tuple[EntryType, ...] = ("person", "organization", "place", "abbreviation")


@dataclass(frozen=True)
class EntityName:
    """One row of a names table: an entity named in the texts, in ru (nominative), en, kk."""

    type: EntryType
    ru: str
    en: str
    kk: str
    count: int
    # glossary: curated renderings; translated: common words translated; romanized.
    source: NameSource
    entry_id: str | None = None
    # The Kazakh column is the Russian spelling: no certain Kazakh form (renderers may mark it).
    kk_russian: bool = False

    @property
    def in_glossary(self) -> bool:
        return self.source == "glossary"

    @property
    def romanized(self) -> bool:
        """True when English is a romanization, not a curated or translated rendering."""
        return self.source == "romanized"


def names_in(
    texts: Sequence[str],
    glossary: Glossary | None = None,
    *,
    entities: bool = True,
    types: Sequence[str] = NAME_TYPES,
    matches: Sequence[Sequence[Match]] | None = None,
) -> list[EntityName]:
    """People, organizations and places named in ``texts``, one row per entity: glossary
    entries first (in order of appearance), then names natasha finds outside the glossary
    (most frequent first).  A surname alone after the full name is the same person.

    ``matches`` (one list per text) are the glossary's matches when the caller has them.
    """
    rows: list[EntityName] = []
    if glossary is not None and matches is None:
        matches = [glossary.find(text) for text in texts]
    if matches is not None:
        counts: dict[Entry, int] = {}
        for found_in_text in matches:
            for m in found_in_text:
                counts[m.entry] = counts.get(m.entry, 0) + 1
        rows = [
            # "акимат Жарминского района" is matched as the press writes it (lower case);
            # as a row of the names table it is a name, so it opens with a capital.
            EntityName(e.type, _capital(e.ru), e.en, _capital(e.kk), n, "glossary", e.id)
            for e, n in counts.items()
            if e.type in types
        ]
    if not entities:
        return rows
    # "Смагулов" after "Айдар Смагулов": one person, counted on the full name.
    found = group_entities(
        e for e in find_entities(texts, glossary, matches=matches) if e.type in types
    )
    order = sorted(found, key=lambda k: (-len(found[k]), found[k][0].normal))
    named = [next((e for e in found[k] if identity(e.normal) == k), found[k][0]) for k in order]
    return rows + [_entity_name(ent, len(found[k])) for ent, k in zip(named, order, strict=True)]


def _entity_name(ent: Entity, count: int) -> EntityName:
    en, kk, kk_russian, note = rendering(ent)
    source: NameSource = "romanized" if note == ROMANIZED_NOTE else "translated"
    return EntityName(entry_type(ent.type), ent.normal, en, kk, count, source, None, kk_russian)


_ADJECTIVES = {**ADJECTIVES, **COURT_KINDS}


def translate_common(name: str) -> tuple[str, str] | None:
    """(English, Kazakh) of a name made only of common words: adjectives then a noun, as in
    ``Технический университет``, with genitive nouns after it (``Академия наук`` ->
    Academy of Sciences, Ғылым академиясы); else None."""
    words = name.split()
    lemmas = [[p.normal_form for p in _morph().parse(word)] for word in words]
    head = next((i for i, ls in enumerate(lemmas) if any(lemma in NOUNS for lemma in ls)), None)
    if head is None or not words:
        return None
    en: list[str] = []
    kk: list[str] = []
    for i, options in enumerate(lemmas):
        table = NOUNS if i == head else _ADJECTIVES if i < head else GENITIVE_NOUNS
        hit = next((table[lemma] for lemma in options if lemma in table), None)
        if hit is None:
            return None
        en.append(hit[0])
        kk.append(hit[1])
    if head < len(words) - 1:  # Национальная академия наук: National Academy of Sciences
        tail_en, tail_kk = en[head + 1 :], kk[head + 1 :]
        en = [*en[: head + 1], "of", *tail_en]
        kk = [*kk[:head], *tail_kk, POSSESSIVE.get(kk[head], kk[head])]
    kk_text = " ".join(kk)
    return " ".join(en), kk_text[:1].upper() + kk_text[1:]


def _capital(name: str) -> str:
    return name[:1].upper() + name[1:]
