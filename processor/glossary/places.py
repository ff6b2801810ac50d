"""Places inside names: districts, regions and cities, rendered in English and Kazakh.

A place comes from the glossary when it has it (Абайская область -> Abai Region, Абай
облысы); otherwise a district's name is taken from its adjective (Жарминский -> Жарма,
:func:`_toponym`), and the Kazakh is marked uncertain unless :data:`TOPONYMS` gives it or
the text spells the name with Kazakh letters.  Used by :mod:`processor.glossary.patterns`
and for natasha's place names (``Абайский район`` -> Abai District, Абай ауданы).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from processor.glossary.common_words import PLACE_NOUNS, TOPONYMS
from processor.glossary.kazakh import inflect
from processor.glossary.romanize import romanize
from processor.glossary.types import Glossary, identity

# A place's English and Kazakh by its Russian nominative, when a glossary knows it.
PlaceBook = Callable[[str], tuple[str, str] | None]


@dataclass(frozen=True)
class Place:
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


def toponym(adjective: str) -> tuple[str, str, bool]:
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


def place_of(noun: str, adjective: str | None, proper: str | None, book: PlaceBook) -> Place | None:
    """A place from its parts in the nominative: (район, Жарминский, None), (город, None,
    Астана)."""
    if noun not in PLACE_NOUNS:
        return None
    en_noun, kk_noun, kk_noun_gen = PLACE_NOUNS[noun]
    if proper:  # города Астаны, района Жаңасемей: the place by its own name
        known = book(proper)
        en, kk = known if known else (romanize(proper), proper)
        if re.search(r"(?:облысы|ауданы|қаласы)$", kk):  # СКО: a region by its short name
            return Place(en, kk, inflect(kk, "genitive"), True)
        # Certain when a glossary knows it or the text spells it with Kazakh letters.
        certain = known is not None or bool(re.search("[әғқңөұүһі]", proper.lower()))
        en = f"{en} {en_noun}" if en_noun else en
        return Place(en, f"{kk} {kk_noun}", f"{kk} {kk_noun_gen}", certain)
    if not adjective:
        return None
    known = book(agree(adjective, noun) + " " + noun)
    if known:
        return Place(known[0], known[1], inflect(known[1], "genitive"), True)
    ru, kk, certain = toponym(adjective)
    return Place(f"{romanize(ru)} {en_noun}", f"{kk} {kk_noun}", f"{kk} {kk_noun_gen}", certain)


def agree(adjective: str, noun: str) -> str:
    """The adjective's nominative singular in the noun's gender (Абайский, область ->
    Абайская)."""
    if noun != "область":
        return adjective
    low = adjective.lower()
    for masc, femn in (("ский", "ская"), ("ный", "ная"), ("ий", "ая"), ("ый", "ая")):
        if low.endswith(masc):
            return adjective[: len(adjective) - len(masc)] + femn
    return adjective


def render_place(ru: str, book: PlaceBook) -> tuple[str, str, bool] | None:
    """(English, Kazakh, Kazakh is a Russian spelling) of a district or region named by an
    adjective and its noun in the nominative (Абайский район), else None."""
    words = ru.split()
    if len(words) != 2 or not words[0][:1].isupper():
        return None
    noun = words[1].lower()
    if noun not in ("район", "область"):
        return None
    place = place_of(noun, _masculine(words[0]), None, book)
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
