"""Translate an HTML page in place: same tags, links and line breaks, translated words.

Every block (paragraph, heading, list item, table cell, ...) is a flow of text whose
inline tags (links, bold, italics, spans) travel through the model as markers
(:mod:`processor.translation.formats.markup`) and are rebuilt around the translated words.
``<br>`` splits a block into lines translated on their own; code, images, scripts and
styles are never sent. The page's ``<title>``, image ``alt`` and ``title`` attributes
and the description meta are translated too; ``lang`` follows the target.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from processor.errors import InputError
from processor.translation.formats.flows import Flow, translate_flows
from processor.translation.formats.markup import FileReport, Piece

if TYPE_CHECKING:
    from processor.translation.base import Translator

_BLOCKS = frozenset(
    "address article aside blockquote caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup li main nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul title legend label option button".split()
)
_OPAQUE = frozenset("code kbd samp var img svg math video audio iframe object input".split())
_SKIP = frozenset("script style template noscript textarea".split())


@dataclass
class _Block:
    """A leaf block: its flows (lines between ``<br>``) and what each key stands for."""

    element: Any
    flows: list[Flow]
    chains: dict[int, tuple[Any, ...]]  # key -> inline elements from the block down
    points: dict[int, Any]  # key -> element kept as it is (code, img, br)
    breaks: list[Any]  # the <br> elements between flows


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _leaf_blocks(root: Any) -> Iterator[Any]:
    """Blocks with text and no block inside: each is rebuilt as a whole."""
    for element in root.iter():
        tag = _tag(element)
        if tag not in _BLOCKS or _in_skip(element):
            continue
        if any(_tag(d) in _BLOCKS for d in element.iterdescendants()):
            continue
        yield element


def _in_skip(element: Any) -> bool:
    return any(_tag(a) in _SKIP for a in element.iterancestors())


def _block(element: Any) -> _Block:
    chains: dict[tuple[Any, ...], int] = {(): 0}
    points: dict[int, Any] = {}
    flows: list[list[Piece]] = [[]]
    breaks: list[Any] = []

    def text(value: str | None, chain: tuple[Any, ...]) -> None:
        if value:
            key = chains.setdefault(chain, len(chains))
            flows[-1].append(Piece(value, key))

    def visit(node: Any, chain: tuple[Any, ...]) -> None:
        for child in node:
            tag = _tag(child)
            if tag == "br":
                breaks.append(child)
                flows.append([])
            elif not tag or tag in _SKIP or tag in _OPAQUE or not _has_letters(child):
                key = -(len(points) + 1)
                points[key] = child
                flows[-1].append(Piece("", key, point=True))
            else:
                text(child.text, (*chain, child))
                visit(child, (*chain, child))
            text(child.tail, chain)

    text(element.text, ())
    visit(element, ())
    return _Block(
        element,
        [Flow(f) for f in flows],
        {key: chain for chain, key in chains.items()},
        points,
        breaks,
    )


def _has_letters(element: Any) -> bool:
    # A <sup>1</sup> footnote mark or a <span>2024</span> is kept as it is, as a point.
    return any(ch.isalpha() for ch in element.text_content())


def _shallow(element: Any) -> Any:
    return element.makeelement(element.tag, dict(element.attrib))


def _loose_text(root: Any) -> list[tuple[Any, str]]:
    """Text a non-leaf block holds between its blocks: (element, "text" | "tail")."""
    out = []
    for element in root.iter():
        tag = _tag(element)
        if tag not in _BLOCKS or _in_skip(element):
            continue
        if not any(_tag(d) in _BLOCKS for d in element.iterdescendants()):
            continue
        if (element.text or "").strip():
            out.append((element, "text"))
        out += [(c, "tail") for c in element if _tag(c) in _BLOCKS and (c.tail or "").strip()]
    return [(e, where) for e, where in out if any(ch.isalpha() for ch in getattr(e, where))]


def _append_text(parent: Any, value: str) -> None:
    if not value:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + value
    else:
        parent.text = (parent.text or "") + value


def _rebuild(block: _Block, lines: list[list[Piece]]) -> None:
    """Empty the block and write the translated lines back with their inline tags."""
    element = block.element
    element.text = None
    for child in list(element):
        element.remove(child)
    for n, pieces in enumerate(lines):
        if n:
            br = block.breaks[n - 1]
            br.tail = None
            element.append(br)
        stack: list[tuple[Any, Any]] = []  # (source element, its copy)
        for piece in pieces:
            chain = () if piece.point else block.chains.get(piece.key or 0, ())
            # Close what this piece is not inside, open what it is.
            depth = 0
            while depth < min(len(stack), len(chain)) and stack[depth][0] is chain[depth]:
                depth += 1
            del stack[depth:]
            for source in chain[depth:]:
                parent = stack[-1][1] if stack else element
                twin = _shallow(source)
                parent.append(twin)
                stack.append((source, twin))
            target = stack[-1][1] if stack else element
            if piece.point:
                point = copy.deepcopy(block.points[piece.key or 0])
                point.tail = None
                target.append(point)
            else:
                _append_text(target, piece.text)


def _decode(data: bytes, src: Path) -> str:
    from processor.readers import decode_text

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_text(data, path=str(src))[0]


def translate_html(
    src: Path, dest: Path, translator: Translator, *, inline: bool = True
) -> FileReport:
    """Translate an HTML file into ``dest`` (UTF-8), keeping every tag and attribute.

    ``dest`` is written atomically; a page that cannot be parsed is one InputError.
    """
    import lxml.html
    from lxml import etree

    from processor.fileio import write_text_atomic
    from processor.translation.formats.document import translate_all

    src, dest = Path(src), Path(dest)
    try:
        root = lxml.html.document_fromstring(_decode(src.read_bytes(), src))
    except (etree.ParserError, ValueError, OSError) as exc:
        raise InputError(f"not a readable HTML page ({exc})", path=str(src)) from None
    blocks = [b for b in map(_block, _leaf_blocks(root)) if any(f.text.strip() for f in b.flows)]
    attrs = [
        (node, name)
        for node in root.iter()
        for name in ("alt", "title", "content")
        if isinstance(node.tag, str)
        and node.get(name)
        and (name != "content" or (node.get("name") or "").lower() == "description")
        and any(ch.isalpha() for ch in node.get(name))
    ]
    loose = _loose_text(root)
    flows = [flow for block in blocks for flow in block.flows]
    flows += [Flow([Piece(getattr(node, where), 0)]) for node, where in loose]
    flows += [Flow([Piece(node.get(name), 0)]) for node, name in attrs]
    report = FileReport(source=src, dest=dest, route=translator.describe())
    translated, report.fidelity, report.sentences = translate_flows(
        flows, lambda batch: translate_all(translator, batch), inline=inline
    )
    pos = 0
    for block in blocks:
        _rebuild(block, translated[pos : pos + len(block.flows)])
        pos += len(block.flows)
    for (node, where), pieces in zip(loose, translated[pos : pos + len(loose)], strict=True):
        setattr(node, where, "".join(p.text for p in pieces))
    pos += len(loose)
    for (node, name), pieces in zip(attrs, translated[pos:], strict=True):
        node.set(name, "".join(p.text for p in pieces))
    report.units = {"blocks": len(blocks) + len(loose)}
    report.properties = len(attrs)
    root.set("lang", translator.target)
    for meta in root.iter("meta"):
        if meta.get("charset"):
            meta.set("charset", "utf-8")
    html = lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")
    write_text_atomic(dest, html + "\n")
    return report
