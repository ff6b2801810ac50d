"""Text normalisation shared by every reader.

Decoding files of unknown Russian encoding, newline and control-character
cleanup, joining hard-wrapped lines (and words broken at a line-end hyphen),
and telling a headline from a sentence.  :class:`Parsed` is what a format
reader hands to the registry before paragraphs are numbered.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from processor.errors import InputError
from processor.model import ParagraphKind


@dataclass
class Parsed:
    """What a format reader found, before paragraphs are numbered.

    ``outlet``, ``published`` (ISO date), ``url`` and ``author`` are what the
    source says of itself; the registry copies them into :class:`SourceMeta`.
    """

    blocks: list[tuple[ParagraphKind, str, int]] = field(default_factory=list)
    title: str | None = None
    encoding: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None

    def add(self, kind: ParagraphKind, text: str, level: int = 0) -> None:
        text = clean_text(text)
        if text:
            self.blocks.append((kind, text, level))


_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2000-\u200a\u3000]+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def normalize_newlines(text: str) -> str:
    """CRLF, CR, form feeds and Unicode line separators become ``\\n``."""
    return re.sub(r"\r\n?|[\f\v\u2028\u2029\x85]", "\n", text)


def clean_text(text: str) -> str:
    """One line: soft hyphens and zero-width marks dropped, any whitespace run -> one space."""
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def _is_control(ch: str) -> bool:
    return (ord(ch) < 32 and ch not in "\t\n\r\f\v\x1a") or 0x7F <= ord(ch) < 0xA0


def binary_error(path: str) -> InputError:
    return InputError("not a text file (binary content)", path=path)


# Most frequent Russian bigrams: real Russian text is full of them, a text
# decoded with the wrong Cyrillic code page has almost none.
_RU_BIGRAMS = frozenset(
    "ст но то на ен ов ни ра во ко ал ер пр ос ро ли по ре ет ка ан ла не ел ве он "
    "ор та ол ат ти ва де ит ес ия од ом ри от ог ск да ль ле ин ри".split()
)
_CYRILLIC_CANDIDATES = ("cp1251", "koi8-r", "cp866", "mac-cyrillic")


_RU_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
# Characters a Russian text may hold besides letters; anything else (box drawing,
# math signs, Serbian or Ukrainian letters) hints at the wrong code page.
_RU_USUAL = frozenset(" \t\n\r\f«»—–…„“”‘’№\u00a0") | frozenset(map(chr, range(0x20, 0x7F)))


def _russian_score(text: str) -> tuple[float, float]:
    """How much ``text`` reads like Russian: (score, share of Russian letters among letters).

    Real text is mostly lower case and full of common bigrams; koi8-r read as
    cp1251 comes out mostly upper case, cp1251 read as mac-cyrillic turns
    capitals into symbols.
    """
    ru = [ch for ch in text if ch in _RU_LETTERS]
    letters = sum(1 for ch in text if ch.isalpha())
    if not ru:
        return 0.0, 0.0
    lower = sum(1 for ch in ru if ch.islower())
    odd = sum(1 for ch in text if ch not in _RU_LETTERS and ch not in _RU_USUAL)
    pairs = re.findall(r"(?=([а-яё]{2}))", text)
    bigrams = sum(1 for p in pairs if p in _RU_BIGRAMS) / max(len(pairs), 1)
    score = lower / len(ru) + bigrams * 2 - odd / len(text) * 20
    return score, len(ru) / max(letters, 1)


def decode_text(data: bytes, *, path: str = "<bytes>") -> tuple[str, str]:
    """Decode a text file of unknown encoding; returns ``(text, encoding)``.

    BOMs win; then strict UTF-8; then the Cyrillic code page whose decoding
    reads most like Russian (detectors confuse cp1251/koi8-r on short texts);
    charset-normalizer only decides for texts that are not Cyrillic at all.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise binary_error(path) from None
    if b"\x00" in data:
        found = utf16_without_bom(data)
        if found is None:
            raise binary_error(path)
        return found
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            # The last character was cut (`head -c`): the rest is plain UTF-8.
            return data[: exc.start].decode("utf-8"), "utf-8"
    scored: list[tuple[float, float, str, str]] = []
    for enc in _CYRILLIC_CANDIDATES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        scored.append((*_russian_score(text[:65536]), enc, text))  # a sample is enough
    # Stable sort: on a tie the more common code page (listed first) wins.
    scored.sort(key=lambda item: item[0], reverse=True)
    if scored and scored[0][1] >= 0.5:
        return scored[0][3], scored[0][2]
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best), codecs.lookup(best.encoding).name
    if scored:
        return scored[0][3], scored[0][2]
    raise binary_error(path)


def utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` when ``data`` is UTF-16 with no BOM, else None.

    Russian or ASCII text in UTF-16 has a NUL or 0x04 (U+04xx, Cyrillic) as the high byte
    of nearly every character: in odd positions for little-endian, even for big-endian.
    """
    sample = data[:4096]
    for encoding, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if not high or sum(1 for b in high if b in (0, 4)) < 0.95 * len(high):
            continue
        try:
            text = data[: len(data) // 2 * 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        if any(ch.isalpha() for ch in text[:4096]):
            return text, encoding
    return None


def decode_checked(data: bytes, path: str) -> tuple[str, str]:
    """Decode, refusing binary junk and empty files."""
    sample = data[:65536]
    is_utf16 = sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        b"\x00" in sample and utf16_without_bom(sample) is not None
    )
    if not is_utf16:
        controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\v\x1a")
        if b"\x00" in sample or controls > max(len(sample) * 0.01, 2):
            raise binary_error(path)
    text, encoding = decode_text(data, path=path)
    text = text.removeprefix("\ufeff")
    if sum(1 for ch in text[:65536] if _is_control(ch)) > max(len(text[:65536]) * 0.01, 2):
        raise binary_error(path)
    if not clean_text(text):
        raise InputError("file is empty", path=path)
    return normalize_newlines(text), encoding


_BULLET = r"[-–—*•●▪◦·‣+]"
LIST_LINE = re.compile(rf"^\s*(?:{_BULLET}|\d{{1,3}}[.)])\s+(\S.*)$")
DIALOGUE_DASH = re.compile(r"^\s*[–—]\s")
SENTENCE_END = re.compile(r"[.!?…][\"'»”“)\]]*$")


def is_item_line(line: str) -> bool:
    """A list item line ("- ...", "1) ..."), not a dialogue turn opened by a dash."""
    return bool(LIST_LINE.match(line)) and not DIALOGUE_DASH.match(line)


def join_lines(lines: Iterable[str]) -> str:
    """Join hard-wrapped lines with spaces, mending words broken at a line-end hyphen."""
    text = ""
    for line in lines:
        line = line.strip()
        if not text:
            text = line
        elif re.search(r"[^\W\d_]-$", text):
            text = _join_hyphenated(text, line)
        else:
            text = f"{text} {line}"
    return text


def looks_like_title(line: str) -> bool:
    """A headline: short, one line, no final sentence punctuation."""
    line = clean_text(line)
    return (
        0 < len(line) <= 150
        and len(line.split()) <= 20
        and not SENTENCE_END.search(line)
        and not LIST_LINE.match(line)
        and not line.endswith((",", ";", ":", "-"))
    )


def mark_title(parsed: Parsed, first_block: list[str]) -> None:
    """Promote the first paragraph to the title when it is a headline.

    Only a first block of one line qualifies: in hard-wrapped text a first
    line without a period is usually a wrapped sentence.
    """
    if len(parsed.blocks) < 2 or len(first_block) != 1 or parsed.blocks[0][0] != "body":
        return
    _, text, _ = parsed.blocks[0]
    if looks_like_title(text):
        parsed.blocks[0] = ("title", text, 0)
        parsed.title = text


# ------------------------------------------------------------ line-end hyphens

# Parts that stay hyphenated even when the next line starts in lower case.
_HYPHEN_SUFFIXES = frozenset("то либо нибудь ка таки де с".split())
_HYPHEN_PREFIXES = frozenset("кое кой".split())
# "по-русски", "по-новому", "по-своему"
_PO_ADVERB = re.compile(r"(?:ски|цки|ому|ему|ьи)$")


def _morph() -> Any | None:
    """pymorphy3's dictionary, to tell "перего-воры" from "военно-промышленного"."""
    from processor.morphology import analyzer

    try:
        return analyzer()
    except Exception:  # dictionary missing or broken: fall back to simple rules
        return None


def _keeps_hyphen(a: str, b: str) -> bool:
    """Whether ``a-`` + ``b`` (lower case) is a hyphenated word rather than a line-end break."""
    if b in _HYPHEN_SUFFIXES or a in _HYPHEN_PREFIXES:
        return True
    if a in ("по", "во"):
        return bool(_PO_ADVERB.search(b)) or b in ("первых", "вторых", "третьих")
    morph = _morph()
    if morph is None:
        return False  # without a dictionary, typesetting breaks are the common case
    if a[-1] not in "оеи" or len(a) < 3 or not morph.word_is_known(b):
        return False
    # A compound of two words with a linking vowel: "военно-промышленного" (both
    # halves are words), "казахско-американских" (the whole is no single word).
    return morph.word_is_known(a) or (len(a) >= 4 and not morph.word_is_known(a + b))


def _join_hyphenated(head: str, tail: str) -> str:
    """Join a word broken across lines at ``head-`` / ``tail``."""
    left = re.search(r"[^\W\d_]+$", head[:-1])
    right = re.match(r"[^\W\d_]+", tail)
    if not left or not right or right.group(0)[0].isupper():
        return head + tail  # "Касым-" + "Жомарт": a real hyphen
    keep = _keeps_hyphen(left.group(0).lower(), right.group(0).lower())
    return head + tail if keep else head[:-1] + tail
