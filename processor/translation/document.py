"""Whole-document translation: a Document, several Documents, or a DOCX file in place.

Every function here sends *whole sentences* to the translator, all of them in one
``translate`` call (the engine batches internally), and puts the translations
back where the sentences were.  A DOCX file keeps its styles, tables, headers,
footers, footnotes, images and fields; the text of a sentence that was split
across formatting runs (bold, italics) is translated as one sentence, not run
by run, so the model sees the whole context.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from processor.errors import InputError, ModelError
from processor.model import Document, Paragraph, Sentence

if TYPE_CHECKING:
    from processor.translation.base import Translator


def _has_letters(text: str) -> bool:
    # Numbers, bullets and punctuation are kept as they are: models tend to
    # hallucinate on them, and they read the same in every target language.
    return any(ch.isalpha() for ch in text)


def _run_translator(translator: Translator, sentences: list[str]) -> list[str]:
    """One call for the whole batch; checks the one-output-per-input contract."""
    if not sentences:
        return []
    out = list(translator.translate(sentences))
    if len(out) != len(sentences):
        raise ModelError(
            f"{translator.describe()} returned {len(out)} translations for "
            f"{len(sentences)} sentences"
        )
    return out


def _join(text: str, spans: Sequence[tuple[int, int]], pieces: Sequence[str]) -> tuple[str, list]:
    """Rebuild ``text`` with ``pieces`` in place of the spans; keeps the gaps between them.

    Returns the new text and the new (start, stop) of every piece.
    """
    out: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for i, ((start, stop), piece) in enumerate(zip(spans, pieces, strict=True)):
        gap = text[pos:start]
        # Sentences written together ("Да.Нет.") still need a space once translated.
        if i and not gap:
            gap = " "
        out.append(gap)
        length += len(gap)
        offsets.append((length, length + len(piece)))
        out.append(piece)
        length += len(piece)
        pos = stop
    out.append(text[pos:])
    return "".join(out), offsets


# --------------------------------------------------------------------------- Document


@dataclass
class _DocPlan:
    doc: Document
    # paragraph index in doc.paragraphs -> batch index of each sentence (None: kept as is)
    slots: list[list[int | None]]
    title_slots: list[int | None]
    title_spans: list[tuple[int, int]]


def _plan(doc: Document, batch: list[str]) -> _DocPlan:
    from processor.segment import split_sentences

    if not doc.is_segmented:
        doc.segment()
    slots: list[list[int | None]] = []
    for paragraph in doc.paragraphs:
        row: list[int | None] = []
        for sentence in paragraph.sentences:
            if _has_letters(sentence.text):
                row.append(len(batch))
                batch.append(sentence.text)
            else:
                row.append(None)
        slots.append(row)
    title_slots: list[int | None] = []
    title_spans: list[tuple[int, int]] = []
    title_paragraph = next((p for p in doc.paragraphs if p.kind == "title"), None)
    if doc.title and not (title_paragraph and title_paragraph.text == doc.title):
        for span in split_sentences(doc.title):
            title_spans.append((span.start, span.stop))
            if _has_letters(span.text):
                title_slots.append(len(batch))
                batch.append(span.text)
            else:
                title_slots.append(None)
    return _DocPlan(doc, slots, title_slots, title_spans)


def _build(plan: _DocPlan, translations: list[str], target: str) -> Document:
    doc = plan.doc
    paragraphs: list[Paragraph] = []
    for paragraph, row in zip(doc.paragraphs, plan.slots, strict=True):
        pieces = [
            s.text if slot is None else translations[slot]
            for s, slot in zip(paragraph.sentences, row, strict=True)
        ]
        spans = [(s.start, s.stop) for s in paragraph.sentences]
        text, offsets = _join(paragraph.text, spans, pieces)
        sentences = [
            Sentence(id=s.id, text=piece, paragraph=s.paragraph, start=a, stop=b)
            for s, piece, (a, b) in zip(paragraph.sentences, pieces, offsets, strict=True)
        ]
        paragraphs.append(
            Paragraph(
                index=paragraph.index,
                text=text,
                kind=paragraph.kind,
                level=paragraph.level,
                sentences=sentences,
            )
        )
    title = doc.title
    if title:
        title_paragraph = next((p for p in paragraphs if p.kind == "title"), None)
        source_title = next((p for p in doc.paragraphs if p.kind == "title"), None)
        if title_paragraph and source_title and source_title.text == doc.title:
            title = title_paragraph.text
        else:
            pieces = [
                title[a:b] if slot is None else translations[slot]
                for (a, b), slot in zip(plan.title_spans, plan.title_slots, strict=True)
            ]
            title, _ = _join(title, plan.title_spans, pieces)
    return Document(paragraphs=paragraphs, meta=replace(doc.meta), title=title, language=target)


def translate_documents(docs: Sequence[Document], translator: Translator) -> list[Document]:
    """Translate several documents with one ``translate`` call for all their sentences.

    Documents that are not segmented yet are segmented first (in place).  Each
    result keeps its source's paragraphs (kind, level), title and sentence ids,
    so translated sentence ``p3.s1`` is the translation of source sentence ``p3.s1``.
    """
    batch: list[str] = []
    plans = [_plan(doc, batch) for doc in docs]
    translations = _run_translator(translator, batch)
    return [_build(plan, translations, translator.target) for plan in plans]


def translate_document(doc: Document, translator: Translator) -> Document:
    """A new Document: ``doc`` translated sentence by sentence, same structure and ids."""
    return translate_documents([doc], translator)[0]


# --------------------------------------------------------------------------- DOCX

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _R, _T, _RPR = _w("p"), _w("r"), _w("t"), _w("rPr")
# Layout elements that end a stretch of running text: sentences never span them,
# so they stay exactly where they are.
_BREAKS = frozenset(_w(t) for t in ("tab", "br", "cr", "ptab"))
# Subtrees with no running text of this paragraph: nested paragraphs (text
# boxes, handled on their own), deleted text, field codes, properties.
_SKIP = frozenset(
    _w(t) for t in ("p", "txbxContent", "del", "moveFrom", "instrText", "delInstrText")
)
_FLD_CHAR, _FLD_SIMPLE, _LANG = _w("fldChar"), _w("fldSimple"), _w("lang")

# Locale for the spell-check language of translated runs.
_LOCALES = {"en": "en-US", "kk": "kk-KZ", "ru": "ru-RU"}


@dataclass
class DocxReport:
    """What :func:`translate_docx` did."""

    source: Path
    dest: Path
    route: str
    # paragraphs whose text was translated, per story ("body", "header", "footnotes", ...)
    paragraphs: dict[str, int] = field(default_factory=dict)
    sentences: int = 0
    # distinct sentences sent to the translator (repeated headers are sent once)
    unique_sentences: int = 0

    @property
    def total_paragraphs(self) -> int:
        return sum(self.paragraphs.values())


@dataclass
class _Atom:
    """One ``w:t`` element and the offset of its text in its chunk."""

    t: Any
    start: int
    stop: int
    signature: bytes


@dataclass
class _Chunk:
    """A stretch of running text in a paragraph, between layout breaks."""

    atoms: list[_Atom]
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    # batch index per span (None: no letters, kept as is)
    slots: list[int | None] = field(default_factory=list)
    homes: list[int] = field(default_factory=list)


def _signature(run: Any) -> bytes:
    """The run's formatting, to compare runs (``b""`` for plain text)."""
    from lxml import etree

    if run is None or run.tag != _R:
        return b""
    rpr = run.find(_RPR)
    return b"" if rpr is None else etree.tostring(rpr)


def _paragraph_chunks(p: Any) -> list[_Chunk]:
    """Split a ``w:p`` into chunks of ``w:t`` atoms; breaks, fields and nested text split them."""
    chunks: list[list[Any]] = [[]]

    def cut() -> None:
        if chunks[-1]:
            chunks.append([])

    def visit(element: Any) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag.endswith("Pr"):
                continue
            if tag == _T:
                chunks[-1].append(child)
            elif tag in _BREAKS or tag == _FLD_CHAR:
                # A field's displayed result (page number, date) is its own chunk,
                # so a sentence never swallows it.
                cut()
            elif tag == _FLD_SIMPLE:
                cut()
                visit(child)
                cut()
            else:
                visit(child)

    visit(p)
    result: list[_Chunk] = []
    for ts in chunks:
        atoms: list[_Atom] = []
        pos = 0
        for t in ts:
            text = t.text or ""
            atoms.append(_Atom(t, pos, pos + len(text), _signature(t.getparent())))
            pos += len(text)
        if atoms:
            result.append(_Chunk(atoms, "".join(t.text or "" for t in ts)))
    return result


def _home(chunk: _Chunk, start: int, stop: int) -> int:
    """The atom that receives a sentence's translation: the first carrying its dominant format."""
    weight: dict[bytes, int] = {}
    first: dict[bytes, int] = {}
    for i, atom in enumerate(chunk.atoms):
        a, b = max(start, atom.start), min(stop, atom.stop)
        if a >= b:
            continue
        covered = chunk.text[a:b]
        # Whitespace in bold does not make a sentence bold.
        weight[atom.signature] = weight.get(atom.signature, 0) + (
            len(covered) - sum(ch.isspace() for ch in covered)
        )
        first.setdefault(atom.signature, i)
    if not first:
        # An empty sentence span: put it where it starts.
        return next((i for i, a in enumerate(chunk.atoms) if a.stop > start), 0)
    best = max(first, key=lambda sig: (weight[sig], -first[sig]))
    return first[best]


def _write_chunk(chunk: _Chunk, translations: list[str], target: str) -> None:
    texts = ["" for _ in chunk.atoms]
    pieces = [
        chunk.text[a:b] if slot is None else translations[slot]
        for (a, b), slot in zip(chunk.spans, chunk.slots, strict=True)
    ]
    pos = 0
    for i, ((start, stop), piece, home) in enumerate(
        zip(chunk.spans, pieces, chunk.homes, strict=True)
    ):
        gap = chunk.text[pos:start]
        if i and not gap:
            gap = " "
        texts[home] += gap + piece
        pos = stop
    texts[chunk.homes[-1]] += chunk.text[pos:]
    locale = _LOCALES.get(target, target)
    for atom, text in zip(chunk.atoms, texts, strict=True):
        atom.t.text = text
        # Leading/trailing spaces are significant between runs.
        atom.t.set(_XML_SPACE, "preserve")
    for home in set(chunk.homes):
        run = chunk.atoms[home].t.getparent()
        rpr = run.find(_RPR) if run is not None else None
        lang = rpr.find(_LANG) if rpr is not None else None
        if lang is not None and lang.get(_w("val")):
            lang.set(_w("val"), locale)


def _set_default_language(document: Any, target: str) -> None:
    """Point the document's default proofing language at the target (Word's spell check)."""
    styles = document.styles.element
    for lang in styles.iterfind(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_RPR}/{_LANG}"):
        if lang.get(_w("val")):
            lang.set(_w("val"), _LOCALES.get(target, target))


def _story_roots(document: Any) -> list[tuple[str, Any]]:
    """(story name, root element) of every part with running text, each part once."""
    from docx.opc.constants import CONTENT_TYPE as CT

    kinds = {
        CT.WML_DOCUMENT_MAIN: "body",
        CT.WML_HEADER: "header",
        CT.WML_FOOTER: "footer",
        CT.WML_FOOTNOTES: "footnotes",
        CT.WML_ENDNOTES: "endnotes",
    }
    roots = []
    for part in document.part.package.iter_parts():
        kind = kinds.get(part.content_type)
        element = getattr(part, "element", None)
        if kind and element is not None:
            roots.append((kind, element))
    return roots


def _register_note_parts() -> None:
    """Load footnotes and endnotes as XML parts, so they can be edited and saved.

    python-docx has no footnote API and keeps unknown parts as opaque bytes;
    its own extension point (``PartFactory.part_type_for``, which ``docx`` uses
    for headers and footers) maps a content type to a part class.  ``setdefault``
    leaves a future built-in footnotes class in charge.
    """
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.part import PartFactory, XmlPart

    PartFactory.part_type_for.setdefault(CT.WML_FOOTNOTES, XmlPart)
    PartFactory.part_type_for.setdefault(CT.WML_ENDNOTES, XmlPart)


def _open_docx(src: Path) -> Any:
    from processor.readers.docx import open_docx

    _register_note_parts()
    if not src.is_file():
        raise InputError("no such file", path=str(src))
    return open_docx(src, path=str(src))


def translate_docx(src: Path, dest: Path, translator: Translator) -> DocxReport:
    """Translate a DOCX file into ``dest``, keeping its layout and formatting.

    Body, tables (nested too), text boxes, headers, footers (every kind) and
    footnotes/endnotes are translated; sentences are cut from each paragraph's
    full text and all of them go to the translator in one call.  A sentence's
    translation goes into the first of its runs carrying its dominant formatting
    (most characters); its other runs' text is emptied.  Runs without text
    (images, tabs, breaks, fields, footnote references) are never touched.
    ``dest`` is written atomically: on any failure it is left as it was.
    """
    from processor.fileio import atomic_path
    from processor.segment import split_sentences

    src, dest = Path(src), Path(dest)
    document = _open_docx(src)
    report = DocxReport(source=src, dest=dest, route=translator.describe())
    unique: dict[str, int] = {}
    batch: list[str] = []
    work: list[_Chunk] = []
    for kind, root in _story_roots(document):
        for p in root.iter(_P):
            translated = False
            for chunk in _paragraph_chunks(p):
                spans = split_sentences(chunk.text)
                if not any(_has_letters(s.text) for s in spans):
                    continue  # nothing to translate: leave the runs untouched
                chunk.spans = [(s.start, s.stop) for s in spans]
                for s in spans:
                    if _has_letters(s.text):
                        if s.text not in unique:
                            unique[s.text] = len(batch)
                            batch.append(s.text)
                        chunk.slots.append(unique[s.text])
                        report.sentences += 1
                    else:
                        chunk.slots.append(None)
                chunk.homes = [_home(chunk, a, b) for a, b in chunk.spans]
                work.append(chunk)
                translated = True
            if translated:
                report.paragraphs[kind] = report.paragraphs.get(kind, 0) + 1
    report.unique_sentences = len(batch)
    translations = _run_translator(translator, batch)
    for chunk in work:
        _write_chunk(chunk, translations, translator.target)

    document.core_properties.language = translator.target
    _set_default_language(document, translator.target)
    with atomic_path(dest) as tmp:
        document.save(str(tmp))
    return report
