"""What a briefing memo says, independent of how it is written out.

:func:`build_memo` turns a segmented document, the summarizer's selection and
(optionally) the translations of the selected sentences into a :class:`Memo`.
:mod:`processor.memo.sections` orders it into sections; the renderers only lay them out.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

from processor import __version__
from processor.errors import ProcessorError
from processor.memo.bottom_line import bottom_line_points
from processor.memo.figures import FigureRow, figure_rows
from processor.memo.labels import (
    counted,
    format_date,
    label,
    language_name,
    localize_route,
    note_text,
)
from processor.memo.speakers import SpeakerLine, genre_row, interview_frame, render
from processor.memo.subject import derive_title, subject_line
from processor.model import Document, xml_safe
from processor.speech import Speech
from processor.summarize import KeyPoint, Selection
from processor.summarize.figures import Figure, key_figures

__all__ = ["EntityRow", "Memo", "MemoItem", "TermCheck", "build_memo", "derive_title"]

_BOTTOM_LINE_SENTENCES = 3
_BOTTOM_LINE_WORDS = 90
MARKING_ENV = "PROCESSOR_MEMO_MARKING"


@dataclass(frozen=True)
class MemoItem:
    """A bullet: its text in the memo language and the source sentences it renders."""

    text: str
    source_text: str
    sentence_ids: tuple[str, ...]
    # Whose words these are (speech or opinion), in the memo language; None: nobody's.
    speaker: SpeakerLine | None = None


@dataclass(frozen=True)
class EntityRow:
    """A person, organization or place named in the source, in ru, en and kk."""

    ru: str
    en: str
    kk: str
    type: str
    in_glossary: bool = True


def entity_type(row: EntityRow, language: str) -> str:
    """The type cell: the kind only (whether a name is from the glossary is a mark on
    its renderings, explained once under the table)."""
    return label(row.type, language)


@dataclass(frozen=True)
class TermCheck:
    """A glossary term and how it came through the translation of this memo."""

    term: str  # the rendering the glossary asks for in the memo language
    source: str  # the Russian term
    occurrences: int
    correct: bool | None  # None: nothing was translated
    translated: int = 0  # occurrences in translated sentences
    missing: int = 0  # of those, how many the translation lost
    notes: tuple[str, ...] = ()  # hold's notes (English); shown through labels.note_text

    @property
    def problem(self) -> bool:
        return self.correct is False or self.missing > 0


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
    terms: list[TermCheck] = field(default_factory=list)
    full_text: list[tuple[str, str]] | None = None  # (paragraph kind, text)
    notices: list[str] = field(default_factory=list)
    glossaries: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    # The first key points, read first under "Bottom line"; key_points keeps them all.
    bottom_line: list[MemoItem] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    marking: str = ""
    # The Key figures table: one source figure a row (key_figures keeps their sentences).
    figure_rows: list[FigureRow] = field(default_factory=list)
    # A translated memo also shows the source's headline (or subject) as written.
    original_title: str | None = None
    genre: str | None = None  # interview, statement or report, when clear

    @property
    def memo_type(self) -> str:
        return label("memo", self.language)

    @property
    def footer_notice(self) -> str:
        return label("notice", self.language, version=__version__)

    def header_rows(self) -> list[tuple[str, str]]:
        """The header block under the subject, as (label, value) in the memo language."""
        lang = self.language
        # A file name is no source: without an outlet the row says so (the file is in
        # the method note).
        rows = [(label("source", lang), self.outlet or label("source_unknown", lang))]
        if self.original_title:
            rows.insert(0, (label("original_title", lang), self.original_title))
        if self.published:
            rows.append((label("published", lang), format_date(self.published, lang)))
        if self.url:
            rows.append((label("link", lang), self.url))
        if genre := genre_row(self.genre, lang):
            rows.append(genre)
        rows += [
            (label("processed", lang), format_date(self.processed, lang)),
            (label("source_language", lang), language_name(self.source_language, lang)),
            (label("memo_language", lang), language_name(self.language, lang)),
        ]
        return rows

    def method_rows(self) -> list[tuple[str, str]]:
        """How the memo was made: the small "Method" note at the end."""
        lang = self.language
        length = f"{counted(self.words, 'word', lang)}, {counted(self.sentences, 'sentence', lang)}"
        route = localize_route(self.translation, lang) if self.translation else None
        rows = [
            (label("file", lang), f"{self.source_name} ({self.source_format})"),
            (label("length", lang), length),
            (label("summarizer", lang), self.algorithm),
            (label("translation", lang), route or label("no_translation", lang)),
        ]
        if self.glossaries:
            rows.append((label("glossary", lang), ", ".join(self.glossaries)))
        return rows

    @property
    def problem_terms(self) -> list[TermCheck]:
        return [t for t in self.terms if t.problem]

    @property
    def checked_ok(self) -> int:
        """Terms the translation rendered right (terms outside it are not counted)."""
        return sum(1 for t in self.terms if t.correct is True and not t.problem)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["schema"] = "processor.memo/1"
        data["memo_type"] = self.memo_type
        data["footer_notice"] = self.footer_notice
        return data


LAST_EPOCH = 4354819199  # 2107-12-31 23:59:59 UTC


def processing_time() -> dt.datetime:
    """Now (UTC, whole seconds), or ``SOURCE_DATE_EPOCH`` so that runs are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        seconds = int(epoch)
        if seconds > LAST_EPOCH:  # a DOCX is a zip: its dates end with 2107
            raise ProcessorError(
                f"SOURCE_DATE_EPOCH={epoch.strip()} is after 2107, the last year a DOCX "
                "can record; give seconds since 1970, e.g. $(date +%s)"
            )
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def processed_date() -> str:
    return processing_time().date().isoformat()


def _items(
    points: Sequence[KeyPoint],
    translations: Mapping[str, str] | None,
    speakers: Callable[[Sequence[str]], SpeakerLine | None] = lambda ids: None,
) -> list[MemoItem]:
    items = []
    for point in points:
        if translations is None:
            text = point.text
        else:
            text = " ".join(translations[sid] for sid in point.sentence_ids)
        items.append(
            MemoItem(_tidy(text), point.text, point.sentence_ids, speakers(point.sentence_ids))
        )
    return items


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def term_notices(terms: Sequence[TermCheck], language: str) -> list[str]:
    """One line per term the translation lost or got wrong, in the memo language."""
    lines = []
    for t in terms:
        if t.missing:
            lines.append(
                label(
                    "term_lost",
                    language,
                    term=t.source,
                    rendering=t.term,
                    missing=t.missing,
                    translated=t.translated,
                )
            )
        elif t.problem:  # no counts given: say what is wrong without them
            lines.append(label("term_wrong", language, term=t.source, rendering=t.term))
    return lines


def term_reason(term: TermCheck, language: str) -> str:
    """Why a term is a problem, each reason once, in the memo language."""
    reasons = [r for n in term.notes for r in note_text(n, language).split("; ") if r]
    return "; ".join(dict.fromkeys(reasons)) or label("note_lost", language)


def default_marking(language: str) -> str:
    """The handling marking: ``PROCESSOR_MEMO_MARKING`` if set (empty: none), else the
    "For internal use" label of the memo language."""
    value = os.environ.get(MARKING_ENV)
    return label("marking", language) if value is None else value.strip()


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
    terms: Sequence[TermCheck] = (),
    notices: Sequence[str] = (),
    glossaries: Sequence[str] = (),
    marking: str | None = None,
    figures: Sequence[Figure] | None = None,
    speech: Speech | None = None,
) -> Memo:
    """Assemble the memo for one language.

    ``translations`` maps sentence id -> translated sentence for every id in
    ``selection.sentence_ids()``; None means the memo is in the source language
    (then there is no translation to check, so no terminology rows).
    ``marking`` is the handling marking (None: :func:`default_marking`).
    ``figures`` are the source's key figures (None: read from the selection here); a
    translated memo finds their "what" phrases in ``translations`` under
    :func:`processor.memo.figures.what_key`.
    ``speech`` names who said which sentence (:func:`processor.speech.find_speech`).
    """
    if figures is None:
        figures = source_figures(doc, selection)
    keywords = [
        row.en if language == "en" else row.kk if language == "kk" else row.ru
        for row in entities[:8]
    ]
    checked = list(terms) if translations is not None else []

    def speaker_of(ids: Sequence[str]) -> SpeakerLine | None:
        found = speech.of(ids) if speech else None
        return render(found, language, entities, translations) if found else None

    key_points = _items(selection.key_points, translations, speaker_of)
    meta = doc.meta
    bottom_line = [
        key_points[i]
        for i in bottom_line_points(selection.key_points, speech=speech, title=doc.title)
    ]
    if speech and speech.genre == "interview" and speech.interviewee:
        guest = speech.interviewee
        line = render(guest, language, entities, translations)
        frame = interview_frame(line, meta.outlet, language, guest.role, guest.name)
        source = interview_frame(line, meta.outlet, "ru", guest.role, guest.name)
        bottom_line.insert(0, MemoItem(frame, source, ()))
    return Memo(
        language=language,
        title=subject_line(title) if title else derive_title(doc),
        source_title=doc.title,
        source_name=meta.name,
        source_format=meta.format,
        source_language=doc.language,
        processed=processed_date(),
        words=doc.word_count,
        sentences=sum(1 for _ in doc.sentences()),
        algorithm=selection.algorithm,
        translation=translation_route,
        key_points=key_points,
        key_figures=_items(selection.key_figures, translations, speaker_of),
        entities=list(entities),
        terms=checked,
        full_text=list(full_text) if full_text is not None else None,
        notices=term_notices(checked, language) + list(notices),
        glossaries=list(glossaries),
        keywords=keywords,
        bottom_line=bottom_line,
        outlet=meta.outlet,
        published=meta.published,
        url=meta.url,
        # A marking is typed by a user (--marking, processor.toml): keep it writable.
        marking=xml_safe(default_marking(language) if marking is None else marking),
        figure_rows=figure_rows(figures, language, translations),
        original_title=derive_title(doc) if translations is not None else None,
        genre=speech.genre if speech else None,
    )


def source_figures(doc: Document, selection: Selection) -> list[Figure]:
    """The key figures of the source's key-figure sentences (what the table shows)."""
    by_id = {s.id: s.text for s in doc.sentences()}
    ids = [sid for point in selection.key_figures for sid in point.sentence_ids]
    return key_figures([(sid, by_id[sid]) for sid in ids if sid in by_id])
