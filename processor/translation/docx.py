"""Translate a DOCX file in place: every story, whole sentences, the author's formatting kept.

Each paragraph is cut into stretches of running text (tabs and breaks end a stretch);
each stretch into sentences, which go to the model whole, all of them in one call.
Inside a sentence, text whose run formatting or container (hyperlink, tracked
insertion, content control) differs from the sentence's main formatting travels as a
marker (:mod:`processor.translation.markup`); footnote references, fields, images and
hidden text travel as point markers and are never sent or changed. The translated
words are written back into the same runs, around the same markers; a run is cloned
only when the model moved a formatted word to a place with no run of its kind.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from processor.errors import InputError
from processor.translation.markup import Fidelity, FileReport, Marked, Piece, mark, unmark

if TYPE_CHECKING:
    from processor.translation.base import Translator

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _R, _T, _RPR, _DEL_TEXT = _w("p"), _w("r"), _w("t"), _w("rPr"), _w("delText")
_FLD_CHAR, _FLD_SIMPLE, _LANG, _DEL = _w("fldChar"), _w("fldSimple"), _w("lang"), _w("del")
_BREAKS = frozenset(_w(t) for t in ("tab", "br", "cr", "ptab"))
# Subtrees that are not running text of this paragraph: nested paragraphs (text boxes,
# handled on their own), moved-away text, field codes.
_SKIP = frozenset(_w(t) for t in ("p", "txbxContent", "moveFrom", "instrText", "delInstrText"))
# Run content that is not text but has a place in the sentence.
_POINTS = frozenset(
    _w(t)
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
_CONTAINERS = frozenset(_w(t) for t in ("hyperlink", "ins", "sdt", "smartTag", "customXml"))
_NO_CLONE = frozenset(_w(t) for t in ("sdt", "customXml"))  # ids that must stay unique
_INVISIBLE = frozenset(_w(t) for t in ("lang", "noProof", "webHidden"))
_LOCALES = {"en": "en-US", "kk": "kk-KZ", "ru": "ru-RU"}


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
class _Chunk:
    segments: list[_Segment]
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Marked | None] = field(default_factory=list)  # None: no letters
    slots: list[int] = field(default_factory=list)
    mains: list[int] = field(default_factory=list)  # each sentence's main segment


def _has_letters(text: str) -> bool:
    # Numbers, bullets and punctuation stay as they are: models hallucinate on them.
    return any(ch.isalpha() for ch in text)


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _context(run: Any, p: Any) -> tuple[Any, ...]:
    from lxml import etree

    rpr = run.find(_RPR) if run is not None and run.tag == _R else None
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
    rpr = run.find(_RPR) if run is not None else None
    return rpr is not None and rpr.find(_w("vanish")) is not None


def _chunks(p: Any, deleted: bool = False) -> list[_Chunk]:
    """Stretches of running text of a ``w:p`` (or of a ``w:del`` when ``deleted``)."""
    text_tag = _DEL_TEXT if deleted else _T
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
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    if field_depth == 0:
                        point(child.getparent())
                    field_depth += 1
                elif kind == "end":
                    field_depth = max(0, field_depth - 1)
                continue
            if field_depth and (tag == text_tag or tag in _POINTS or tag in _BREAKS):
                continue  # a field's code and shown result stay exactly as they are
            if tag == _DEL and not deleted:
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
        if segments and _has_letters(text):
            result.append(_Chunk(segments, text))
    return result


def _pieces(chunk: _Chunk, start: int, stop: int, inline: bool) -> tuple[list[Piece], int]:
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

    def __init__(self, chunk: _Chunk, report: Fidelity) -> None:
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
        for node in twin.iter(_w("ins")):
            node.set(_w("id"), str(900000 + len(self.clones)))
        runs = [twin] if twin.tag == _R else list(twin.iter(_R))
        target = runs[0]
        for extra in runs[1:]:
            extra.getparent().remove(extra)
        for child in list(target):
            if child.tag != _RPR:
                target.remove(child)
        t = target.makeelement(seg.atoms[0].tag, {})
        target.append(t)
        after.addnext(twin)
        return t

    def finish(self, target: str) -> None:
        if self.pending and self.pointer >= 0:
            self._flush(self.pointer)
        locale = _LOCALES.get(target, target)
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
    rpr = run.find(_RPR) if run is not None else None
    lang = rpr.find(_LANG) if rpr is not None else None
    if lang is not None and lang.get(_w("val")):
        lang.set(_w("val"), locale)


def _write(chunk: _Chunk, translations: list[str], target: str, report: Fidelity) -> None:
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


def _stories(document: Any) -> list[tuple[str, Any]]:
    """(story name, root element) of every part with running text, each part once."""
    from docx.opc.constants import CONTENT_TYPE as CT

    kinds = {
        CT.WML_DOCUMENT_MAIN: "body",
        CT.WML_HEADER: "header",
        CT.WML_FOOTER: "footer",
        CT.WML_FOOTNOTES: "footnotes",
        CT.WML_ENDNOTES: "endnotes",
        CT.WML_COMMENTS: "comments",
    }
    roots = []
    for part in document.part.package.iter_parts():
        kind = kinds.get(part.content_type)
        element = getattr(part, "element", None)
        if kind and element is not None:
            roots.append((kind, element))
    return roots


def _register_parts() -> None:
    """Load footnotes, endnotes and comments as XML parts, so they can be edited and saved.

    python-docx keeps parts it has no class for as opaque bytes; its own extension point
    (``PartFactory.part_type_for``) maps a content type to a part class. ``setdefault``
    leaves a built-in class in charge where python-docx has one.
    """
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.part import PartFactory, XmlPart

    for content_type in (CT.WML_FOOTNOTES, CT.WML_ENDNOTES, CT.WML_COMMENTS):
        PartFactory.part_type_for.setdefault(content_type, XmlPart)


def open_docx(src: Path) -> Any:
    """python-docx's Document for ``src``, bounded like every reader; one InputError line."""
    from processor.readers.docx import open_docx as open_bounded

    _register_parts()
    if not src.is_file():
        raise InputError("no such file", path=str(src))
    return open_bounded(src, path=str(src))


_PROPERTIES = ("title", "subject", "keywords", "comments")
_ALT_TEXT = ("descr", "title")
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def translate_docx(
    src: Path, dest: Path, translator: Translator, *, inline: bool = True
) -> FileReport:
    """Translate a DOCX file into ``dest``, keeping its layout and the author's formatting.

    Body, tables, text boxes, headers, footers, footnotes, endnotes, comments, tracked
    insertions and deletions, core properties (title, subject, keywords, comments) and
    image alt texts are translated; all sentences go to the translator in one call.
    With ``inline`` (the default) bold, italic, links, revisions and references keep
    their place around the translated words; without it each sentence goes into the
    run of its main formatting (the plain path, for models that garble markers).
    ``dest`` is written atomically: on any failure it is left as it was.
    """
    from processor.fileio import atomic_path
    from processor.segment import split_sentences
    from processor.translation.document import translate_all

    src, dest = Path(src), Path(dest)
    document = open_docx(src)
    report = FileReport(source=src, dest=dest, route=translator.describe())
    unique: dict[str, int] = {}
    batch: list[str] = []
    work: list[_Chunk] = []

    def enqueue(text: str) -> int:
        if text not in unique:
            unique[text] = len(batch)
            batch.append(text)
        return unique[text]

    for kind, root in _stories(document):
        paragraphs = [(p, False) for p in root.iter(_P)] + [(d, True) for d in root.iter(_DEL)]
        for p, deleted in paragraphs:
            chunks = _chunks(p, deleted)
            for chunk in chunks:
                spans = split_sentences(chunk.text)
                chunk.spans = [(s.start, s.stop) for s in spans]
                for s in spans:
                    if _has_letters(s.text):
                        pieces, main = _pieces(chunk, s.start, s.stop, inline)
                        marked = mark(pieces)
                        chunk.mains.append(main)
                        chunk.sentences.append(marked)
                        chunk.slots.append(enqueue(marked.source))
                        report.sentences += 1
                    else:
                        chunk.sentences.append(None)
                        chunk.slots.append(-1)
                        chunk.mains.append(-1)
                work.append(chunk)
            if chunks and not deleted:
                report.units[kind] = report.units.get(kind, 0) + 1

    props = document.core_properties
    fields = [(name, getattr(props, name)) for name in _PROPERTIES]
    fields = [(name, value) for name, value in fields if value and _cyrillic(value)]
    alts = [
        (node, attr)
        for _, root in _stories(document)
        for node in root.iter(_DOC_PR)
        for attr in _ALT_TEXT
        if _cyrillic(node.get(attr) or "")
    ]
    field_slots = [enqueue(value) for _, value in fields]
    alt_slots = [enqueue(node.get(attr)) for node, attr in alts]

    report.unique_sentences = len(batch)
    translations = translate_all(translator, batch)
    for chunk in work:
        _write(chunk, translations, translator.target, report.fidelity)
    for (name, _), slot in zip(fields, field_slots, strict=True):
        setattr(props, name, _fit(translations[slot]))
    for (node, attr), slot in zip(alts, alt_slots, strict=True):
        node.set(attr, translations[slot])
    report.properties = len(fields) + len(alts)
    props.language = translator.target
    _set_default_language(document, translator.target)
    with atomic_path(dest) as tmp:
        document.save(str(tmp))
    return report


def _cyrillic(text: str) -> bool:
    # Metadata is translated only when written in the source script: a template's
    # English "generated by python-docx" stays as it is.
    return any("а" <= ch.lower() <= "я" or ch in "ёәғқңөұүһі" for ch in text)


def _fit(value: str, limit: int = 255) -> str:
    """Word refuses core properties over 255 characters: cut at a word, mark the cut."""
    if len(value) <= limit:
        return value
    return value[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _set_default_language(document: Any, target: str) -> None:
    """Point the document's default proofing language at the target (Word's spell check)."""
    styles = document.styles.element
    for lang in styles.iterfind(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_RPR}/{_LANG}"):
        if lang.get(_w("val")):
            lang.set(_w("val"), _LOCALES.get(target, target))
