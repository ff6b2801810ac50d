"""Which step of a process an article reports, read from its headline and lead.

Reports of one process look alike: the same chamber, bill and speaker for the first and
the final reading on one day, the same commission and words for the turnout at 16:00 and
at 18:00.  Each report names its step in a few fixed words, so a *slot* (reading, time of
the count, step of an appointment or a vote) holds the values an article gives, and two
articles that give different values of one slot report different events: grouping never
puts them in one story (:func:`conflict`).  An article that does not name a slot says
nothing about it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

Slots = Mapping[str, frozenset[str]]

# "в первом чтении"; "во втором, окончательном чтении" is both the second and the final.
_READINGS = (
    ("1", re.compile(r"\bв\s+первом\s+чтении")),
    ("2", re.compile(r"\bво\s+втором\W+(?:\w+\W+)?чтении")),
    ("3", re.compile(r"\bв\s+третьем\W+(?:\w+\W+)?чтении")),
    # "окончательно одобрил", "во втором, окончательном чтении"; not "окончательно не решено".
    (
        "final",
        re.compile(r"\bокончательн\w*\s+(?:\w+\s+)?(?:чтени|принял|приняли|одобрил|утвердил)"),
    ),
)
# A count "as of" a time of day: "по состоянию на 16:00", "явка на 18:00", "на 10 часов".
_AS_OF = re.compile(
    r"\b(?:по\s+состоянию\s+)?на\s+(\d{1,2})(?:[:.](\d{2})|\s+час\w*)(?!\s*(?:мск|по\s+москов))"
)
_ASIDE = re.compile(r"\([^()]*\)")  # "(14:00 по Москве)": the same time told another way
# Steps named in the headline, else in the lead's first sentence: the step an article is
# about (a lead often recalls the step before: "the referendum, declared valid, ...").
_STEPS = (
    (
        "nominated",
        r"\b(?:предложил|внес|внесла|представил|выдвинул)[аи]?\s+(?:\w+\s+){0,4}?кандидат",
    ),
    ("appointed", r"\bназначен\w*|\bназначил[аи]?\b"),
    ("valid", r"\bпризна\w*\s+состоявш"),
    ("polls closed", r"\bзавершил\w*\s+голосовани|\bучастки\s+закрыл|\bзакрыл\w*\s+участки"),
    ("exit poll", r"\bэкзит-?пол|\bexit[- ]?poll"),
    (
        "results",
        r"\bпредварительн\w+\s+(?:итог|результат)|\bитоги\s+(?:голосовани|референдум|выбор)|\bпроголосовал\w*\s+за\b"
        r"|\bподдержал\w*",
    ),
    ("talks", r"\bпереговор\w*|\bвстретил\w*|\bвстреч[аеиу]\b"),
    ("summit", r"\bсаммит\w*|\bзаседани\w*\s+(?:совета|глав)"),
    ("final results", r"\bокончательн\w+\s+(?:итог|результат)"),
)
# "на полях саммита", "в рамках визита": the setting of the step, not the step.
_SETTING = re.compile(r"\b(?:на\s+полях|в\s+рамках|в\s+кулуарах|в\s+ходе)\s+\w+(?:\s+\w+)?")
_STEP_PATTERNS = tuple((value, re.compile(pattern)) for value, pattern in _STEPS)


def slots_of(headline: str, lead: str) -> dict[str, frozenset[str]]:
    """The slots ``headline`` and ``lead`` fill, each with the values they give."""
    text = _ASIDE.sub(" ", f"{headline}. {lead}").lower().replace("ё", "е")
    first = _ASIDE.sub(" ", _first_sentence(lead)).lower().replace("ё", "е")
    found: dict[str, frozenset[str]] = {}
    readings = frozenset(value for value, pattern in _READINGS if pattern.search(text))
    if readings:
        found["reading"] = readings
    times = frozenset(f"{int(h):02d}:{m or '00'}" for h, m in _AS_OF.findall(text) if int(h) <= 24)
    if times:
        found["as of"] = times
    # A count as of a time of day is a step of its own (turnout at 16:00 is not the close).
    steps = _steps(_ASIDE.sub(" ", headline).lower()) or _steps(first) or times
    if steps:
        found["step"] = steps
    return found


def conflict(a: Slots, b: Slots) -> bool:
    """True when ``a`` and ``b`` give different values of one slot (none in common)."""
    return any(values.isdisjoint(b[slot]) for slot, values in a.items() if slot in b)


def _steps(text: str) -> frozenset[str]:
    text = _SETTING.sub(" ", text)
    return frozenset(value for value, pattern in _STEP_PATTERNS if pattern.search(text))


def _first_sentence(text: str) -> str:
    end = re.search(r"[.!?…](?:\s|$)", text)
    return text[: end.end()] if end else text
