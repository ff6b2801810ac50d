"""The pipeline: read -> segment -> select -> match the glossary -> translate (held) -> render.

These functions are the Python API (re-exported by :mod:`processor`) and what the CLI
calls; the CLI only parses options and prints results.

Each input is one record that the stages enrich: :func:`prepare` reads, segments, selects
and matches the glossary (one input, any process: the batch executor runs it in parallel);
then, for each memo language, one translator is opened (the model loads once) and the
selected sentences of *all* inputs go through it in one batch.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from processor.errors import NoRouteError, UsageError
from processor.kazakh_latin import base_language
from processor.memo import Memo, TermCheck, build_memo
from processor.memo.inputs import (
    TITLE,
    entity_rows,
    full_text_rows,
    glossary_names,
    memo_texts,
    translated_terms,
)
from processor.memo.script import written_in
from processor.outputs import Source, collect_sources
from processor.preparation import (
    BriefOptions,
    Prepared,
    PrepareWith,
    load_glossary,
    prepare,
    prepare_each,
    read,
    summarize,
    summary_record,
)
from processor.results import Interrupted, Missing, Result
from processor.translation.base import checked

if TYPE_CHECKING:
    from processor.glossary import Glossary, Match, TermOutcome
    from processor.glossary.hold import HeldTranslation as Held
    from processor.glossary.report import TermUsage
    from processor.translation import TranslationSettings, Translator
    from processor.translation.engines.cache import RunCache

__all__ = [
    "BriefOptions",
    "Prepared",
    "brief",
    "prepare",
    "read",
    "summarize",
    "summary_record",
    "write_memo",
]

FORMATS = ("docx", "md", "json")

TranslatorFactory = Callable[[str, str], "Translator"]


@dataclass
class _Input:
    """One input as it goes through ``brief``: each stage fills in its part."""

    source: Source
    result: Result
    prepared: Prepared | None = None
    # Each glossary entry in the document (found people included) and how often.
    usages: list[TermUsage] = field(default_factory=list)

    @property
    def ready(self) -> Prepared:
        assert self.prepared is not None, "only prepared inputs are briefed"
        return self.prepared


def brief(
    inputs: Sequence[str | os.PathLike[str] | Source],
    outdir: str | os.PathLike[str],
    options: BriefOptions | None = None,
    *,
    translator_factory: TranslatorFactory | None = None,
    prepare_with: PrepareWith | None = None,
) -> list[Result]:
    """Write briefing memos for ``inputs`` (files, folders, ``-``) into ``outdir``.

    One result per input, in order.  Whatever goes wrong with one input is that input's
    error and the others are still briefed.  A memo language with no installed model is
    reported in ``missing`` and the other languages are still written; when no requested
    language has a model, the memo is written in the source language instead.
    Raises only for the run as a whole: an unknown format (UsageError), a glossary that
    cannot be loaded (GlossaryError).
    """
    options = options or BriefOptions()
    unknown = [f for f in options.formats if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown output format '{unknown[0]}'; choose from {', '.join(FORMATS)}")
    factory = translator_factory or _default_factory(options.translation)
    glossary = load_glossary(options)
    sources = collect_sources(inputs, exclude=[outdir])
    items = [_Input(s, Result(source=s.shown)) for s in sources]
    try:
        prepared_each = (prepare_with or prepare_each)([i.source.path for i in items], options)
        for item, prepared in zip(items, prepared_each, strict=True):
            if isinstance(prepared, Exception):
                item.result.fail(prepared)
            else:
                item.prepared = prepared
        ready = [item for item in items if item.prepared is not None]
        held = _held_glossary(glossary, ready)

        from processor.translation.engines.cache import RunCache

        inputs_read = tuple(s.path for s in sources)
        run = _Run(Path(outdir), options, factory, held, RunCache(), inputs_read)
        for language in options.languages:
            run.brief_language(language, ready)
        for item in ready:
            if item.result.ok and not item.result.memos and item.result.missing:
                run.fall_back_to_source(item)
    except KeyboardInterrupt as exc:
        # What is finished stays finished: the caller records and reports those inputs.
        done = [k for k, item in enumerate(items) if _finished(item, options.languages)]
        raise Interrupted([items[k].result for k in done], len(items), done) from exc
    return [item.result for item in items]


def _finished(item: _Input, languages: Sequence[str]) -> bool:
    """It failed, or every memo language is written or missing and at least one memo (the
    source-language one when all are missing) is written."""
    if item.result.error is not None:
        return True
    written = {memo.language for memo in item.result.memos}
    missing = {m.language for m in item.result.missing}
    return bool(written) and written | missing >= set(languages)


def _default_factory(settings: TranslationSettings | None) -> TranslatorFactory:
    def factory(source: str, target: str) -> Translator:
        from processor.translation import get_translator

        return get_translator(source, target, settings)

    return factory


def _held_glossary(glossary: Glossary | None, items: Sequence[_Input]) -> Glossary | None:
    """The glossary translations are held to: the loaded one plus the people found."""
    if glossary is None:
        return None
    from processor.glossary.report import document_terms, found_people

    findings = [i.ready.findings for i in items if i.ready.findings is not None]
    people = found_people(glossary, findings)
    for item in items:
        found = item.ready.findings
        item.usages = list(found.usages) if found else []
        if people.entries:
            item.usages += document_terms(people, [item.ready.doc.text])
    return glossary.with_entries(people.entries) if people.entries else glossary


def _translate(
    translator: Translator,
    texts: list[str],
    glossary: Glossary | None,
    matches: Callable[[str], list[Match]],
) -> Held:
    """Translate ``texts`` holding the glossary's terms; the term outcomes come back too."""
    from processor.glossary import HeldTranslation, translate_held

    engine = checked(translator)
    if glossary is None:
        return HeldTranslation(engine.translate(texts))
    return translate_held(texts, engine, glossary, matches=[matches(t) for t in texts])


@dataclass
class _Run:
    """What every memo of one ``brief`` call shares."""

    outdir: Path
    options: BriefOptions
    factory: TranslatorFactory
    glossary: Glossary | None
    # Every sentence translated in this run, per language pair: the pivot's first leg
    # re-uses the translations of that language's own memo.
    cache: RunCache
    inputs: tuple[str, ...] = ()  # never replaced by a memo
    # The held glossary's matches of each text sent to translation, found once for all
    # memo languages.
    found: dict[str, list[Match]] = field(default_factory=dict)

    def matches(self, text: str) -> list[Match]:
        assert self.glossary is not None
        if text not in self.found:
            self.found[text] = self.glossary.find(text)
        return self.found[text]

    def brief_language(self, language: str, items: Sequence[_Input]) -> None:
        by_source: dict[str, list[_Input]] = {}
        for item in items:
            by_source.setdefault(item.ready.doc.language, []).append(item)
        for source, group in by_source.items():
            if source == language:
                for item in group:
                    self.write(item, self.source_memo(item, language))
            else:
                self.translate_group(source, language, group)

    def translate_group(self, source: str, language: str, items: Sequence[_Input]) -> None:
        """One translator, one batch: every text of every memo of ``items`` in ``language``.

        A script variant (``kk-latn``) is translated and held in its base language (``kk``);
        the memo is converted to its script when it is written.
        """
        try:
            translator = self.cache.wrap(self.factory(source, base_language(language)))
        except NoRouteError as exc:  # the only "missing": a model can be installed
            for item in items:
                item.result.missing.append(Missing.from_error(language, exc))
            return
        except Exception as exc:  # e.g. --device cuda without a GPU: an error, exit 1
            for item in items:
                item.result.fail(exc)
            return
        keys: list[list[str]] = []
        texts: list[str] = []
        for item in items:
            pairs = memo_texts(item.ready, self.options.full_text)
            keys.append([key for key, _ in pairs])
            texts += [text for _, text in pairs]
        try:
            held = _translate(translator, texts, self.glossary, self.matches)
        except Exception as exc:
            for item in items:
                item.result.fail(exc)
            return
        from processor.glossary.hold import held_route

        route = held_route(translator, self.glossary) if self.glossary else translator.describe()
        start = 0
        for item, mine in zip(items, keys, strict=True):
            stop = start + len(mine)
            outcomes = [o for o in held.terms if start <= o.sentence < stop]
            translated = dict(zip(mine, held.texts[start:stop], strict=True))
            again = sum(start <= i < stop for i in held.retried)
            if again:  # the engine lost a placeholder: those sentences were decoded twice
                report = item.result.report if item.result.report is not None else {}
                lost = report.setdefault("placeholder_lost_translated_again", {})
                assert isinstance(lost, dict)
                lost[language] = again
                item.result.report = report
            memo = self.translated_memo(item, base_language(language), translated, route, outcomes)
            self.write(item, written_in(memo, language))
            start = stop

    def translated_memo(
        self,
        item: _Input,
        language: str,
        translated: dict[str, str],
        route: str,
        outcomes: Sequence[TermOutcome],
    ) -> Memo:
        title = translated.pop(TITLE)
        terms = translated_terms(item.usages, outcomes, language)
        return build_memo(
            item.ready.doc,
            item.ready.selection,
            language=language,
            translations=translated,
            title=title,
            translation_route=route,
            full_text=full_text_rows(item.ready.doc, translated)
            if self.options.full_text
            else None,
            entities=entity_rows(item.ready),
            terms=terms,
            glossaries=glossary_names(item.ready),
            marking=self.options.marking,
            figures=item.ready.figures,
            speech=item.ready.speech,
        )

    def source_memo(self, item: _Input, language: str) -> Memo:
        doc = item.ready.doc
        return build_memo(
            doc,
            item.ready.selection,
            language=language,
            full_text=full_text_rows(doc, None) if self.options.full_text else None,
            entities=entity_rows(item.ready),
            terms=[
                TermCheck(term=u.entry.ru, source=u.entry.ru, occurrences=u.count, correct=None)
                for u in item.usages
            ],
            glossaries=glossary_names(item.ready),
            marking=self.options.marking,
            figures=item.ready.figures,
            speech=item.ready.speech,
        )

    def fall_back_to_source(self, item: _Input) -> None:
        """No requested language has a model: the source-language memo, said so."""
        language = item.ready.doc.language
        self.write(item, self.source_memo(item, language))
        if item.result.ok:
            wanted = ", ".join(m.language for m in item.result.missing)
            item.result.warnings.append(f"no model for {wanted}: wrote the {language} memo instead")

    def write(self, item: _Input, memo: Memo) -> None:
        """Write one memo; a failure is the input's failure, never the batch's.

        The memo counts as the input's only once all its formats are written (or failed):
        an interrupted input is not finished.
        """
        try:
            written = write_memo(
                memo, self.outdir, item.source, self.options.formats, inputs=self.inputs
            )
        except Exception as exc:
            item.result.fail(exc)
            written = []
        item.result.memos.append(memo)
        item.result.outputs += written


def write_memo(
    memo: Memo,
    outdir: Path,
    source: Source,
    formats: Sequence[str],
    *,
    inputs: Sequence[str] = (),
) -> list[Path]:
    """Write ``memo`` in each of ``formats`` as ``OUTDIR/<stem>.<lang>.<format>``; a path
    that is one of ``inputs`` is refused (:func:`processor.access.check_not_input`)."""
    from processor.access import check_not_input
    from processor.memo.docx import write_docx
    from processor.memo.text import write_json, write_markdown

    writers = {"docx": write_docx, "md": write_markdown, "json": write_json}
    dests = [(fmt, source.output(outdir, memo.language, fmt)) for fmt in formats]
    for _, dest in dests:
        check_not_input(dest, [source.path, *inputs], what="memo")
    return [writers[fmt](memo, dest) for fmt, dest in dests]
