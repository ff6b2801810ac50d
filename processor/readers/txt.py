"""Plain text: blank-line blocks, hard-wrapped lines, lists, a headline, header lines.

A TXT saved from a site often starts with lines about the article rather than
of it (a URL, "Источник: zakon.kz", "12 марта 2025"): they go into the source
metadata and out of the body text.
"""

from __future__ import annotations

import re

from processor.readers.meta import header_field
from processor.readers.text import (
    LIST_LINE,
    SENTENCE_END,
    Parsed,
    decode_checked,
    is_item_line,
    join_lines,
    looks_like_title,
    mark_title,
)

_STRONG_BULLET = re.compile(r"^\s*[*•●▪◦·‣]\s+\S")


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


def _text_block(parsed: Parsed, lines: list[str]) -> None:
    """One blank-line block of plain text: a paragraph, or list items.

    A lone line opened by a dash stays a body paragraph: in Russian text that
    is dialogue ("– Как Вы оцениваете..."), not a list.
    """
    markers = [is_item_line(ln) for ln in lines]
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
            item = [LIST_LINE.match(line).group(1)]  # type: ignore[union-attr]
        elif item is not None:
            item.append(line)  # a wrapped list item
        else:
            body.append(line)  # the lead-in line before the list
    if item is not None:
        parsed.add("list_item", join_lines(item))


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
    if len(lines) < 2 or sum(is_item_line(ln) for ln in lines) >= 2:
        return [lines]  # lists: _text_block keeps items and their wrapped lines together
    groups: list[list[str]] = [[lines[0]]]
    for i, line in enumerate(lines[1:], start=1):
        prev = lines[i - 1].strip()
        ends = bool(SENTENCE_END.search(prev))
        headline = (
            first and i == 1 and looks_like_title(prev) and len(prev) < 0.7 * wrap
        ) and line.strip()[:1].isupper()
        short_end = ends and len(prev) < 0.85 * wrap and not blank_separated
        if wrap > 150 or short_end or headline:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def read_txt(data: bytes, path: str) -> Parsed:
    text, encoding = decode_checked(data, path)
    parsed = Parsed(encoding=encoding)
    text = take_header_lines(text, parsed)
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
        mark_title(parsed, groups[0])
    return parsed


# Header lines are looked for among this many leading non-blank lines.
_HEADER_ZONE = 6


def take_header_lines(text: str, parsed: Parsed) -> str:
    """Move leading metadata lines (URL, source, author, date) from ``text`` into ``parsed``.

    Only the top of the file counts, where a headline may sit among them; the
    first line of running text ends the search.  A taken line leaves a blank
    line behind, which is where the header ended anyway.
    """
    lines = text.split("\n")
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _HEADER_ZONE:
            break
        if header_field(line, parsed):
            lines[i] = ""
        elif not looks_like_title(line):
            break
    return "\n".join(lines)
