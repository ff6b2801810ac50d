"""Names built from parts: courts, akimats, akims, ministries, committees, prosecutors'
offices, police departments and districts that no list can hold.

``районный суд № 2 города Астаны`` is a name made of a kind (районный суд -> District
Court, аудандық сот), a number and a place (города Астаны -> of Astana, Астана
қаласының).  :func:`institutions` finds such names in a natasha parse (the head word
and its dependents from the syntax tree, so ``Жарминского района`` after ``акимат``
belongs to it), puts them in the nominative as a phrase (natasha's syntax
normalisation, genitive parts kept) and renders them in English and Kazakh from the
tables of :mod:`processor.glossary.common_words`.  Places inside come from the
glossary when it has them (Абайская область -> Abai Region, Абай облысы); otherwise a
district's name is taken from its adjective (Жарминский -> Жарма), and the Kazakh
column is then marked as a Russian spelling unless :data:`TOPONYMS` gives it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from processor.glossary.common_words import (
    COMMITTEE_FIELDS,
    COURT_KINDS,
    MINISTRY_FIELDS,
    PLACE_NOUNS,
    TOPONYMS,
)
from processor.glossary.kazakh import inflect
from processor.glossary.romanize import romanize
from processor.glossary.types import EntryType, Glossary, identity

# A place's English and Kazakh by its Russian nominative, when a glossary knows it.
PlaceBook = Callable[[str], tuple[str, str] | None]

_HEADS = ("суд", "акимат", "аким", "министерство", "комитет", "прокуратура", "департамент")
_REPUBLIC = re.compile(r"\s*(?:Республики Казахстан|РК)$")


@dataclass(frozen=True)
class Rendered:
    """A name found by its pattern: where it is, its nominative and its renderings."""

    start: int
    stop: int
    ru: str
    en: str
    kk: str
    type: EntryType
    kk_russian: bool  # the Kazakh column holds a Russian spelling of a proper part


@dataclass(frozen=True)
class _Place:
    en: str  # Zharma District; Astana
    kk: str  # Жарма ауданы; Астана қаласы
    kk_genitive: str  # Жарма ауданының; Астана қаласының
    certain: bool


def place_book(glossary: Glossary | None) -> PlaceBook:
    """Places and their renderings from ``glossary`` (full forms and Russian aliases)."""
    table: dict[str, tuple[str, str]] = {}
    for entry in glossary.entries if glossary else ():
        if entry.type == "place":
            for ru in (entry.ru, *entry.aliases.get("ru", ())):
                table.setdefault(identity(ru), (entry.en, entry.kk))
    return lambda ru: table.get(identity(ru))


def _toponym(adjective: str) -> tuple[str, str, bool]:
    """The place an adjective names, (Russian, Kazakh, certain): Жарминский -> Жарма."""
    low = adjective.lower()
    if low in TOPONYMS:
        ru, kk = TOPONYMS[low]
        return ru, kk, True
    stem = re.sub(r"(?:ский|ской|ская|ское)$", "", low)
    if stem.endswith("ын") and len(stem) > 4:
        stem = stem[:-1]  # Жаксынский -> Жаксы, Аршалынский -> Аршалы
    elif stem.endswith("ин") and len(stem) > 4:
        stem = stem[:-2] + "а"  # Карагандинский -> Караганда: the usual case, not certain
    name = stem[:1].upper() + stem[1:]
    return name, name, False


def _place(noun: str, adjective: str | None, proper: str | None, book: PlaceBook) -> _Place | None:
    """A place from its parts in the nominative: (район, Жарминский, None), (город, None,
    Астана)."""
    if noun not in PLACE_NOUNS:
        return None
    en_noun, kk_noun, kk_noun_gen = PLACE_NOUNS[noun]
    if proper:  # города Астаны: the city itself
        known = book(proper)
        en, kk = known if known else (romanize(proper), proper)
        if re.search(r"(?:облысы|ауданы|қаласы)$", kk):  # СКО: a region by its short name
            return _Place(en, kk, inflect(kk, "genitive"), True)
        return _Place(en, f"{kk} {kk_noun}", f"{kk} {kk_noun_gen}", known is not None)
    if not adjective:
        return None
    known = book(_agree(adjective, noun) + " " + noun)
    if known:
        return _Place(known[0], known[1], inflect(known[1], "genitive"), True)
    ru, kk, certain = _toponym(adjective)
    return _Place(f"{romanize(ru)} {en_noun}", f"{kk} {kk_noun}", f"{kk} {kk_noun_gen}", certain)


def _agree(adjective: str, noun: str) -> str:
    """The adjective's nominative singular in the noun's gender (Абайский, область ->
    Абайская)."""
    if noun != "область":
        return adjective
    low = adjective.lower()
    for masc, femn in (("ский", "ская"), ("ный", "ная"), ("ий", "ая"), ("ый", "ая")):
        if low.endswith(masc):
            return adjective[: len(adjective) - len(masc)] + femn
    return adjective


def _lemma(token: Any) -> str:
    from processor.nlp import lemma_of

    return lemma_of(token).lower().replace("ё", "е")


def _subtree(tokens: Sequence[Any], root: int) -> set[int]:
    """Indexes of the tokens under ``tokens[root]`` (itself included) in its sentence."""
    ids = {tokens[root].id}
    grew = True
    while grew:
        grew = False
        for t in tokens:
            if t.head_id in ids and t.id not in ids:
                ids.add(t.id)
                grew = True
    return {i for i, t in enumerate(tokens) if t.id in ids}


def _extent(tokens: Sequence[Any], head: int) -> tuple[int, int]:
    """The contiguous run of the head's phrase: adjectives before it, then its dependents
    after it up to the first word that is not one (a verb, a comma, another clause)."""
    under = _subtree(tokens, head)
    first = head
    while first > 0 and tokens[first - 1].pos == "ADJ":
        before = tokens[first - 1]
        # The parser sometimes hangs a leading adjective on the verb ("вынес Алмалинский
        # районный суд"): one that agrees with the head in case belongs to the name.
        agrees = before.feats.get("Case") == tokens[head].feats.get("Case")
        if first - 1 not in under and not agrees:
            break
        first -= 1
    last = head
    while last + 1 in under:
        nxt = tokens[last + 1]
        if nxt.pos in ("VERB", "PUNCT") or (nxt.pos == "ADP" and _lemma(nxt) != "по"):
            break
        last += 1
    return first, last


def _nominative(tokens: Sequence[Any]) -> str:
    from processor.nlp import normalize_tokens

    text = normalize_tokens(tokens)
    return text[:1].upper() + text[1:]


def _places_after(tokens: Sequence[Any], book: PlaceBook) -> tuple[_Place | None, int]:
    """The place named by a genitive group at the start of ``tokens`` and its length:
    ``Жарминского района``, ``Абайской области``, ``города Астаны``."""
    i = 0
    adjective = None
    while i < len(tokens) and tokens[i].pos == "ADJ":
        if tokens[i].text[:1].isupper():
            adjective = _lemma(tokens[i])
        i += 1
    if i >= len(tokens):
        return None, 0
    if adjective is None and tokens[i].pos == "PROPN":  # "суд Алматы": the city itself
        return _place("город", None, _nominative_word(tokens[i]), book), i + 1
    noun = _lemma(tokens[i])
    proper = None
    if noun == "город" and i + 1 < len(tokens) and tokens[i + 1].pos == "PROPN":
        proper = _nominative_word(tokens[i + 1])
        i += 1
    if adjective:
        adjective = adjective[:1].upper() + adjective[1:]
    return _place(noun, adjective, proper, book), i + 1


def _nominative_word(token: Any) -> str:
    from processor.nlp import normalize_tokens

    return normalize_tokens([token])


def _render(head: str, before: Sequence[Any], after: Sequence[Any], book: PlaceBook) -> (
    tuple[str, str, EntryType, bool] | None
):  # fmt: skip
    """(English, Kazakh, type, Kazakh is a Russian spelling) of an institution, or None when
    a part is not in the tables (the name is then left to natasha's span)."""
    words = [t.text for t in after]
    if head in ("акимат", "аким", "прокуратура", "департамент"):
        if head == "департамент":
            if not after or _lemma(after[0]) != "полиция":
                return None
            after = after[1:]
        place, used = _places_after(after, book)
        if place is None or used != len(after):
            return None
        en, kk, etype = {
            "акимат": ("Akimat of {}", "{} әкімдігі", "organization"),
            "аким": ("Akim of {}", "{} әкімі", "person"),
            "прокуратура": ("Prosecutor's Office of {}", "{} прокуратурасы", "organization"),
            "департамент": ("Police Department of {}", "{} полиция департаменті", "organization"),
        }[head]
        return en.format(place.en), kk.format(place.kk_genitive), etype, not place.certain  # type: ignore[return-value]
    if head == "суд":
        return _court(before, after, book)
    if head == "министерство":
        ministry = _ministry(" ".join(words))
        return (*ministry, "organization", False) if ministry else None
    if head == "комитет":
        return _committee(words)
    return None


def _court(before: Sequence[Any], after: Sequence[Any], book: PlaceBook) -> (
    tuple[str, str, EntryType, bool] | None
):  # fmt: skip
    """Алмалинский районный суд; районный суд № 2 города Астаны."""
    lemmas = [_lemma(t) for t in before]
    kinds = [COURT_KINDS[lemma] for lemma in lemmas if lemma in COURT_KINDS]
    proper = [t for t in before if t.text[:1].isupper() and _lemma(t) not in COURT_KINDS]
    if len(kinds) + len(proper) != len(before) or not kinds or len(proper) > 1:
        return None
    en_parts = [k[0] for k in kinds]
    kk_parts = [k[1] for k in kinds]
    certain = True
    if proper:
        ru, kk, known = _toponym(_lemma(proper[0]))
        en_parts.insert(0, romanize(ru))
        kk_parts.insert(0, kk)
        certain = known
    number = ""
    rest = list(after)
    if len(rest) >= 2 and rest[0].text == "№" and rest[1].text.isdigit():
        number, rest = rest[1].text, rest[2:]
    elif rest and re.fullmatch(r"№\d+", rest[0].text):  # "№2" as one token
        number, rest = rest[0].text[1:], rest[1:]
    where = None
    if rest:
        where, used = _places_after(rest, book)
        if where is None or used != len(rest):
            return None
        certain = certain and where.certain
    if not proper and where is None:
        return None  # "районный суд" alone names no court
    en = " ".join(en_parts) + " Court" + (f" No. {number}" if number else "")
    en += f" of {where.en}" if where else ""
    kk = " ".join(kk_parts) + " соты"
    kk = (f"№ {number} " if number else "") + kk
    kk = f"{where.kk_genitive} {kk}" if where else kk
    return en, kk, "organization", not certain


def _ministry(field: str) -> tuple[str, str] | None:
    """Ministry of X (of the Republic of Kazakhstan), from what it is of."""
    republic = bool(_REPUBLIC.search(field))
    known = MINISTRY_FIELDS.get(_REPUBLIC.sub("", field).lower().strip())
    if not known:
        return None
    en = f"Ministry of {known[0]}" + (" of the Republic of Kazakhstan" if republic else "")
    kk = f"{known[1]} министрлігі"
    return en, (f"Қазақстан Республикасының {kk}" if republic else kk)


def _committee(words: list[str]) -> tuple[str, str, EntryType, bool] | None:
    """Комитет X (Министерства Y): Committee for X (of the Ministry of Y)."""
    lower = [w.lower() for w in words]
    cut = lower.index("министерства") if "министерства" in lower else len(words)
    known = COMMITTEE_FIELDS.get(" ".join(lower[:cut]))
    if not known:
        return None
    en, kk = f"Committee for {known[0]}", f"{known[1]} комитеті"
    if cut < len(words):
        ministry = _ministry(" ".join(words[cut + 1 :]))
        if not ministry:
            return None
        en = f"{en} of the {ministry[0]}"
        kk = f"{inflect(ministry[1], 'genitive')} {kk}"
    return en, kk, "organization", False


def institutions(doc: Any, book: PlaceBook) -> list[Rendered]:
    """Names of institutions in a natasha ``doc`` parsed with syntax, in text order."""
    found: list[Rendered] = []
    for sent in doc.sents:
        tokens = sent.tokens
        taken = -1
        for index, token in enumerate(tokens):
            if index <= taken or token.pos not in ("NOUN", "PROPN"):
                continue
            head = _lemma(token)
            if head not in _HEADS:
                continue
            first, last = _extent(tokens, index)
            if first == last == index:
                continue  # "суд" alone is not a name
            rendered = _render(head, tokens[first:index], tokens[index + 1 : last + 1], book)
            if rendered is None:
                continue
            en, kk, etype, kk_russian = rendered
            span = tokens[first : last + 1]
            ru = _nominative(span)
            found.append(Rendered(span[0].start, span[-1].stop, ru, en, kk, etype, kk_russian))
            taken = last
    return found


def coordinated_places(doc: Any, book: PlaceBook) -> list[Rendered]:
    """``Абайского и Жарминского районов``: one place per adjective, each in the nominative
    singular (Абайский район, Жарминский район)."""
    found: list[Rendered] = []
    for sent in doc.sents:
        tokens = sent.tokens
        for index, token in enumerate(tokens):
            noun = _lemma(token)
            if noun not in ("район", "область") or token.feats.get("Number") != "Plur":
                continue
            adjectives = [
                i for i in range(index) if tokens[i].pos in ("ADJ", "PROPN")
                and tokens[i].text[:1].isupper() and _reaches(tokens, i, token.id)
            ]  # fmt: skip
            if len(adjectives) < 2:
                continue
            for i in adjectives:
                adjective = _lemma(tokens[i])
                adjective = _agree(adjective[:1].upper() + adjective[1:], noun)
                place = _place(noun, adjective, None, book)
                if place is None:
                    continue
                found.append(
                    Rendered(tokens[i].start, token.stop if i == adjectives[-1] else tokens[i].stop,
                             f"{adjective} {noun}", place.en, place.kk, "place", not place.certain)
                )  # fmt: skip
    return found


def _reaches(tokens: Sequence[Any], i: int, head_id: str) -> bool:
    """True when ``tokens[i]`` hangs on ``head_id`` as a modifier, directly or through a
    coordinated adjective (Жарминского is a conj of Абайского, which is an amod)."""
    by_id = {t.id: t for t in tokens}
    token = tokens[i]
    for _ in range(4):
        if token.head_id == head_id:
            return token.rel in ("amod", "conj")
        if token.rel != "conj" or token.head_id not in by_id:
            return False
        token = by_id[token.head_id]
    return False


def render_place(ru: str, book: PlaceBook) -> tuple[str, str, bool] | None:
    """(English, Kazakh, Kazakh is a Russian spelling) of a district or region named by an
    adjective and its noun in the nominative (Абайский район), else None."""
    words = ru.split()
    if len(words) != 2 or not words[0][:1].isupper():
        return None
    noun = words[1].lower()
    if noun not in ("район", "область"):
        return None
    place = _place(noun, _masculine(words[0]), None, book)
    if place is None:
        return None
    return place.en, place.kk, not place.certain


def _masculine(adjective: str) -> str:
    low = adjective.lower()
    if low.endswith("ская"):
        return adjective[:-4] + "ский"
    if low.endswith("ная"):
        return adjective[:-3] + "ный"
    return adjective
