"""The document model every stage of the pipeline reads and enriches.

One :class:`Document` travels through the pipeline, in the spirit of natasha's
``Doc``: a reader fills ``paragraphs`` and ``meta``; :func:`Document.segment`
fills each paragraph's ``sentences``; later stages (selection, translation,
rendering) look sentences up by their stable ``id``.

Sentence ids look like ``"p3.s1"`` (paragraph 3, sentence 1, both counted from
zero).  They depend only on the source text, so a translation can be aligned
with its source sentence by sentence, across processes and runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

# XML 1.0 allows tab, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD and the astral planes; a
# DOCX (python-docx: "All strings must be XML compatible") can hold nothing else.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters no memo format can hold (control characters,
    lone surrogates, U+FFFE/U+FFFF); the document model applies it once, on creation."""
    return _NOT_XML.sub("", text)


def xml_unsafe(text: str) -> str | None:
    """The first character of ``text`` that :func:`xml_safe` would drop, or None."""
    found = _NOT_XML.search(text)
    return found.group() if found else None


ParagraphKind = Literal["title", "heading", "body", "list_item", "table_cell", "quote"]


_PARAGRAPH_BREAK = "\n\n"  # between paragraphs in Document.text


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph, with its offsets in the paragraph's text."""

    id: str
    text: str
    paragraph: int
    start: int
    stop: int


@dataclass
class Paragraph:
    """A block of text: a heading, a body paragraph, a list item or a table cell."""

    index: int
    text: str
    kind: ParagraphKind = "body"
    level: int = 0
    sentences: list[Sentence] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = xml_safe(self.text)


@dataclass
class SourceMeta:
    """Where a document came from and how it was decoded."""

    path: str
    format: str
    encoding: str | None = None
    size_bytes: int = 0
    # What the source says of itself, when it says it (HTML <meta>, DOCX core
    # properties, a TXT's first lines). Readers fill them; the memo header shows them.
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    url: str | None = None
    author: str | None = None

    def __post_init__(self) -> None:
        # What a page says of itself (<meta name=author>, og:site_name) reaches the memo.
        for name in ("outlet", "published", "url", "author"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, xml_safe(value) or None)

    @property
    def name(self) -> str:
        return "<stdin>" if self.path == "-" else Path(self.path).name


@dataclass
class Document:
    """A source document: title, paragraphs (each with its sentences), metadata."""

    paragraphs: list[Paragraph]
    meta: SourceMeta
    title: str | None = None
    language: str = "ru"

    def __post_init__(self) -> None:
        if self.title is not None:
            self.title = xml_safe(self.title) or None

    def segment(self) -> Document:
        """Split every paragraph into sentences (Russian rules); returns ``self``."""
        from processor.segment import split_sentences

        for paragraph in self.paragraphs:
            paragraph.sentences = [
                Sentence(
                    id=f"p{paragraph.index}.s{i}",
                    text=span.text,
                    paragraph=paragraph.index,
                    start=span.start,
                    stop=span.stop,
                )
                for i, span in enumerate(split_sentences(paragraph.text))
            ]
        return self

    @property
    def is_segmented(self) -> bool:
        return any(p.sentences for p in self.paragraphs)

    @property
    def body(self) -> list[Paragraph]:
        """Paragraphs that carry the article's text (not its title)."""
        return [p for p in self.paragraphs if p.kind != "title"]

    def sentences(self) -> Iterator[Sentence]:
        """All sentences of the body, in reading order."""
        for paragraph in self.body:
            yield from paragraph.sentences

    def sentence(self, sentence_id: str) -> Sentence:
        for s in self.sentences():
            if s.id == sentence_id:
                return s
        raise KeyError(sentence_id)

    @property
    def text(self) -> str:
        return _PARAGRAPH_BREAK.join(p.text for p in self.paragraphs)

    def paragraph_starts(self) -> dict[int, int]:
        """Where each paragraph (by its index) starts in :attr:`text`."""
        starts, at = {}, 0
        for paragraph in self.paragraphs:
            starts[paragraph.index] = at
            at += len(paragraph.text) + len(_PARAGRAPH_BREAK)
        return starts

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.body)

    @property
    def char_count(self) -> int:
        return sum(len(p.text) for p in self.body)
