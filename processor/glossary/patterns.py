"""Names built from parts: courts, akimats, akims, ministries, committees, prosecutors'
offices, police departments and districts that no list can hold.

``районный суд № 2 города Астаны`` is a name made of a kind (районный суд -> District
Court, аудандық сот), a number and a place (города Астаны -> of Astana, Астана
қаласының).  :func:`institutions` finds such names in a natasha parse (the head word
and its dependents from the syntax tree, so ``Жарминского района`` after ``акимат``
belongs to it), puts them in the nominative as a phrase (natasha's syntax
normalisation, genitive parts kept) and renders them in English and Kazakh from the
tables of :mod:`processor.glossary.common_words`; the places inside come from
:mod:`processor.glossary.places`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from processor.glossary.common_words import (
    COMMITTEE_FIELDS,
    COURT_KINDS,
    COURT_MATTERS,
    MINISTRY_FIELDS,
)
from processor.glossary.kazakh import inflect
from processor.glossary.places import Place, PlaceBook, agree, place_of, toponym
from processor.glossary.romanize import romanize
from processor.glossary.types import EntryType

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


def _places_after(tokens: Sequence[Any], book: PlaceBook) -> tuple[Place | None, int]:
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
        return place_of("город", None, _nominative_word(tokens[i]), book), i + 1
    noun = _lemma(tokens[i])
    proper = None
    if adjective is None and i + 1 < len(tokens) and tokens[i + 1].pos == "PROPN":
        proper = _nominative_word(tokens[i + 1])
        i += 1
    if adjective:
        adjective = adjective[:1].upper() + adjective[1:]
    return place_of(noun, adjective, proper, book), i + 1


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
        ru, kk, known = toponym(_lemma(proper[0]))
        en_parts.insert(0, romanize(ru))
        kk_parts.insert(0, kk)
        certain = known
    number = ""
    rest = list(after)
    if len(rest) >= 2 and rest[0].text == "№" and rest[1].text.isdigit():
        number, rest = rest[1].text, rest[2:]
    elif rest and re.fullmatch(r"№\d+", rest[0].text):  # "№2" as one token
        number, rest = rest[0].text[1:], rest[1:]
    matter = None
    for size in (3, 2):  # "по уголовным делам": what the court tries
        key = " ".join(t.text.lower() for t in rest[:size])
        if len(rest) >= size and key in COURT_MATTERS:
            matter, rest = COURT_MATTERS[key], rest[size:]
            break
    where = None
    if rest:
        where, used = _places_after(rest, book)
        if where is None or used != len(rest):
            return None
        certain = certain and where.certain
    if not proper and where is None and matter is None:
        return None  # "районный суд" alone names no court
    en = (
        " ".join(en_parts)
        + " Court"
        + (f" for {matter[0]}" if matter else "")
        + (f" No. {number}" if number else "")
    )
    en += f" of {where.en}" if where else ""
    kk = " ".join(kk_parts) + " соты"
    kk = f"{matter[1]} {kk}" if matter else kk
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
            # The longest phrase that renders: "аким Жарминского района Нурлан Назарханов"
            # is the akim's post followed by his name.
            rendered = None
            for end in range(last, index - 1, -1):
                rendered = _render(head, tokens[first:index], tokens[index + 1 : end + 1], book)
                if rendered:
                    last = end
                    break
            if rendered is None:
                continue
            en, kk, etype, kk_russian = rendered
            span = tokens[first : last + 1]
            # The head and its adjectives in the nominative; what follows stays as written
            # (genitives: "акимата района Жаңасемей" -> "Акимат района Жаңасемей").
            ru = _nominative(tokens[first : index + 1])
            if last > index:
                ru += doc.text[tokens[index].stop : span[-1].stop]
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
                adjective = agree(adjective[:1].upper() + adjective[1:], noun)
                place = place_of(noun, adjective, None, book)
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
