"""The pipeline: read -> segment -> select -> translate (glossary held) -> render.

These functions are the Python API (re-exported by :mod:`processor`) and what
the CLI calls; the CLI only parses options and prints outcomes.

Several documents are briefed together so that all their selected sentences
go to each translation model in one batch, and each model loads once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from processor.errors import OutputError, ProcessorError
from processor.memo import EntityRow, Memo, TermRow, build_memo, derive_title
from processor.model import Document
from processor.summarize import (
    DEFAULT_ALGORITHM,
    DEFAULT_FIGURES,
    Selection,
    select,
    strip_dash,
)

if TYPE_CHECKING:
    from processor.glossary import Glossary, TermOutcome
    from processor.translation import TranslationSettings, Translator

FORMATS = ("docx", "md", "json")
DEFAULT_LANGUAGES = ("en", "kk")


@dataclass
class BriefOptions:
    """Everything that shapes a memo; the defaults are the CLI's defaults."""

    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    algorithm: str = DEFAULT_ALGORITHM
    sentences: int | None = None
    ratio: float | None = None
    figures: int = DEFAULT_FIGURES
    full_text: bool = False
    formats: tuple[str, ...] = ("docx",)
    source_lang: str | None = None
    glossaries: tuple[str | os.PathLike[str], ...] = ()
    builtin_glossaries: bool = True
    use_glossary: bool = True
    translation: TranslationSettings | None = None


@dataclass
class Prepared:
    """A document read, segmented and summarized: what every memo language shares."""

    doc: Document
    selection: Selection


@dataclass
class BriefResult:
    """What happened to one input."""

    source: str
    outputs: list[Path] = field(default_factory=list)
    memos: list[Memo] = field(default_factory=list)
    error: str | None = None
    # language -> one line saying why it is missing and how to install a model
    missing: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def read(path: str | os.PathLike[str], *, source_lang: str | None = None) -> Document:
    """Read and segment one input (a path, or ``"-"`` for stdin)."""
    from processor.readers import read_document

    return read_document(path, source_lang=source_lang).segment()


# The API name for the selection stage: same function, the pipeline's vocabulary.
summarize = select


def prepare(path: str | os.PathLike[str], options: BriefOptions) -> Prepared:
    doc = read(path, source_lang=options.source_lang)
    selection = summarize(
        doc,
        algorithm=options.algorithm,
        sentences=options.sentences,
        ratio=options.ratio,
        figures=options.figures,
    )
    return Prepared(doc, selection)


def prepare_each(paths: Sequence[str], options: BriefOptions) -> list[Prepared | Exception]:
    """:func:`prepare` for every input, in order; a failure is returned, not raised."""
    out: list[Prepared | Exception] = []
    for path in paths:
        try:
            out.append(prepare(path, options))
        except Exception as exc:  # one input's failure is its own
            out.append(exc)
    return out


# How ``brief`` prepares its inputs: ``prepare_each``, or the batch executor's parallel,
# time-bounded version (processor.batch).
PrepareWith = Callable[[Sequence[str], BriefOptions], "list[Prepared | Exception]"]


def memo_stem(source: str) -> str:
    """``news/a.ru.txt`` -> ``a``: the memo adds its own language suffix."""
    if source == "-":
        return "stdin"
    stem = Path(source).stem
    return stem[:-3] if stem.endswith(".ru") and len(stem) > 3 else stem


# --- translation of what the memos show ---------------------------------------------------


@dataclass
class _Batch:
    """The texts of several documents sent through one translator call."""

    texts: list[str] = field(default_factory=list)
    # per document: sentence id -> position in texts; "title" -> position
    slots: list[dict[str, int]] = field(default_factory=list)

    def add(self, key: str, text: str) -> None:
        self.slots[-1][key] = len(self.texts)
        self.texts.append(text)


def _translation_batch(prepared: Sequence[Prepared], full_text: bool) -> _Batch:
    batch = _Batch()
    for item in prepared:
        batch.slots.append({})
        batch.add("title", derive_title(item.doc, item.selection))
        wanted = (
            [s.id for s in item.doc.sentences()] if full_text else item.selection.sentence_ids()
        )
        by_id = {s.id: s for s in item.doc.sentences()}
        for sid in wanted:
            batch.add(sid, strip_dash(by_id[sid].text))
    return batch


def _full_text(doc: Document, translated: dict[str, str] | None) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for paragraph in doc.paragraphs:
        if translated is None or not paragraph.sentences:
            rows.append((paragraph.kind, paragraph.text))
            continue
        pieces = [translated.get(s.id, s.text) for s in paragraph.sentences]
        lead = "– " if paragraph.text.lstrip()[:1] in "–—" else ""
        rows.append((paragraph.kind, lead + " ".join(pieces).strip()))
    return rows


# --- the glossary's part -------------------------------------------------------------------


@dataclass
class GlossaryContext:
    """The loaded glossary and what it contributes to each memo."""

    glossary: Glossary | None
    names: list[str]
    warnings: list[str]


def load_glossary_context(options: BriefOptions) -> GlossaryContext:
    if not options.use_glossary:
        return GlossaryContext(None, [], [])
    from processor.glossary import load_glossaries

    warnings: list[str] = []
    # A broken user glossary must not cost the analyst the memo: it is skipped,
    # said so, and the built-ins and the other files still apply.
    glossary = load_glossaries(
        options.glossaries,
        builtin=options.builtin_glossaries,
        on_error=lambda exc: warnings.append(f"glossary skipped: {exc}"),
    )
    return GlossaryContext(glossary, list(glossary.names), warnings)


def entity_rows(glossary: Glossary | None, doc: Document) -> list[EntityRow]:
    """People, organizations and places: glossary entries, then natasha's finds."""
    if glossary is None:
        return []
    from processor.glossary.report import names_table

    rows = [
        EntityRow(ru=row.ru, en=row.en, kk=row.kk, type=row.type, in_glossary=not row.romanized)
        for row in names_table(glossary, [doc.text])
    ]
    # "Смагулов" after "Айдар Смагулов" is the same person, not a row of its own.
    surnames = {r.ru.split()[-1] for r in rows if r.type == "person" and " " in r.ru}
    return [
        r
        for r in rows
        if r.in_glossary or r.type != "person" or " " in r.ru or r.ru not in surnames
    ]


def with_found_people(glossary: Glossary, entities: dict[int, list[EntityRow]]) -> Glossary:
    """The glossary plus the people natasha found that it lacks.

    Held like glossary entries, an unknown name comes out with the same
    romanization in every memo and every sentence, and the appendix checks it.
    """
    from processor.glossary.entities import entity_entry

    ids = {entry.id for entry in glossary.entries}
    found: dict[str, None] = {}
    for rows in entities.values():
        for row in rows:
            if row.type == "person" and not row.in_glossary:
                found.setdefault(row.ru, None)
    if not found:
        return glossary
    extra = []
    for name in found:
        entry = entity_entry(name, "person", ids)
        if " " in name:
            # The surname alone is the same person: render it the same way, short.
            surname = name.split()[-1]
            entry.short.update(ru=surname, en=entry.en.split()[-1], kk=surname)
        extra.append(entry)
    return glossary.with_entries(extra)


def _source_terms(glossary: Glossary | None, doc: Document) -> list[TermRow]:
    if glossary is None:
        return []
    from processor.glossary.report import document_terms

    return [
        TermRow(term=u.entry.ru, source=u.entry.ru, occurrences=u.count, correct=None)
        for u in document_terms(glossary, [doc.text])
    ]


def _translated_terms(
    glossary: Glossary, doc: Document, outcomes: Sequence[TermOutcome], language: str
) -> tuple[list[TermRow], list[str]]:
    """The terminology appendix of one translated memo, and a notice per term it lost."""
    from processor.glossary.report import document_terms, terminology_appendix

    rows: list[TermRow] = []
    notices: list[str] = []
    appendix = terminology_appendix(document_terms(glossary, [doc.text]), {language: outcomes})
    for row in appendix:
        result = row.results[language]
        rendering = row.entry.rendering(language)
        rows.append(
            TermRow(
                term=rendering,
                source=row.term,
                occurrences=row.occurrences,
                correct=result.all_right,
            )
        )
        if result.missing:
            why = "; ".join(result.notes) or "not found in the translation"
            notices.append(
                f"{row.term} → {rendering}: missing in {result.missing} "
                f"of {result.translated} translated sentences ({why})"
            )
    return rows, notices


# --- brief -----------------------------------------------------------------------------------

TranslatorFactory = Callable[[str, str], "Translator"]


def _default_factory(settings: TranslationSettings | None) -> TranslatorFactory:
    def factory(source: str, target: str) -> Translator:
        from processor.translation import get_translator

        return get_translator(source, target, settings)

    return factory


def brief(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    options: BriefOptions | None = None,
    *,
    translator_factory: TranslatorFactory | None = None,
    prepare_with: PrepareWith | None = None,
) -> list[BriefResult]:
    """Write briefing memos for ``inputs`` into ``outdir``; one result per input.

    One bad input never stops the others: its result carries the error.  A
    memo language with no installed model is reported in ``missing`` and the
    other languages are still written.
    """
    options = options or BriefOptions()
    factory = translator_factory or _default_factory(options.translation)
    outdir = Path(outdir)
    results = [BriefResult(source=os.fspath(p)) for p in inputs]
    prepared: dict[int, Prepared] = {}
    paths = [r.source for r in results]
    for i, got in enumerate((prepare_with or prepare_each)(paths, options)):
        if isinstance(got, ProcessorError):
            results[i].error = str(got)
        elif isinstance(got, Exception):
            results[i].error = f"{paths[i]}: unexpected {type(got).__name__}: {got}"
        else:
            prepared[i] = got
    if not prepared:
        return results

    context = load_glossary_context(options)
    for i in prepared:
        results[i].warnings.extend(context.warnings)
    entities = {i: entity_rows(context.glossary, item.doc) for i, item in prepared.items()}
    if context.glossary is not None:
        context.glossary = with_found_people(context.glossary, entities)

    for language in options.languages:
        memos = _memos_for_language(
            language, prepared, options, factory, context, entities, results
        )
        for i, memo in memos.items():
            results[i].memos.append(memo)
            try:
                results[i].outputs += write_memo(
                    memo, outdir, memo_stem(results[i].source), options.formats
                )
            except ProcessorError as exc:
                results[i].error = str(exc)
    return results


def _memos_for_language(
    language: str,
    prepared: dict[int, Prepared],
    options: BriefOptions,
    factory: TranslatorFactory,
    context: GlossaryContext,
    entities: dict[int, list[EntityRow]],
    results: list[BriefResult],
) -> dict[int, Memo]:
    sources = {item.doc.language for item in prepared.values()}
    memos: dict[int, Memo] = {}
    if language in sources and len(sources) == 1:
        for i, item in prepared.items():
            memos[i] = build_memo(
                item.doc,
                item.selection,
                language=language,
                full_text=_full_text(item.doc, None) if options.full_text else None,
                entities=entities[i],
                terms=_source_terms(context.glossary, item.doc),
                glossaries=context.names,
            )
        return memos

    source = next(iter(sources)) if len(sources) == 1 else "ru"
    try:
        translator = factory(source, language)
    except ProcessorError as exc:  # NoRouteError, or a model that cannot load
        for i in prepared:
            results[i].missing[language] = str(exc)
        return memos

    held: Translator = translator
    holder = None
    if context.glossary is not None:
        from processor.glossary import HeldTranslator

        held = holder = HeldTranslator(translator, context.glossary)

    ordered = list(prepared.items())
    batch = _translation_batch([item for _, item in ordered], options.full_text)
    try:
        translated = held.translate(batch.texts)
    except ProcessorError as exc:
        for i in prepared:
            results[i].missing[language] = str(exc)
        return memos
    outcomes = holder.terms if holder is not None else []

    for (i, item), slots in zip(ordered, batch.slots, strict=True):
        by_id = {key: translated[pos] for key, pos in slots.items() if key != "title"}
        positions = set(slots.values())
        terms: list[TermRow] = []
        notices: list[str] = []
        if context.glossary is not None:
            mine = [o for o in outcomes if o.sentence in positions]
            terms, notices = _translated_terms(context.glossary, item.doc, mine, language)
        memos[i] = build_memo(
            item.doc,
            item.selection,
            language=language,
            translations=by_id,
            title=translated[slots["title"]],
            translation_route=held.describe(),
            full_text=_full_text(item.doc, by_id) if options.full_text else None,
            entities=entities[i],
            terms=terms,
            notices=notices,
            glossaries=context.names,
        )
    return memos


def write_memo(memo: Memo, outdir: Path, stem: str, formats: Sequence[str]) -> list[Path]:
    """Write ``memo`` in each of ``formats`` as ``OUTDIR/<stem>.<lang>.<format>``."""
    from processor.render_docx import write_docx
    from processor.render_text import write_json, write_markdown

    writers = {"docx": write_docx, "md": write_markdown, "json": write_json}
    written = []
    for fmt in formats:
        if fmt not in writers:
            raise OutputError(f"unknown output format '{fmt}'; choose from {', '.join(FORMATS)}")
        written.append(writers[fmt](memo, outdir / f"{stem}.{memo.language}.{fmt}"))
    return written
