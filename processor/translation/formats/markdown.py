"""Translate a Markdown file in place: same structure, emphasis, links; code untouched.

Block structure (headings, list items, quotes, table cells, paragraphs) stays line for
line; fenced and indented code, front matter, HTML blocks and link definitions are
copied as they are. Inside a block, ``**bold**``, ``*italic*``, ``~~struck~~`` and
``[links](url)`` travel through the model as markers and are written back around the
translated words; code spans, images, autolinks, inline HTML and footnote references
are never sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from processor.translation.formats.flows import Flow, translate_flows
from processor.translation.formats.markup import FileReport, Piece

if TYPE_CHECKING:
    from processor.translation.base import Translator

# Line prefixes that are structure, not text: "## ", "> ", "- ", "1. ", "| ".
_PREFIX = re.compile(
    r"^(\s*(?:>\s*)*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+|\[\^[^\]]+\]:\s+)?)"
)
_FENCE = re.compile(r"^\s*(```|~~~)")
_KEEP_LINE = re.compile(r"^\s*(\[(?!\^)[^\]]+\]:\s|<[a-zA-Z/!]|[-*_=]{3,}\s*$|\|?\s*:?-{3,})")
# Opaque inline syntax, then spans; longest delimiters first.
_TOKEN = re.compile(
    r"(?P<code>`+)(?P<code_body>.+?)(?P=code)"
    r"|(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<auto><https?://[^>\s]+>)"
    r"|(?P<html></?[a-zA-Z][^>]*>)"
    r"|(?P<note>\[\^[^\]]+\])"
    r"|\[(?P<link>[^\]]+)\](?P<target>\([^)]*\)|\[[^\]]*\])"
    r"|(?P<delim>\*\*\*|___|\*\*|__|~~|\*|_)(?P<body>(?=\S).+?(?<=\S))(?P=delim)"
    r"(?![\w*])"
)


@dataclass
class _Cell:
    """One flow of a line (a table row has one per cell) and what its keys stand for."""

    flow: Flow
    wrappers: dict[int, tuple[str, str]]  # key -> (opening, closing) syntax
    points: dict[int, str]  # key -> verbatim text


@dataclass
class _Line:
    prefix: str
    cells: list[_Cell]
    joiner: str = ""
    suffix: str = ""


def _parse(text: str) -> tuple[list[Piece], dict[int, tuple[str, str]], dict[int, str]]:
    """Pieces of one line's text; nested emphasis gets the combined wrapper."""
    wrappers: dict[int, tuple[str, str]] = {0: ("", "")}
    points: dict[int, str] = {}
    pieces: list[Piece] = []

    def walk(value: str, outer: tuple[str, str]) -> None:
        pos = 0
        for m in _TOKEN.finditer(value):
            if m.start() > pos:
                pieces.append(Piece(value[pos : m.start()], _key(outer)))
            pos = m.end()
            if m.group("link") is not None:
                wrap = (outer[0] + "[", "]" + m.group("target") + outer[1])
                walk(m.group("link"), wrap)
            elif m.group("delim"):
                delim = m.group("delim")
                walk(m.group("body"), (outer[0] + delim, delim + outer[1]))
            else:
                key = -(len(points) + 1)
                points[key] = m.group(0)
                pieces.append(Piece("", key, point=True))
        if pos < len(value):
            pieces.append(Piece(value[pos:], _key(outer)))

    def _key(wrap: tuple[str, str]) -> int:
        for key, known in wrappers.items():
            if known == wrap:
                return key
        wrappers[len(wrappers)] = wrap
        return len(wrappers) - 1

    walk(text, ("", ""))
    return pieces, wrappers, points


def _cell(text: str) -> _Cell:
    return _Cell(*_flow(text))


def _flow(text: str) -> tuple[Flow, dict[int, tuple[str, str]], dict[int, str]]:
    pieces, wrappers, points = _parse(text)
    return Flow(pieces), wrappers, points


def _lines(text: str) -> list[tuple[str, _Line | None]]:
    """Every line: kept verbatim (None) or a line to translate."""
    out: list[tuple[str, _Line | None]] = []
    fenced = False
    front = text.startswith("---\n")
    for n, raw in enumerate(text.split("\n")):
        if front:
            out.append((raw, None))
            if n and raw.strip() in ("---", "..."):
                front = False
            continue
        if _FENCE.match(raw):
            fenced = not fenced
            out.append((raw, None))
            continue
        if fenced or raw.startswith(("    ", "\t")) or _KEEP_LINE.match(raw) or not raw.strip():
            out.append((raw, None))
            continue
        if raw.lstrip().startswith("|"):
            cells = raw.strip().strip("|").split("|")
            out.append((raw, _Line("| ", [_cell(c.strip()) for c in cells], " | ", " |")))
            continue
        match = _PREFIX.match(raw)
        prefix = match.group(1) if match else ""
        out.append((raw, _Line(prefix, [_cell(raw[len(prefix) :])])))
    return out


def _render(cell: _Cell, pieces: list[Piece]) -> str:
    out = []
    for piece in pieces:
        if piece.point:
            out.append(cell.points[piece.key or 0])
        else:
            opening, closing = cell.wrappers.get(piece.key or 0, ("", ""))
            text = piece.text
            core = text.strip()
            if not core:
                out.append(text)
                continue
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            out.append(f"{lead}{opening}{core}{closing}{trail}")
    return "".join(out)


def translate_markdown(
    src: Path, dest: Path, translator: Translator, *, inline: bool = True
) -> FileReport:
    """Translate a Markdown file into ``dest`` (UTF-8), keeping its syntax; atomic write."""
    from processor.fileio import write_text_atomic
    from processor.readers import decode_text
    from processor.translation.formats.document import translate_all

    src, dest = Path(src), Path(dest)
    text, _ = decode_text(src.read_bytes(), path=str(src))
    lines = _lines(text.replace("\r\n", "\n"))
    cells = [cell for _, line in lines if line is not None for cell in line.cells]
    todo = [cell for cell in cells if cell.flow.text.strip()]
    report = FileReport(source=src, dest=dest, route=translator.describe())
    translated, report.fidelity, report.sentences = translate_flows(
        [cell.flow for cell in todo], lambda batch: translate_all(translator, batch), inline=inline
    )
    done = {id(cell): _render(cell, pieces) for cell, pieces in zip(todo, translated, strict=True)}
    result = []
    for raw, line in lines:
        if line is None:
            result.append(raw)
            continue
        texts = [done.get(id(c)) or _render(c, c.flow.pieces) for c in line.cells]
        result.append(line.prefix + line.joiner.join(texts) + line.suffix)
    write_text_atomic(dest, "\n".join(result))
    report.units = {"blocks": len(todo)}
    return report
