"""Builders for the selection tests: articles from paragraphs, and the real news under
tests/data/summarize/."""

from __future__ import annotations

from pathlib import Path

from processor.model import Document, Paragraph, SourceMeta

NEWS = Path(__file__).resolve().parent.parent / "data" / "summarize"


def article(title: str, *paragraphs: str) -> Document:
    """A segmented document: a title, then body paragraphs."""
    return Document(
        [Paragraph(0, title, kind="title")]
        + [Paragraph(i, text) for i, text in enumerate(paragraphs, start=1)],
        SourceMeta("article.txt", "txt"),
        title=title,
    ).segment()


def shown(points) -> list[str]:
    """Every source sentence id the points show, in order."""
    return [sid for point in points for sid in point.sentence_ids]
