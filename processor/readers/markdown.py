"""Markdown: front matter, ATX and setext headings, lists, quotes, tables, inline marks."""

from __future__ import annotations

import re

from processor.model import ParagraphKind
from processor.readers.meta import clean_url, iso_date
from processor.readers.text import Parsed, clean_text, decode_checked, mark_title

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


# Front matter keys that name a metadata field, in the spellings static site
# generators and note apps use.
_FRONT_KEYS = {
    "title": "title",
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "source": "outlet",
    "outlet": "outlet",
    "site": "outlet",
    "publisher": "outlet",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "source_url": "url",
    "author": "author",
}


def _front_matter(text: str, parsed: Parsed) -> str:
    """Drop a leading ``---`` YAML block, keeping what it says of the article in ``parsed``.

    Only flat ``key: value`` lines are read (no YAML parser: nothing in front
    matter is worth the risk of aliases and tags).
    """
    match = re.match(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", text, re.S)
    if not match:
        return text
    for key, raw in re.findall(r"^([A-Za-z_]+):[ \t]*(.+?)[ \t]*$", match.group(1), re.M):
        field = _FRONT_KEYS.get(key.lower())
        value = clean_text(raw.strip("'\""))
        if field is None or not value or getattr(parsed, field) is not None:
            continue
        if field == "published":
            parsed.published = iso_date(value)
        elif field == "url":
            parsed.url = clean_url(value)
        else:
            setattr(parsed, field, value)
    return text[match.end() :]


class _MarkdownBuilder:
    """Collects Markdown lines into blocks, one open block at a time."""

    def __init__(self, parsed: Parsed):
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


def read_markdown(data: bytes, path: str) -> Parsed:
    text, encoding = decode_checked(data, path)
    parsed = Parsed(encoding=encoding)
    text = _front_matter(text, parsed)
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


def _markdown_title(parsed: Parsed, first_lines: list[str]) -> None:
    """Front matter title, else a leading lone ``# H1``, else a headline first line."""
    if not parsed.blocks:
        return
    kind, text, level = parsed.blocks[0]
    h1_count = sum(1 for k, _, lv in parsed.blocks if k == "heading" and lv == 1)
    if kind == "heading" and level == 1 and h1_count == 1:
        parsed.blocks[0] = ("title", text, 0)
        parsed.title = parsed.title or text
    elif parsed.title is None:
        mark_title(parsed, first_lines)
