"""The running text of one DOCX paragraph: segments by formatting, markers, writing back.

A paragraph is cut into stretches of running text (tabs and breaks end a stretch); each
stretch into segments of neighbouring runs with one formatting and container (a link, a
tracked insertion, a content control), and points (footnote references, fields, images,
hidden text) that are never sent or changed. :func:`sentence_pieces` gives a sentence's
pieces for :func:`~processor.translation.formats.markup.mark`; :func:`write_chunk` puts the
translated pieces back into the same runs, cloning a run only when the model moved a
formatted word to a place with no run of its kind.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from processor.translation.formats.markup import Fidelity, Marked, Piece, unmark

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


P, _R, _T, RPR, DEL_TEXT = w("p"), w("r"), w("t"), w("rPr"), w("delText")
_FLD_CHAR, _FLD_SIMPLE, LANG, DEL = w("fldChar"), w("fldSimple"), w("lang"), w("del")
_BREAKS = frozenset(w(t) for t in ("tab", "br", "cr", "ptab"))
# Subtrees that are not running text of this paragraph: nested paragraphs (text boxes,
# handled on their own), moved-away text, field codes.
_SKIP = frozenset(w(t) for t in ("p", "txbxContent", "moveFrom", "instrText", "delInstrText"))
# Run content that is not text but has a place in the sentence.
_POINTS = frozenset(
    w(t)
    for t in (
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "drawing",
        "pict",
        "object",
        "sym",
    )
)
# Containers that give their runs a meaning of their own: a link, a revision, a control.
_CONTAINERS = frozenset(w(t) for t in ("hyperlink", "ins", "sdt", "smartTag", "customXml"))
_NO_CLONE = frozenset(w(t) for t in ("sdt", "customXml"))  # ids that must stay unique
_INVISIBLE = frozenset(w(t) for t in ("lang", "noProof", "webHidden"))
LOCALES = {"en": "en-US", "kk": "kk-KZ", "kk-latn": "kk-Latn-KZ", "ru": "ru-RU"}


@dataclass
class _Segment:
    """Neighbouring text elements with one formatting, or one point (a reference, a field)."""

    atoms: list[Any]  # w:t / w:delText elements (empty for a point)
    context: tuple[Any, ...]  # (rPr bytes, container elements...)
    node: Any  # the run (or field start) that stands for the segment in the tree
    point: bool = False
    start: int = 0
    stop: int = 0


@dataclass
class Chunk:
    segments: list[_Segment]
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Marked | None] = field(default_factory=list)  # None: no letters
    slots: list[int] = field(default_factory=list)
    mains: list[int] = field(default_factory=list)  # each sentence's main segment


def has_letters(text: str) -> bool:
    # Numbers, bullets and punctuation stay as they are: models hallucinate on them.
    return any(ch.isalpha() for ch in text)


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _context(run: Any, p: Any) -> tuple[Any, ...]:
    from lxml import etree

    rpr = run.find(RPR) if run is not None and run.tag == _R else None
    containers = []
    node = run.getparent() if run is not None else None
    while node is not None and node is not p:
        if node.tag in _CONTAINERS:
            containers.append(node)
        node = node.getparent()
    style = b""
    if rpr is not None:
        # Proofing marks are not formatting a reader sees: runs differing only there are one.
        visible = copy.deepcopy(rpr)
        for child in list(visible):
            if child.tag in _INVISIBLE:
                visible.remove(child)
        style = etree.tostring(visible) if len(visible) else b""
    return (style, *reversed(containers))


def _hidden(run: Any) -> bool:
    rpr = run.find(RPR) if run is not None else None
    return rpr is not None and rpr.find(w("vanish")) is not None


def paragraph_chunks(p: Any, deleted: bool = False) -> list[Chunk]:
    """Stretches of running text of a ``w:p`` (or of a ``w:del`` when ``deleted``)."""
    text_tag = DEL_TEXT if deleted else _T
    chunks: list[list[_Segment]] = [[]]
    field_depth = 0

    def cut() -> None:
        if chunks[-1]:
            chunks.append([])

    def point(node: Any) -> None:
        chunks[-1].append(_Segment([], ("point", id(node)), node, point=True))

    def visit(element: Any) -> None:
        nonlocal field_depth
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag.endswith("Pr"):
                continue
            if tag == _FLD_CHAR:
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    if field_depth == 0:
                        point(child.getparent())
                    field_depth += 1
                elif kind == "end":
                    field_depth = max(0, field_depth - 1)
                continue
            if field_depth and (tag == text_tag or tag in _POINTS or tag in _BREAKS):
                continue  # a field's code and shown result stay exactly as they are
            if tag == DEL and not deleted:
                continue  # deleted text is translated on its own (see translate_docx)
            if tag == _FLD_SIMPLE or tag in _POINTS:
                point(child if tag == _FLD_SIMPLE else child.getparent())
            elif tag == text_tag:
                run = child.getparent()
                if _hidden(run):
                    point(run)
                    continue
                context = _context(run, p)
                last = chunks[-1][-1] if chunks[-1] else None
                if last is not None and not last.point and last.context == context:
                    last.atoms.append(child)
                else:
                    chunks[-1].append(_Segment([child], context, run))
            elif tag in _BREAKS:
                cut()
            else:
                visit(child)

    visit(p)
    result = []
    for segments in chunks:
        pos = 0
        for seg in segments:
            seg.start = pos
            pos += sum(len(t.text or "") for t in seg.atoms)
            seg.stop = pos
        text = "".join(t.text or "" for seg in segments for t in seg.atoms)
        if segments and has_letters(text):
            result.append(Chunk(segments, text))
    return result


def sentence_pieces(chunk: Chunk, start: int, stop: int, inline: bool) -> tuple[list[Piece], int]:
    """The sentence [start, stop) as pieces keyed by segment, and its main segment.

    Text in the sentence's main formatting (most letters) goes bare; other text and the
    points inside the sentence get markers. Points at its edges (a footnote reference
    after the full stop) are not sent: they keep their place between sentences.
    """
    weight: dict[tuple[Any, ...], int] = {}
    for seg in chunk.segments:
        covered = chunk.text[max(start, seg.start) : min(stop, seg.stop)]
        weight[seg.context] = weight.get(seg.context, 0) + len("".join(covered.split()))
    base = max(weight, key=lambda c: weight[c]) if weight else None
    pieces: list[Piece] = []
    main = -1
    for i, seg in enumerate(chunk.segments):
        if seg.point:
            if inline and start < seg.start < stop:
                pieces.append(Piece("", i, point=True))
            continue
        a, b = max(start, seg.start), min(stop, seg.stop)
        if a < b:
            # Formatting on punctuation alone is not worth a marker the model may garble.
            bare = seg.context == base or not inline or not _has_words(chunk.text[a:b])
            if bare and main < 0:
                main = i
            pieces.append(Piece(chunk.text[a:b], None if bare else i))
    return pieces, main


class _Writer:
    """Writes a chunk's translated pieces back into its runs, in order."""

    def __init__(self, chunk: Chunk, report: Fidelity) -> None:
        self.chunk = chunk
        self.report = report
        self.texts: dict[int, list[str]] = {}  # segment -> text for its first atom
        self.pointer = -1
        self.anchor: Any = None  # the element after which a clone goes
        self.clones: list[tuple[Any, str]] = []
        self.pending = ""

    def base_segment(self, start: int, stop: int) -> int:
        for i, seg in enumerate(self.chunk.segments):
            if not seg.point and seg.start <= start < max(seg.stop, seg.start + 1):
                return i
        return next(i for i, s in enumerate(self.chunk.segments) if not s.point)

    def put(self, index: int, text: str, base_from: int | None = None) -> None:
        segments = self.chunk.segments
        if text and not text.strip():
            self.pending += text  # spaces go where the next words decide
            return
        if base_from is not None:
            # Bare text: the next segment of the sentence's main formatting, in order.
            context = segments[base_from].context
            later = [
                i
                for i in range(max(self.pointer, base_from), len(segments))
                if segments[i].context == context
            ]
            index = later[0] if later else index
        seg = segments[index]
        self._flush(index)
        if seg.point:
            if index > self.pointer:
                self.pointer, self.anchor = index, seg.node
            elif index < self.pointer:
                self.report.moved += 1
            return
        if index > self.pointer or (index == self.pointer and self.anchor is seg.node):
            self.texts.setdefault(index, []).append(text)
            self.pointer, self.anchor = index, seg.node
            return
        clone = self._clone(seg)
        if clone is None:  # cannot repeat this container: the text joins the current run
            self.texts.setdefault(self.pointer, []).append(text)
            self.report.moved += 1
        else:
            self.clones.append((clone, text))
            self.anchor = clone

    def _flush(self, upcoming: int) -> None:
        """Pending spaces: into a run between here and the next words, else here."""
        if not self.pending:
            return
        text, self.pending = self.pending, ""
        between = [k for k in range(self.pointer + 1, upcoming) if not self.chunk.segments[k].point]
        current = self.chunk.segments[self.pointer] if self.pointer >= 0 else None
        if between:
            self.texts.setdefault(between[0], []).append(text)
            self.pointer, self.anchor = between[0], self.chunk.segments[between[0]].node
        elif current is not None and not current.point and self.anchor is current.node:
            self.texts.setdefault(self.pointer, []).append(text)
        else:
            self.texts.setdefault(upcoming, []).append(text)

    def _clone(self, seg: _Segment) -> Any:
        """A copy of ``seg``'s run (and its link/revision) placed after the anchor."""
        run, anchor = seg.node, self.anchor
        if anchor is None:
            return None
        ancestors = {id(a): a for a in anchor.iterancestors()}
        top = run
        while top.getparent() is not None and id(top.getparent()) not in ancestors:
            if top.getparent().tag in _NO_CLONE:
                return None
            top = top.getparent()
        parent = top.getparent()
        after = anchor
        while after.getparent() is not parent:
            after = after.getparent()
        twin = copy.deepcopy(top)
        for node in twin.iter(w("ins")):
            node.set(w("id"), str(900000 + len(self.clones)))
        runs = [twin] if twin.tag == _R else list(twin.iter(_R))
        target = runs[0]
        for extra in runs[1:]:
            extra.getparent().remove(extra)
        for child in list(target):
            if child.tag != RPR:
                target.remove(child)
        t = target.makeelement(seg.atoms[0].tag, {})
        target.append(t)
        after.addnext(twin)
        return t

    def finish(self, target: str) -> None:
        if self.pending and self.pointer >= 0:
            self._flush(self.pointer)
        locale = LOCALES.get(target, target)
        for i, seg in enumerate(self.chunk.segments):
            if seg.point:
                continue
            for n, atom in enumerate(seg.atoms):
                atom.text = "".join(self.texts.get(i, [])) if n == 0 else ""
                atom.set(_XML_SPACE, "preserve")
            if i in self.texts:
                _set_run_language(seg.node, locale)
        for t, text in self.clones:
            t.text = text
            t.set(_XML_SPACE, "preserve")


def _set_run_language(run: Any, locale: str) -> None:
    rpr = run.find(RPR) if run is not None else None
    lang = rpr.find(LANG) if rpr is not None else None
    if lang is not None and lang.get(w("val")):
        lang.set(w("val"), locale)


def write_chunk(chunk: Chunk, translations: list[str], target: str, report: Fidelity) -> None:
    writer = _Writer(chunk, report)
    pos = 0
    for i, ((start, stop), marked) in enumerate(zip(chunk.spans, chunk.sentences, strict=True)):
        gap = chunk.text[pos:start] or (" " if i else "")
        if gap:
            writer.put(writer.base_segment(pos, start), gap)
        if marked is None:
            writer.put(writer.base_segment(start, stop), chunk.text[start:stop])
        else:
            base = chunk.mains[i]
            pieces, outcome = unmark(marked, translations[chunk.slots[i]])
            report.add(outcome)
            for piece in pieces:
                if piece.key is None:
                    writer.put(base, piece.text, base_from=base)
                else:
                    writer.put(piece.key, piece.text)
        # A point right after the sentence's last word (a footnote reference) keeps its place.
        for k, seg in enumerate(chunk.segments):
            if seg.point and seg.start == stop and k > writer.pointer:
                writer.put(k, "")
        pos = stop
    if chunk.text[pos:]:
        writer.put(writer.base_segment(pos, len(chunk.text)), chunk.text[pos:])
    writer.finish(target)
