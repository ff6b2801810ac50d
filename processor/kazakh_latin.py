"""Kazakh in the Latin script: ``kk-latn``, the 2021 Latin alphabet of Kazakh.

The table is the improved Latin-based Kazakh alphabet presented by the Government of
Kazakhstan on 28 January 2021 (National Commission on the transition of the Kazakh
alphabet to the Latin script; draft decree "О некоторых вопросах перевода алфавита
казахского языка с кириллицы на латинскую графику", published on "Открытые НПА"; text
at qazlat.kz/ru/docs/alphabet2021): 31 letters, one sound one letter, with the
diacritics ä ö ü ū ğ ş ñ and dotted/dotless i (И/Й -> İ i, І -> I ı).  Letters that
exist only in Russian loans follow the substitution rules published with it:
ё -> io, ю -> iu, я -> ia, ц -> ts, ч -> tş, щ -> şş, э -> e; ъ and ь are not written.

A memo in ``kk-latn`` is the Kazakh memo (same translation route, same glossary forms
and case endings, which are computed in Cyrillic) written in this alphabet: the
conversion is a last step over what the reader sees, never a separate translation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from processor.translation.base import Translator

LANGUAGE = "kk-latn"
BASE = "kk"

# Lower-case Kazakh Cyrillic -> 2021 Latin.  Upper case is derived (see _upper), with
# İ for И/Й (the dotted capital) and I for І (the dotless pair's capital).
_LOWER: dict[str, str] = {
    "а": "a",
    "ә": "ä",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "ğ",
    "д": "d",
    "е": "e",
    "ё": "io",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "қ": "q",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "ñ",
    "о": "o",
    "ө": "ö",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "ū",
    "ү": "ü",
    "ф": "f",
    "х": "h",
    "һ": "h",
    "ц": "ts",
    "ч": "tş",
    "ш": "ş",
    "щ": "şş",
    "ъ": "",
    "ы": "y",
    "і": "ı",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
}

_UPPER_SPECIAL = {"и": "İ", "й": "İ", "і": "I"}


def _upper(cyrillic: str, latin: str) -> str:
    if cyrillic in _UPPER_SPECIAL:
        return _UPPER_SPECIAL[cyrillic]
    return latin[:1].upper() + latin[1:]


TABLE: dict[str, str] = {**_LOWER, **{c.upper(): _upper(c, v) for c, v in _LOWER.items()}}
_TRANSLATE = str.maketrans(TABLE)


def to_latin(text: str) -> str:
    """``text`` with every Kazakh Cyrillic letter written in the 2021 Latin alphabet.

    Latin letters, digits and punctuation are kept.  A capital letter that becomes two
    Latin letters (Ш is one, but Ч -> Tş) stays capitalised only on its first letter,
    unless the word is all capitals (ЧТК -> TŞTK).
    """
    if not any("\u0400" <= ch <= "\u04ff" for ch in text):
        return text
    out: list[str] = []
    for word in _words(text):
        if len(word) > 1 and word.isupper():
            out.append(word.translate(_TRANSLATE).upper().replace("İ", "İ"))
        else:
            out.append(word.translate(_TRANSLATE))
    return "".join(out)


def _words(text: str) -> list[str]:
    """``text`` cut into runs of letters and runs of everything else (kept in order)."""
    pieces: list[str] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or text[i].isalpha() != text[start].isalpha():
            pieces.append(text[start:i])
            start = i
    return pieces


def is_script_variant(language: str) -> bool:
    """Whether ``language`` is written by converting another language's output."""
    return language == LANGUAGE


def base_language(language: str) -> str:
    """The language whose translation and glossary forms ``language`` is written from."""
    return BASE if language == LANGUAGE else language


def in_script(text: str, language: str) -> str:
    """``text`` as ``language`` writes it (only ``kk-latn`` converts)."""
    return to_latin(text) if language == LANGUAGE else text


class LatinTranslator:
    """A Kazakh translator whose output is written in the Latin script.

    It wraps the *outermost* translator (after the glossary hold), so that terms are
    held and inflected in Cyrillic, as the glossary and the case rules are written.
    """

    def __init__(self, inner: Translator):
        self.inner = inner
        self.source = inner.source
        self.target = LANGUAGE

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return [to_latin(text) for text in self.inner.translate(sentences)]

    def describe(self) -> str:
        return f"{self.inner.describe()}; written in the Kazakh Latin alphabet (2021)"
