"""Translate a DOCX file in place: every story, whole sentences, the author's formatting kept.

Every paragraph of every story (body, tables, text boxes, headers, footers, footnotes,
endnotes, comments, tracked deletions) is cut into sentences
(:mod:`processor.translation.formats.docx_runs`), which go to the model whole, all of them in one
call; inside a sentence, formatted words travel as markers
(:mod:`processor.translation.formats.markup`). Core properties and image alt texts are
translated too; fields, bookmarks and hidden text are never sent.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from processor.errors import InputError
from processor.translation.formats.docx_runs import (
    DEL,
    LANG,
    LOCALES,
    RPR,
    Chunk,
    P,
    has_letters,
    paragraph_chunks,
    sentence_pieces,
    w,
    write_chunk,
)
from processor.translation.formats.markup import FileReport, mark

if TYPE_CHECKING:
    from processor.translation.base import Translator


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
    from processor.translation.formats.document import translate_all

    src, dest = Path(src), Path(dest)
    document = open_docx(src)
    report = FileReport(source=src, dest=dest, route=translator.describe())
    unique: dict[str, int] = {}
    batch: list[str] = []
    work: list[Chunk] = []

    def enqueue(text: str) -> int:
        if text not in unique:
            unique[text] = len(batch)
            batch.append(text)
        return unique[text]

    for kind, root in _stories(document):
        paragraphs = [(p, False) for p in root.iter(P)] + [(d, True) for d in root.iter(DEL)]
        for p, deleted in paragraphs:
            chunks = paragraph_chunks(p, deleted)
            for chunk in chunks:
                spans = split_sentences(chunk.text)
                chunk.spans = [(s.start, s.stop) for s in spans]
                for s in spans:
                    if has_letters(s.text):
                        pieces, main = sentence_pieces(chunk, s.start, s.stop, inline)
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
        write_chunk(chunk, translations, translator.target, report.fidelity)
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
    for lang in styles.iterfind(f"{w('docDefaults')}/{w('rPrDefault')}/{RPR}/{LANG}"):
        if lang.get(w("val")):
            lang.set(w("val"), LOCALES.get(target, target))
