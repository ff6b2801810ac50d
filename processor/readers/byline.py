"""The outlet an article names in its own lead: "…, сообщает Zakon.kz.",
"передает корреспондент Kazinform", "пишет Tengrinews.kz", "/ТАСС/".

A saved TXT seldom carries metadata, but Kazakhstan news names its outlet in the first
paragraph; the memo's Source line should say that, not the file name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_VERB = r"(?:сообщает|сообщают|передает|передаёт|пишет|информирует)"
_WHO = r"(?:(?:собственн\w+\s+)?(?:корреспондент\w*|редакци\w+|агентство|издание|портал)\s+)?"
# The outlet: a capitalised word or a domain ("Zakon.kz", "24.kg", "Kazinform", "ТАСС"),
# optionally followed by a second capitalised word ("Курсив Media").
_NAME = r"[«\"]?((?:[A-ZА-ЯЁ][\w.\-]*|\d+\.[a-z]+)(?:\s[A-ZА-ЯЁ][\w.\-]*)?)[»\"]?"
# The attribution at the end of a sentence, where it is no part of what happened.
ATTRIBUTION = re.compile(
    rf",?\s*{_VERB}\s+{_WHO}{_NAME}(?:\s+со\s+ссылкой\s+на\s+[^,.]+)?\s*\.?\s*$",
    re.IGNORECASE,
)
_INLINE = re.compile(rf",\s*{_VERB}\s+{_WHO}{_NAME}(?=[\s,.;]|$)")
# A dateline: "АСТАНА, 29 января. /ТАСС/.", "АСТАНА, 2 фев - ПРАЙМ." or
# "Астана. 15 сентября. KAZAKHSTAN TODAY - ".
_DATELINE = re.compile(
    r"^[А-ЯЁ][А-ЯЁа-яё\-]+[,.]\s+\d{1,2}\s+\w+\.?\s*"
    r"(?:/([^/]{2,30})/|[-–—]\s*([A-ZА-ЯЁ][A-ZА-ЯЁ .]{1,30}?)\.|([A-Z][A-Z ]{2,30}?)\s+[-–—]\s)"
)
# Words that end a match but are no outlet ("сообщает пресс-служба", "пишет он").
_NOT_OUTLETS = {"пресс-служба", "он", "она", "они", "министерство", "акорда", "ведомство"}


def outlet_in_lead(paragraphs: Iterable[str], *, first: int = 4) -> str | None:
    """The outlet named by the first paragraphs' attribution or dateline, else None."""
    for text in list(paragraphs)[:first]:
        if m := _DATELINE.match(text):
            return (m.group(1) or m.group(2) or m.group(3)).strip()
        for m in _INLINE.finditer(text):
            name = m.group(1).rstrip(".")
            if name.lower() not in _NOT_OUTLETS and _looks_like_outlet(name):
                return name
    return None


def _looks_like_outlet(name: str) -> bool:
    """A domain ("Zakon.kz"), a Latin name ("Kazinform") or a capitalised acronym ("ТАСС")."""
    return "." in name or name.isascii() or name.isupper()
