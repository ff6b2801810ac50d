"""Key figures: amounts, percentages and dates, what an analyst quotes from an article."""

from __future__ import annotations

import re

DEFAULT_FIGURES = 5

_MONTHS = (
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]\w*|июн\w*|июл\w*|август\w*|"
    r"сентябр\w*|октябр\w*|ноябр\w*|декабр\w*"
)
_AMOUNT = re.compile(
    r"\d[\d\s.,]*\s*(?:%|процент\w*|трлн\w*|триллион\w*|млрд\w*|миллиард\w*|млн\w*|"
    r"миллион\w*|тыс\w*|тысяч\w*|доллар\w*|долл\.?|евро|тенге|руб\w*|\$|баррел\w*|тонн\w*)"
    r"|[$€₸]\s*\d",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{4}}|\b(?:19|20)\d\d\s*(?:год\w*|г\.)",
    re.IGNORECASE,
)
_COUNT = re.compile(r"\b\d+\s+(?:соглашени\w*|компани\w*|договор\w*|проект\w*|стран\w*)", re.I)
# A number as written ("441,04", "11:00", "2 000"): what tells two figures apart.
_NUMBER = re.compile(r"\d+(?:[\s\u00a0]\d{3})*(?:[.,:]\d+)*")

# A figure sentence must carry at least one amount (weight 2), not just a date.
MIN_FIGURE_WEIGHT = 2


def figure_weight(text: str) -> int:
    """How much quotable data a sentence carries: amounts count double."""
    amounts = len(_AMOUNT.findall(text)) + len(_COUNT.findall(text))
    return 2 * amounts + len(_DATE.findall(text))


def numbers(text: str) -> frozenset[str]:
    """The numbers a sentence states, spaces inside a number removed."""
    return frozenset(re.sub(r"[\s\u00a0]", "", n) for n in _NUMBER.findall(text))
