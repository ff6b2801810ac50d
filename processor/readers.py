"""Read articles from TXT, Markdown, DOCX, HTML and PDF into a :class:`Document`.

Every reader turns bytes into a list of blocks (kind, text, level) plus an
optional title; :func:`read_bytes` numbers them into paragraphs and checks the
source language.  Readers are picked by suffix from ``_READERS``.
Third-party parsers (python-docx, bs4, pypdf) are imported inside their reader
so that importing this module stays cheap.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from processor.errors import InputError
from processor.model import Document, Paragraph, ParagraphKind, SourceMeta

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".pdf")

_FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}


@dataclass
class _Parsed:
    """What a format reader found, before paragraphs are numbered."""

    blocks: list[tuple[ParagraphKind, str, int]] = field(default_factory=list)
    title: str | None = None
    encoding: str | None = None

    def add(self, kind: ParagraphKind, text: str, level: int = 0) -> None:
        text = clean_text(text)
        if text:
            self.blocks.append((kind, text, level))


# --------------------------------------------------------------------------- text


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


def _binary(path: str) -> InputError:
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
            raise _binary(path) from None
    if b"\x00" in data:
        raise _binary(path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
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
    raise _binary(path)


def _decode_checked(data: bytes, path: str) -> tuple[str, str]:
    """Decode, refusing binary junk and empty files."""
    sample = data[:65536]
    is_utf16 = sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not is_utf16:
        controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\v\x1a")
        if b"\x00" in sample or controls > max(len(sample) * 0.01, 2):
            raise _binary(path)
    text, encoding = decode_text(data, path=path)
    text = text.removeprefix("\ufeff")
    if sum(1 for ch in text[:65536] if _is_control(ch)) > max(len(text[:65536]) * 0.01, 2):
        raise _binary(path)
    if not clean_text(text):
        raise InputError("file is empty", path=path)
    return normalize_newlines(text), encoding


# ------------------------------------------------------------------ plain text

_BULLET = r"[-–—*•●▪◦·‣+]"
_LIST_LINE = re.compile(rf"^\s*(?:{_BULLET}|\d{{1,3}}[.)])\s+(\S.*)$")
_STRONG_BULLET = re.compile(r"^\s*[*•●▪◦·‣]\s+\S")
_DIALOGUE_DASH = re.compile(r"^\s*[–—]\s")
_SENTENCE_END = re.compile(r"[.!?…][\"'»”“)\]]*$")


def _blocks(text: str) -> list[list[str]]:
    """Split on blank lines; each block is its non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_item_line(line: str) -> bool:
    return bool(_LIST_LINE.match(line)) and not _DIALOGUE_DASH.match(line)


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


def _text_block(parsed: _Parsed, lines: list[str]) -> None:
    """One blank-line block of plain text: a paragraph, or list items.

    A lone line opened by a dash stays a body paragraph: in Russian text that
    is dialogue ("– Как Вы оцениваете..."), not a list.
    """
    markers = [_is_item_line(ln) for ln in lines]
    is_list = sum(markers) >= 2 or (len(lines) == 1 and bool(_STRONG_BULLET.match(lines[0])))
    if not is_list:
        parsed.add("body", join_lines(lines))
        return
    item: list[str] | None = None
    body: list[str] = []
    for line, marked in zip(lines, markers, strict=True):
        if marked:
            if item is not None:
                parsed.add("list_item", join_lines(item))
            elif body:
                parsed.add("body", join_lines(body))
            item = [_LIST_LINE.match(line).group(1)]  # type: ignore[union-attr]
        elif item is not None:
            item.append(line)  # a wrapped list item
        else:
            body.append(line)  # the lead-in line before the list
    if item is not None:
        parsed.add("list_item", join_lines(item))


def looks_like_title(line: str) -> bool:
    """A headline: short, one line, no final sentence punctuation."""
    line = clean_text(line)
    return (
        0 < len(line) <= 150
        and len(line.split()) <= 20
        and not _SENTENCE_END.search(line)
        and not _LIST_LINE.match(line)
        and not line.endswith((",", ";", ":", "-"))
    )


def _mark_title(parsed: _Parsed, first_block: list[str]) -> None:
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


def _wrap_width(blocks: list[list[str]]) -> int:
    """The usual length of a full line (80th percentile): the wrap width of hard-wrapped text."""
    widths = sorted(len(line.strip()) for lines in blocks for line in lines)
    return widths[int(len(widths) * 0.8)] if widths else 0


def _split_block(
    lines: list[str], wrap: int, *, first: bool, blank_separated: bool
) -> list[list[str]]:
    """Split a block whose paragraphs are separated by single newlines.

    Lines longer than any hard wrap are paragraphs of their own.  In wrapped
    text without blank lines between paragraphs, a short line ending a
    sentence ends its paragraph.  A headline on the first line is split off
    from the text right under it.
    """
    if len(lines) < 2 or sum(_is_item_line(ln) for ln in lines) >= 2:
        return [lines]  # lists: _text_block keeps items and their wrapped lines together
    groups: list[list[str]] = [[lines[0]]]
    for i, line in enumerate(lines[1:], start=1):
        prev = lines[i - 1].strip()
        ends = bool(_SENTENCE_END.search(prev))
        headline = (
            first and i == 1 and looks_like_title(prev) and len(prev) < 0.7 * wrap
        ) and line.strip()[:1].isupper()
        short_end = ends and len(prev) < 0.85 * wrap and not blank_separated
        if wrap > 150 or short_end or headline:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _read_txt(data: bytes, path: str) -> _Parsed:
    text, encoding = _decode_checked(data, path)
    parsed = _Parsed(encoding=encoding)
    blocks = _blocks(text)
    wrap = _wrap_width(blocks)
    # Three or more blank-line blocks: the author separates paragraphs by blank lines.
    spaced = len(blocks) >= 3
    groups = [
        g
        for i, block in enumerate(blocks)
        for g in _split_block(block, wrap, first=i == 0, blank_separated=spaced)
    ]
    for lines in groups:
        _text_block(parsed, lines)
    if groups:
        _mark_title(parsed, groups[0])
    return parsed


# -------------------------------------------------------------------- markdown

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_MD_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_MD_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_MD_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"!\[[^\]]*\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"`+([^`]+?)`+"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"</?[a-zA-Z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])"), r"\1"),  # backslash escapes
]


def strip_markdown_inline(text: str) -> str:
    """Plain text of one Markdown line: emphasis, code marks, links and images removed."""
    for pattern, repl in _MD_INLINE:
        text = pattern.sub(repl, text)
    return text


def _front_matter(text: str) -> tuple[str, str | None]:
    """Drop a leading ``---`` YAML block; return the rest and its ``title:``."""
    match = re.match(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", text, re.S)
    if not match:
        return text, None
    title = re.search(r"^title:[ \t]*(.+?)[ \t]*$", match.group(1), re.M)
    value = title.group(1).strip("'\"") if title else None
    return text[match.end() :], clean_text(value) if value else None


class _MarkdownBuilder:
    """Collects Markdown lines into blocks, one open block at a time."""

    def __init__(self, parsed: _Parsed):
        self.parsed = parsed
        self.kind: ParagraphKind = "body"
        self.level = 0
        self.lines: list[str] = []
        self.first_lines: list[list[str]] = []  # raw lines of each flushed block

    def open(self, kind: ParagraphKind, line: str, level: int = 0) -> None:
        self.flush()
        self.kind, self.level, self.lines = kind, level, [line]

    def flush(self) -> None:
        if self.lines:
            text = strip_markdown_inline(" ".join(self.lines))
            before = len(self.parsed.blocks)
            self.parsed.add(self.kind, text, self.level)
            if len(self.parsed.blocks) > before:
                self.first_lines.append(self.lines)
        self.kind, self.level, self.lines = "body", 0, []


def _read_markdown(data: bytes, path: str) -> _Parsed:
    text, encoding = _decode_checked(data, path)
    text, fm_title = _front_matter(text)
    parsed = _Parsed(encoding=encoding, title=fm_title)
    md = _MarkdownBuilder(parsed)
    in_fence = False
    for line in text.split("\n"):
        if _MD_FENCE.match(line):
            md.flush()
            in_fence = not in_fence
            continue
        if in_fence:
            md.open("body", line) if not md.lines else md.lines.append(line)
            continue
        if not line.strip():
            md.flush()
        elif (m := _MD_HEADING.match(line)) is not None:
            md.open("heading", m.group(2), len(m.group(1)))
            md.flush()
        elif md.kind == "body" and len(md.lines) == 1 and (m := _MD_SETEXT.match(line)):
            md.open("heading", md.lines[0], 1 if m.group(1)[0] == "=" else 2)
            md.flush()
        elif _MD_RULE.match(line) or _MD_REFDEF.match(line) or _MD_TABLE_SEP.match(line):
            md.flush()
        elif (m := _MD_QUOTE.match(line)) is not None:
            if md.kind != "quote" or not m.group(1).strip():
                md.flush()
            if m.group(1).strip():
                md.open("quote", m.group(1)) if not md.lines else md.lines.append(m.group(1))
        elif (m := _MD_ITEM.match(line)) is not None:
            md.open("list_item", m.group(1))
        elif line.strip().startswith("|") and line.strip().endswith("|"):
            md.flush()
            for cell in line.strip().strip("|").split("|"):
                md.open("table_cell", cell)
                md.flush()
        elif md.lines:
            md.lines.append(line)  # continuation of a paragraph or list item
        else:
            md.open("body", line)
    md.flush()
    _markdown_title(parsed, md.first_lines[0] if md.first_lines else [])
    return parsed


def _markdown_title(parsed: _Parsed, first_lines: list[str]) -> None:
    """Front matter title, else a leading lone ``# H1``, else a headline first line."""
    if not parsed.blocks:
        return
    kind, text, level = parsed.blocks[0]
    h1_count = sum(1 for k, _, lv in parsed.blocks if k == "heading" and lv == 1)
    if kind == "heading" and level == 1 and h1_count == 1:
        parsed.blocks[0] = ("title", text, 0)
        parsed.title = parsed.title or text
    elif parsed.title is None:
        _mark_title(parsed, first_lines)


# ------------------------------------------------------------------------ docx


def _docx_kind(paragraph: Any) -> tuple[ParagraphKind, int]:
    """Kind and heading level from a python-docx paragraph's style and numbering."""
    from docx.oxml.ns import qn

    try:
        style = (paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, ValueError):
        style = ""
    name = style.lower()
    if name == "title":
        return "title", 0
    if m := re.match(r"(?:heading|заголовок)\s*(\d)", name):
        return "heading", int(m.group(1))
    p_pr = paragraph._p.pPr
    if p_pr is not None and (outline := p_pr.find(qn("w:outlineLvl"))) is not None:
        level = int(outline.get(qn("w:val"), "9"))
        if level < 9:  # 9 means "body text"
            return "heading", level + 1
    if "quote" in name or "цитата" in name:
        return "quote", 0
    if name.startswith(("list", "список")) or (p_pr is not None and p_pr.numPr is not None):
        return "list_item", 0
    return "body", 0


def _docx_table(parsed: _Parsed, table: Any) -> None:
    """Each cell's text once: python-docx repeats merged cells in every grid slot."""
    seen: set[Any] = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            for item in _docx_items(cell._tc, cell):
                if item.__class__.__name__ == "Table":
                    _docx_table(parsed, item)
                else:
                    parsed.add("table_cell", item.text)


def _docx_items(container: Any, parent: Any) -> Iterable[Any]:
    """Paragraphs and tables of a body or cell in document order (content controls opened)."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield DocxParagraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _docx_items(content, parent)


def _read_docx(data: bytes, path: str) -> _Parsed:
    import zipfile

    import docx
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"not a valid DOCX file ({reason})", path=path) from None
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and others
        if type(exc).__module__.startswith("docx"):
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise InputError(f"not a valid DOCX file ({reason})", path=path) from None
        raise
    parsed = _Parsed()
    for item in _docx_items(document.element.body, document._body):
        if item.__class__.__name__ == "Table":
            _docx_table(parsed, item)
        else:
            kind, level = _docx_kind(item)
            parsed.add(kind, item.text, level)
    titles = [text for kind, text, _ in parsed.blocks if kind == "title"]
    core_title = clean_text(document.core_properties.title or "")
    parsed.title = titles[0] if titles else core_title or None
    if not parsed.blocks:
        raise InputError("file is empty (no text in the document)", path=path)
    return parsed


# ------------------------------------------------------------------------ html

_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "canvas", "object")
_CHROME_TAGS = ("nav", "header", "footer", "aside", "form", "button", "select", "dialog")
_JUNK_WORDS = frozenset(
    "nav navbar navigation menu share sharing social comment comments advert adverts ad ads "
    "advertisement banner cookie cookies breadcrumb breadcrumbs related subscribe subscription "
    "footer header sidebar popup modal newsletter promo".split()
)
_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li ul ol blockquote table tr td th div section article main "
    "figure figcaption pre dl dt dd address".split()
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def _decode_html(data: bytes, path: str) -> tuple[str, str]:
    """Decode by BOM, then the page's own ``<meta charset>``, then detection."""
    has_bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    declared = None if has_bom else _META_CHARSET.search(data[:4096])
    if declared is not None:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a lying meta tag: fall back to detection
        else:
            if not clean_text(text):
                raise InputError("file is empty", path=path)
            return normalize_newlines(text), encoding
    return _decode_checked(data, path)


def _junk_words(tag: Any) -> set[str]:
    attrs = " ".join([*tag.get("class", []), tag.get("id", "") or "", tag.get("role", "") or ""])
    return set(re.split(r"[\s_\-]+", attrs.lower())) & _JUNK_WORDS


def _p_text_len(tag: Any) -> int:
    return sum(len(p.get_text()) for p in tag.find_all("p"))


def _main_block(soup: Any) -> Any:
    """The element holding the article: <article>, <main>, [role=main], or the most <p> text."""
    for candidates in (soup.find_all("article"), soup.find_all("main")):
        if candidates:
            return max(candidates, key=_p_text_len)
    if (main := soup.find(attrs={"role": "main"})) is not None:
        return main
    parents: Counter[Any] = Counter()
    for p in soup.find_all("p"):
        if p.parent is not None:
            parents[p.parent] += len(p.get_text())
    if parents:
        return parents.most_common(1)[0][0]
    return soup.body or soup


def _drop_chrome(root: Any, total_text: int) -> None:
    """Remove menus, share bars, banners and the like, keeping anything that holds the article."""
    for tag in list(root.find_all(True)):
        if tag.decomposed or tag.name in ("html", "body", "article", "main"):
            continue
        chrome = tag.name in _CHROME_TAGS or bool(_junk_words(tag))
        if not chrome:
            continue
        holds_article = tag.find(["article", "main", "h1"]) is not None
        if holds_article or len(tag.get_text()) > 0.5 * total_text > 0:
            continue  # e.g. <header> around the article's <h1>, or a mislabelled wrapper
        tag.decompose()


def _strip_site_suffix(title: str) -> str:
    """'Токаев и Трамп - Zakon.kz' -> 'Токаев и Трамп'."""
    parts = re.split(r"\s+[|–—-]\s+|\s+[|:]{2}\s+", title)
    return parts[0].strip() if len(parts) > 1 and len(parts[0]) >= 10 else title.strip()


def _html_title(soup: Any, main: Any) -> str | None:
    if (h1 := main.find("h1")) is not None and clean_text(h1.get_text()):
        return clean_text(h1.get_text())
    og = soup.find("meta", attrs={"property": "og:title"})
    if og is not None and clean_text(og.get("content", "")):
        return clean_text(og["content"])
    if soup.title is not None and clean_text(soup.title.get_text()):
        return _strip_site_suffix(clean_text(soup.title.get_text()))
    return None


def _has_block(tag: Any) -> bool:
    return tag.find(_BLOCK_TAGS) is not None


def _walk_html(parsed: _Parsed, element: Any, kind: ParagraphKind, title: str | None) -> None:
    """Emit the blocks under ``element`` in reading order; loose inline text becomes a block."""
    from bs4 import Comment, NavigableString, Tag

    inline: list[str] = []

    def flush() -> None:
        # Text laid out with <br><br> instead of <p>: an empty line splits paragraphs.
        for chunk in re.split(r"\n[ \t\u00a0]*\n", "".join(inline)):
            parsed.add(kind, chunk)
        inline.clear()

    for child in element.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            inline.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name not in _BLOCK_TAGS and not _has_block(child):
            inline.append(child.get_text())
            continue
        flush()
        if child.name in _HEADINGS:
            text = clean_text(child.get_text())
            if child.name == "h1" and text == title and parsed.title is None:
                parsed.title = text
                parsed.add("title", text)
            else:
                parsed.add("heading", text, _HEADINGS[child.name])
        elif child.name == "li":
            _walk_html(parsed, child, "list_item", title)
        elif child.name == "blockquote":
            _walk_html(parsed, child, "quote", title)
        elif child.name in ("td", "th"):
            _walk_html(parsed, child, "table_cell", title)
        else:
            _walk_html(parsed, child, kind, title)
    flush()


def _read_html(data: bytes, path: str) -> _Parsed:
    from bs4 import BeautifulSoup

    text, encoding = _decode_html(data, path)
    soup = BeautifulSoup(text, "lxml")
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    body = soup.body or soup
    _drop_chrome(body, len(body.get_text()))
    main = _main_block(soup)
    title = _html_title(soup, main)
    parsed = _Parsed(encoding=encoding)
    _walk_html(parsed, main, "body", title)
    parsed.title = parsed.title or title
    if not parsed.blocks:
        raise InputError("no readable text found in the HTML page", path=path)
    return parsed


# ------------------------------------------------------------------------- pdf

_PAGE_NUMBER = re.compile(
    r"^[-–— ]*(?:(?:стр\.?|страница|page|p\.)\s*)?\d{1,4}(?:\s*(?:/|из|of)\s*\d{1,4})?[-–— ]*$",
    re.I,
)
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


def _page_lines(text: str) -> list[str]:
    return [clean_text(line) for line in normalize_newlines(text).split("\n")]


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and headers/footers repeated on most pages."""
    edge = 2

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line)

    counts: Counter[str] = Counter()
    for lines in pages:
        nonblank = [ln for ln in lines if ln]
        counts.update({key(ln) for ln in nonblank[:edge] + nonblank[-edge:]})
    repeated = {k for k, n in counts.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    result = []
    for lines in pages:
        nonblank = [i for i, ln in enumerate(lines) if ln]
        edges = set(nonblank[:edge] + nonblank[-edge:])
        result.append(
            [
                ln
                for i, ln in enumerate(lines)
                if not (i in edges and (key(ln) in repeated or _PAGE_NUMBER.match(ln)))
            ]
        )
    return result


def _pdf_paragraphs(lines: list[str]) -> list[str]:
    """Join a page stream's lines into paragraphs.

    A paragraph ends at a blank line, or after a line that ends a sentence and
    is clearly shorter than a full line (the last line of a paragraph).
    """
    widths = sorted(len(ln) for ln in lines if ln)
    full = widths[int(len(widths) * 0.8)] if widths else 0
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and _DIALOGUE_DASH.match(line) and _SENTENCE_END.search(current):
            paragraphs.append(current)  # an interview turn starts a new paragraph
            current = ""
        current = join_lines([current, line])
        if _SENTENCE_END.search(line) and len(line) < 0.85 * full:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _read_pdf(data: bytes, path: str) -> _Parsed:
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("PDF is encrypted; decrypt it first (password required)", path=path)
        pages = [_page_lines(page.extract_text() or "") for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:  # pypdf fails on broken files in many ways, all meaning "broken"
        if "crypt" in f"{type(exc).__name__} {exc}".lower():
            raise InputError("PDF is encrypted; decrypt it first", path=path) from None
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"not a valid PDF file ({reason})", path=path) from None
    if not any(any(ln for ln in lines) for lines in pages):
        raise InputError("PDF has no text layer (scanned?); run OCR first", path=path)
    pages = _strip_running_lines(pages)
    # Pages flow into each other: a paragraph may continue on the next page.
    lines: list[str] = []
    for page in pages:
        body = page
        while body and not body[-1]:
            body = body[:-1]
        if lines and lines[-1] and _SENTENCE_END.search(lines[-1]) and body:
            lines.append("")  # the page ended a sentence: trust it as a paragraph end
        lines.extend(body)
    parsed = _Parsed()
    first = next((ln for ln in lines if ln), "")
    widths = sorted(len(ln) for ln in lines if ln)
    full = widths[int(len(widths) * 0.8)] if widths else 0
    if looks_like_title(first) and len(first) < 0.7 * full:
        parsed.add("title", first)
        parsed.title = clean_text(first)
        lines = lines[lines.index(first) + 1 :]
    for paragraph in _pdf_paragraphs(lines):
        parsed.add("body", paragraph)
    return parsed


# -------------------------------------------------------------------- dispatch

_READERS: dict[str, Callable[[bytes, str], _Parsed]] = {
    "txt": _read_txt,
    "md": _read_markdown,
    "docx": _read_docx,
    "html": _read_html,
    "pdf": _read_pdf,
}


def _supported() -> str:
    return " ".join(SUPPORTED_SUFFIXES)


def sniff_format(data: bytes) -> str:
    """Guess the format of unnamed content (stdin)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if re.match(rb"<(?:!doctype|html|head|body|meta|div|p|article|section|h[1-6])\b", head, re.I):
        return "html"
    text = head.decode("utf-8", errors="ignore")
    if text.startswith("---\n") or re.search(r"^#{1,6} \S|\]\([^)]+\)", text, re.M):
        return "md"
    return "txt"


def _normalize_format(format: str) -> str:
    key = format.lower()
    key = _FORMAT_BY_SUFFIX.get(key if key.startswith(".") else f".{key}", key)
    if key not in _READERS:
        raise InputError(f"unsupported format '{format}'; supported: {_supported()}")
    return key


def read_bytes(
    data: bytes,
    *,
    name: str,
    format: str | None = None,
    source_lang: str | None = None,
    check_language: bool = True,
) -> Document:
    """Read in-memory content; ``name`` is reported in errors and ``meta.path``.

    ``format`` is a format name ("txt", "md", "docx", "html", "pdf") or a
    suffix; without it the suffix of ``name`` decides, else the content is sniffed.
    """
    shown = "<stdin>" if name == "-" else name
    if format is not None:
        fmt = _normalize_format(format)
    else:
        suffix = Path(name).suffix.lower()
        fmt = _FORMAT_BY_SUFFIX.get(suffix) or sniff_format(data)
    if not data.strip():
        raise InputError("file is empty", path=shown)
    parsed = _READERS[fmt](data, shown)
    doc = Document(
        paragraphs=[
            Paragraph(index=i, text=text, kind=kind, level=level)
            for i, (kind, text, level) in enumerate(parsed.blocks)
        ],
        meta=SourceMeta(path=name, format=fmt, encoding=parsed.encoding, size_bytes=len(data)),
        title=parsed.title,
    )
    if not doc.paragraphs:
        raise InputError("file is empty", path=shown)
    if check_language:
        from processor.language import check_source_language

        check_source_language(doc, source_lang)
    elif source_lang:
        doc.language = source_lang
    return doc


def read_document(
    path: str | os.PathLike[str],
    *,
    source_lang: str | None = None,
    check_language: bool = True,
) -> Document:
    """Read one input file (or ``"-"`` for stdin) into an unsegmented :class:`Document`."""
    name = os.fspath(path)
    if name == "-":
        data = sys.stdin.buffer.read()
        return read_bytes(data, name="-", source_lang=source_lang, check_language=check_language)
    p = Path(name)
    if not p.exists():
        raise InputError("no such file", path=name)
    if p.is_dir():
        raise InputError(
            f"is a directory with no supported files in it (supported: {_supported()})",
            path=name,
        )
    suffix = p.suffix.lower()
    if suffix not in _FORMAT_BY_SUFFIX:
        shown = f"'{suffix}'" if suffix else "without an extension"
        raise InputError(f"unsupported file type {shown}; supported: {_supported()}", path=name)
    try:
        data = p.read_bytes()
    except PermissionError:
        raise InputError("permission denied", path=name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=name) from None
    return read_bytes(
        data,
        name=name,
        format=_FORMAT_BY_SUFFIX[suffix],
        source_lang=source_lang,
        check_language=check_language,
    )


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in path.relative_to(root).parts)


def expand_inputs(paths: Iterable[str]) -> list[str]:
    """Files as given, directories expanded to their supported files, ``-`` kept.

    Directories are walked recursively in sorted order, skipping hidden files
    and folders and Word lock files (``~$doc.docx``).  Missing paths, and
    directories with nothing to read, are kept so that reading them raises a
    clear error for that input alone.  Repeated paths are read once.
    """
    result: list[str] = []
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            found = sorted(
                (
                    f
                    for f in path.rglob("*")
                    if f.suffix.lower() in SUPPORTED_SUFFIXES
                    and f.is_file()
                    and not _hidden(f, path)
                ),
                key=lambda f: f.relative_to(path).parts,
            )
            items = [str(f) for f in found] or [raw]
        else:
            items = [raw]
        for item in items:
            if item not in result:
                result.append(item)
    return result
