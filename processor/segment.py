"""Russian sentence splitting that needs no downloaded data.

razdel (rule-based, pure Python, ships everything it needs) does the first cut.
Two kinds of its splits are undone here, because a wrong split makes a key
point that is a fragment:

* after an abbreviation that does not end a sentence ("4,2 млрд долл. США",
  "5 дек. 2024 г."): the next piece starts with a digit, a lowercase letter or
  an all-caps abbreviation;
* inside a quotation («Мы готовы. Казахстан открыт».), which stays one
  sentence of the text that quotes it.

Initials (К.-Ж. Токаев), "т.е.", "г." and interview dashes are handled by razdel
itself; the tests pin all of these cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which razdel may split although the sentence goes on.
_ABBREVIATIONS = frozenset(
    """
    долл дол руб тыс млн млрд трлн тенг евро ед экз
    янв фев февр мар апр авг сен сент окт ноя нояб дек
    г гг в вв ст п пп ч гл рис табл см стр с тт кв км м кг га
    ул пр просп пер д корп обл р-н г-н г-жа им проф акад доц
    т е др пр см напр мин макс ок зам зав ген нач тел
    """.split()
)

_TRAILING_WORD = re.compile(r"([А-Яа-яЁёA-Za-z-]+)\.\s*$")
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
    return text.count("«") > text.count("»") or text.count('"') % 2 == 1


def _should_merge(current: str, following: str) -> bool:
    if _ends_with_abbreviation(current) and _CONTINUES.match(following):
        return True
    return _open_quote(current) and len(current) + len(following) < _MAX_QUOTE_MERGE


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences; offsets index into ``text``."""
    from razdel import sentenize  # cheap, but keeps `processor --help` import-free

    pieces = [Span(s.text, s.start, s.stop) for s in sentenize(text) if s.text.strip()]
    merged: list[Span] = []
    for piece in pieces:
        if merged and _should_merge(merged[-1].text, piece.text):
            last = merged.pop()
            piece = Span(text[last.start : piece.stop], last.start, piece.stop)
        merged.append(piece)
    return merged
