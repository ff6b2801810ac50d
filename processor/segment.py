"""Russian sentence splitting that needs no downloaded data.

razdel (rule-based, pure Python, ships everything it needs) does the first cut.
Two kinds of its splits are undone here, because a wrong split makes a key
point that is a fragment:

* after an abbreviation that does not end a sentence ("4,2 млрд долл. США",
  "5 дек. 2024 г."): the next piece starts with a digit, a lowercase letter or
  an all-caps abbreviation;
* inside a quotation («Мы готовы. Казахстан открыт».), which stays one
  sentence of the text that quotes it;
* inside an editorial note: "(65 долларов. — Ред.)" and "— Прим. авт." belong
  to the sentence they annotate.

Text that arrives all in lower case (common in news feeds) is cut on a
sentence-cased view of itself: the spans still index, and quote, the text as written.

Initials (К.-Ж. Токаев), "т.е.", "г." and interview dashes are handled by razdel
itself; the tests pin all of these cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which razdel may split although the sentence goes on.
_ABBREVIATIONS = frozenset(
    """
    долл дол руб тыс млн млрд трлн тенг евро ед экз ред прим авт
    янв фев февр мар апр авг сен сент окт ноя нояб дек
    г гг в вв ст п пп ч гл рис табл см стр с тт кв км м кг га
    ул пр просп пер д корп обл р-н г-н г-жа им проф акад доц
    т е др пр см напр мин макс ок зам зав ген нач тел
    """.split()
)

_TRAILING_WORD = re.compile(r"([А-Яа-яЁёA-Za-z-]+)\.\s*$")
# An editorial note standing alone after razdel's cut: "— Прим. авт.", "– Ред.).".
_NOTE = re.compile(r"^\s*[—–-]?\s*(?:прим\.|ред\.|авт\.)[^.!?]{0,40}[.)]*\s*$", re.IGNORECASE)
# Where a sentence of lower-cased text may start: after final punctuation and space.
_SENTENCE_END = re.compile(r"[.!?…][»\")]*\s+(?=\w)")
_CONTINUES = re.compile(r"^\s*(?:[a-zа-яё0-9]|[А-ЯЁA-Z]{2,}\b)")
# Longest piece that may be glued back; beyond it a "quote" is more likely a typo.
_MAX_QUOTE_MERGE = 1200


@dataclass(frozen=True)
class Span:
    """A sentence and its offsets in the text it was cut from."""

    text: str
    start: int
    stop: int


def _ends_with_abbreviation(text: str) -> bool:
    match = _TRAILING_WORD.search(text)
    if not match:
        return False
    word = match.group(1).lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _open_quote(text: str) -> bool:
    return (
        text.count("«") > text.count("»")
        or text.count('"') % 2 == 1
        or text.count("(") > text.count(")")
    )


def _should_merge(current: str, following: str) -> bool:
    if _ends_with_abbreviation(current) and _CONTINUES.match(following):
        return True
    if _NOTE.match(following):
        return True
    return _open_quote(current) and len(current) + len(following) < _MAX_QUOTE_MERGE


def is_lower_cased(text: str) -> bool:
    """Text written without capitals: it starts in lower case and so do most sentences."""
    first = next((c for c in text if c.isalpha()), "")
    if not first.islower():
        return False
    starts = [text[m.end()] for m in _SENTENCE_END.finditer(text)]
    return sum(c.islower() for c in starts) >= sum(c.isupper() for c in starts)


def sentence_cased(text: str) -> str:
    """``text`` with a capital where a sentence may start (same length, same offsets)."""
    chars = list(text)
    starts = [next((i for i, c in enumerate(text) if c.isalpha()), 0)]
    starts += [
        m.end()
        for m in _SENTENCE_END.finditer(text)
        if not _ends_with_abbreviation(text[: m.start() + 1])
    ]
    for i in starts:
        if i < len(chars) and len(chars[i].upper()) == 1:
            chars[i] = chars[i].upper()
    return "".join(chars)


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences; offsets index into ``text``."""
    from razdel import sentenize  # cheap, but keeps `processor --help` import-free

    view = sentence_cased(text) if is_lower_cased(text) else text
    pieces = [Span(s.text, s.start, s.stop) for s in sentenize(view) if s.text.strip()]
    merged: list[Span] = []
    for piece in pieces:
        if merged and _should_merge(merged[-1].text, piece.text):
            last = merged.pop()
            piece = Span(text[last.start : piece.stop], last.start, piece.stop)
        merged.append(piece)
    # The view only guides the cut: every span quotes the text as written.
    return [Span(text[p.start : p.stop], p.start, p.stop) for p in merged]
