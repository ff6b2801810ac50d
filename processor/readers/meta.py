"""What a source says of itself: outlet, publication date, address, author.

Shared by the readers: dates in the forms Russian sites and files use become
ISO dates (``YYYY-MM-DD``), and the header lines a saved TXT often starts with
("Источник: zakon.kz", a URL, "12 марта 2025") are recognised so that they go
into :class:`~processor.model.SourceMeta` instead of the body text.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from processor.readers.text import Parsed, clean_text

# Every spelling of a month a dated line uses: nominative, genitive, abbreviations.
_MONTH_NAMES = (
    "январь января янв",
    "февраль февраля фев февр",
    "март марта мар",
    "апрель апреля апр",
    "май мая",
    "июнь июня июн",
    "июль июля июл",
    "август августа авг",
    "сентябрь сентября сен сент",
    "октябрь октября окт",
    "ноябрь ноября ноя нояб",
    "декабрь декабря дек",
)
_ENGLISH_MONTHS = (
    "january february march april may june july august september october november december"
)
_MONTHS = {
    word: n
    for n, (ru, en) in enumerate(zip(_MONTH_NAMES, _ENGLISH_MONTHS.split(), strict=True), start=1)
    for word in (*ru.split(), en, en[:3])
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_DOTTED = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_WORDS = re.compile(r"(\d{1,2})\s+([а-яёa-z]+)\.?,?\s+(\d{4})\b", re.I)
_TIME = r"(?:[,\s]+(?:в\s+)?\d{1,2}:\d{2}(?::\d{2})?)?"
# A line holding nothing but a date (and maybe a time): a TXT header line.
_DATE_LINE = re.compile(
    rf"^(?:(?:дата(?: публикации)?|опубликовано|date|published)\s*:?\s*)?"
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}|\d{{1,2}}\s+[а-яёa-z]+\.?\s+\d{{4}})"
    rf"(?:\s*(?:г\.|года))?{_TIME}\s*$",
    re.I,
)
_URL = re.compile(r"https?://[^\s<>\"']+", re.I)
_URL_LINE = re.compile(r"^(?:(?:url|ссылка|адрес|link)\s*:\s*)?(https?://\S+)$", re.I)
_FIELD_LINE = re.compile(
    r"^(источник|source|издание|сми|автор|author|дата(?: публикации)?|date)\s*:\s*(\S.{0,200})$",
    re.I,
)


def iso_date(text: str | None) -> str | None:
    """An ISO date from ``"2025-03-12T10:00+05:00"``, ``"12.03.2025"``, ``"12 марта 2025 г."``."""
    if not text:
        return None
    text = clean_text(text)[:200]
    if m := _ISO.match(text) or _ISO.match(text + " "):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DOTTED.search(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _WORDS.search(text):
        word = m.group(2).lower()
        month = _MONTHS.get(word, 0)
        day, year = int(m.group(1)), int(m.group(3))
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def host_of(url: str) -> str | None:
    """``https://www.zakon.kz/news/1`` -> ``zakon.kz``."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def clean_url(url: str | None) -> str | None:
    """An absolute http(s) address, else ``None``."""
    if not url:
        return None
    url = url.strip()
    return url if _URL.fullmatch(url) and host_of(url) else None


def header_field(line: str, parsed: Parsed) -> bool:
    """Record ``line`` in ``parsed`` if it is a metadata header line; say whether it was."""
    line = clean_text(line)
    if m := _URL_LINE.match(line):
        url = clean_url(m.group(1))
        if url is None:
            return False
        parsed.url = parsed.url or url
        return True
    if _DATE_LINE.match(line) and (date := iso_date(line)):
        parsed.published = parsed.published or date
        return True
    m = _FIELD_LINE.match(line)
    if m is None:
        return False
    key, value = m.group(1).lower(), m.group(2).strip()
    if len(value.split()) > 6 and not _URL.search(value):
        return False  # a sentence that happens to open with "Источник:", not a header
    if key.startswith(("автор", "author")):
        parsed.author = parsed.author or value
    elif key.startswith(("дата", "date")):
        date = iso_date(value)
        if date is None:
            return False
        parsed.published = parsed.published or date
    elif found := _URL.search(value):
        parsed.url = parsed.url or clean_url(found.group(0))
    else:
        parsed.outlet = parsed.outlet or value
    return True
