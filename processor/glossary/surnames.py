"""What the words around a surname say about who it names (for a surname matched alone).

A glossary person's surname alone attaches that person only when nothing next to it
names someone else: another first name (Дарига Назарбаева, even when the dictionary does
not know Дарига) or a woman where the entry is a man (Назарбаева провела встречу).
"""

from __future__ import annotations

import functools
import re

_FEMALE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына)$")


# Cached: a text that names one person thousands of times asked the dictionary each time
# (1 MB of "Токаев" took 9 s in /api/glossary/find).
@functools.lru_cache(maxsize=65536)
def is_first_name(word: str) -> bool:
    """A first name, and not also a place (Астане has a rare "Name" reading too); a word
    the dictionary does not know counts when it may be a woman's name (Дарига)."""
    from processor.morphology import analyzer

    morph = analyzer()
    grammemes = [p.tag.grammemes for p in morph.parse(word)]
    if not morph.word_is_known(word.lower()):
        return any({"Name", "femn", "nomn"} <= g for g in grammemes)
    return any("Name" in g for g in grammemes) and not any({"Geox", "Orgn"} & g for g in grammemes)


@functools.lru_cache(maxsize=65536)
def names_a_woman(surname: str, next_word: str) -> bool:
    """A surname in a woman's nominative form followed by a feminine past verb
    ("Назарбаева провела"); "с Токаевым прошла" is not one."""
    from processor.morphology import analyzer

    if not _FEMALE_SURNAME.search(surname.lower()):
        return False
    parses = analyzer().parse(next_word)
    if not parses:
        return False
    tag = parses[0].tag
    return tag.POS == "VERB" and {"past", "femn"} <= tag.grammemes
