"""Translate a Document (or several at once), sentence by sentence, ids kept.

Every function here sends *whole sentences* to the translator, all of them in one
``translate`` call (the engine batches internally), and puts the translations back
where the sentences were. Files keep their own formatting through the format
modules: :mod:`processor.translation.formats.docx`, :mod:`~processor.translation.formats.html`,
:mod:`~processor.translation.formats.markdown`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from processor.model import Document, Paragraph, Sentence

if TYPE_CHECKING:
    from processor.translation.base import Translator


def _has_letters(text: str) -> bool:
    # Numbers, bullets and punctuation are kept as they are: models tend to
    # hallucinate on them, and they read the same in every target language.
    return any(ch.isalpha() for ch in text)


def translate_all(translator: Translator, sentences: Sequence[str]) -> list[str]:
    """One call for the whole batch (none for an empty one), the output contract checked."""
    from processor.translation.base import checked_translate

    return checked_translate(translator, sentences) if sentences else []


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
    translations = translate_all(translator, batch)
    return [_build(plan, translations, translator.target) for plan in plans]


def translate_document(doc: Document, translator: Translator) -> Document:
    """A new Document: ``doc`` translated sentence by sentence, same structure and ids."""
    return translate_documents([doc], translator)[0]
