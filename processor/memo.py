"""What a briefing memo says, independent of how it is written out.

:func:`build_memo` turns a segmented document, the summarizer's selection and
(optionally) the translations of the selected sentences into a :class:`Memo`.
The renderers (``render_docx``, ``render_text``) only lay it out.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

from processor import __version__
from processor.labels import label, language_name
from processor.model import Document
from processor.summarize import KeyPoint, Selection

_TITLE_WORDS = 14


@dataclass(frozen=True)
class MemoItem:
    """A bullet: its text in the memo language and the source sentences it renders."""

    text: str
    source_text: str
    sentence_ids: tuple[str, ...]


@dataclass(frozen=True)
class EntityRow:
    """A person, organization or place named in the source, in ru, en and kk."""

    ru: str
    en: str
    kk: str
    type: str
    in_glossary: bool = True


def entity_type(row: EntityRow, language: str) -> str:
    """The type cell: a romanized name says it is not from the glossary."""
    kind = label(row.type, language)
    return kind if row.in_glossary else f"{kind} ({label('romanized', language)})"


@dataclass(frozen=True)
class TermRow:
    """A glossary term and how it came through the translation of this memo."""

    term: str
    source: str
    occurrences: int
    correct: bool | None  # None: nothing was translated (a Russian memo)


@dataclass
class Memo:
    language: str
    title: str
    source_title: str | None
    source_name: str
    source_format: str
    source_language: str
    processed: str
    words: int
    sentences: int
    algorithm: str
    translation: str | None
    key_points: list[MemoItem]
    key_figures: list[MemoItem]
    entities: list[EntityRow] = field(default_factory=list)
    terms: list[TermRow] = field(default_factory=list)
    full_text: list[tuple[str, str]] | None = None  # (paragraph kind, text)
    notices: list[str] = field(default_factory=list)
    glossaries: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)

    @property
    def footer_notice(self) -> str:
        return label("notice", self.language, version=__version__)

    def metadata_rows(self) -> list[tuple[str, str]]:
        """The metadata block, as (label, value) in the memo language."""
        lang = self.language
        rows = [
            (label("source", lang), self.source_name),
            (label("processed", lang), self.processed),
            (label("source_language", lang), language_name(self.source_language, lang)),
            (label("memo_language", lang), language_name(self.language, lang)),
            (
                label("length", lang),
                label("length_value", lang, words=self.words, sentences=self.sentences),
            ),
            (label("summarizer", lang), self.algorithm),
            (label("translation", lang), self.translation or label("no_translation", lang)),
        ]
        if self.glossaries:
            rows.append((label("glossary", lang), ", ".join(self.glossaries)))
        return rows

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["schema"] = "processor.memo/1"
        data["footer_notice"] = self.footer_notice
        return data


def processing_time() -> dt.datetime:
    """Now (UTC, whole seconds), or ``SOURCE_DATE_EPOCH`` so that runs are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def processed_date() -> str:
    return processing_time().date().isoformat()


def derive_title(doc: Document, selection: Selection) -> str:
    """The article's headline, or its lead cut to a readable length."""
    if doc.title:
        return doc.title
    first = next(doc.sentences(), None)
    text = first.text if first else doc.meta.name
    words = text.split()
    if len(words) <= _TITLE_WORDS:
        return text.rstrip(".")
    return " ".join(words[:_TITLE_WORDS]).rstrip(",;:–-") + "…"


def _items(points: Sequence[KeyPoint], translations: Mapping[str, str] | None) -> list[MemoItem]:
    items = []
    for point in points:
        if translations is None:
            text = point.text
        else:
            text = " ".join(translations[sid] for sid in point.sentence_ids)
        items.append(MemoItem(_tidy(text), point.text, point.sentence_ids))
    return items


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def build_memo(
    doc: Document,
    selection: Selection,
    *,
    language: str,
    translations: Mapping[str, str] | None = None,
    title: str | None = None,
    translation_route: str | None = None,
    full_text: Sequence[tuple[str, str]] | None = None,
    entities: Sequence[EntityRow] = (),
    terms: Sequence[TermRow] = (),
    notices: Sequence[str] = (),
    glossaries: Sequence[str] = (),
) -> Memo:
    """Assemble the memo for one language.

    ``translations`` maps sentence id -> translated sentence for every id in
    ``selection.sentence_ids()``; None means the memo is in the source language.
    """
    keywords = [
        row.en if language == "en" else row.kk if language == "kk" else row.ru
        for row in entities[:8]
    ]
    return Memo(
        language=language,
        title=title or derive_title(doc, selection),
        source_title=doc.title,
        source_name=doc.meta.name,
        source_format=doc.meta.format,
        source_language=doc.language,
        processed=processed_date(),
        words=doc.word_count,
        sentences=sum(1 for _ in doc.sentences()),
        algorithm=selection.algorithm,
        translation=translation_route,
        key_points=_items(selection.key_points, translations),
        key_figures=_items(selection.key_figures, translations),
        entities=list(entities),
        terms=list(terms),
        full_text=list(full_text) if full_text is not None else None,
        notices=list(notices),
        glossaries=list(glossaries),
        keywords=keywords,
    )
