"""Translate whole documents (``processor translate``): one result per input.

DOCX, HTML and Markdown are translated in place, with what the author formatted kept
(:mod:`processor.translation.formats.files`); any other input is read into the document model,
translated sentence by sentence and written as DOCX, Markdown or text.  Names and terms are
held to the glossaries; a term that could not be held is a warning of that input.  The error
policy is :mod:`processor.results`'.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from processor import deadline
from processor.access import check_not_input
from processor.errors import NoRouteError
from processor.kazakh_latin import LatinTranslator, base_language, is_script_variant
from processor.outputs import STDIN, Planned, collect_sources, plan_translations
from processor.pipeline import TranslatorFactory
from processor.results import Missing, Result
from processor.translation.base import checked

if TYPE_CHECKING:
    from processor.batch.executor import Limits
    from processor.glossary import Glossary, TermOutcome
    from processor.translation import TranslationSettings, Translator


@dataclass(kw_only=True)
class TranslateOptions:
    """What ``translate_files`` produces; the defaults are the CLI's defaults."""

    target: str
    source: str = "ru"
    # Trust this as the inputs' language and skip detection.
    source_lang: str | None = None
    format: str | None = None  # docx, md or txt; default: from the input
    glossaries: tuple[str | os.PathLike[str], ...] = ()
    use_glossary: bool = True
    translation: TranslationSettings | None = None
    # Carry inline formatting (bold, links, revisions) through the model as markers.
    keep_formatting: bool = True


def translate_files(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str] | None,
    options: TranslateOptions,
    *,
    translator_factory: TranslatorFactory | None = None,
    limits: Limits | None = None,
) -> list[Result]:
    """Translate every input (files, folders, ``-``) into ``output``; one result per input.

    ``output`` is a folder (default: the current one), a file name for a single input, or
    ``-`` for standard output.  With ``limits``, each input is first read in a worker under
    its time budget and memory cap, then translated here under the same time budget
    (:mod:`processor.deadline`): a huge or pathological file fails alone, and what is
    translated is bounded by the readers' size limits.  Raises only for the run as a whole:
    a bad ``output`` (UsageError), a glossary that cannot be loaded (GlossaryError).
    """
    raw = [os.fspath(i) for i in inputs]
    out = os.fspath(output) if output is not None else None
    # An output folder inside an input folder is never read as input (processor.access).
    outside = [out] if out and out != STDIN else []
    sources = collect_sources(raw, language=options.source, exclude=outside)
    single = len(sources) == 1 and (raw[0] == STDIN or not Path(raw[0]).is_dir())
    plans = plan_translations(sources, out, options.format, options.target, single=single)
    glossary = _glossary(options)
    results = [Result(source=plan.source.shown) for plan in plans]
    try:
        translator = _open(options, translator_factory)
    except NoRouteError as exc:  # the only "missing": a model can be installed
        for result in results:
            result.missing.append(Missing.from_error(options.target, exc))
        return results
    except Exception as exc:  # e.g. --device cuda without a GPU
        for result in results:
            result.fail(exc)
        return results
    # An input named like no language (declared) must pass the Russian check only when Russian.
    declared = options.source_lang or (options.source if options.source != "ru" else None)
    unreadable, reading = _read_each([s.path for s in sources], declared, limits)
    budget = limits.timeout if limits is not None else None
    for plan, result in zip(plans, results, strict=True):
        if plan.source.path in unreadable:
            result.fail(unreadable[plan.source.path])
            continue
        try:
            if plan.dest is not None:
                check_not_input(plan.dest, [s.path for s in sources])
            # Read in a worker under the budget (above); translated here, where the model
            # is loaded, in what is left of it, checked between the engine's batches.
            with deadline.within(budget, used=reading.get(plan.source.path, 0.0)):
                outcomes = _translate_one(plan, translator, glossary, declared, result, options)
        except Exception as exc:  # one broken input must not stop the others
            result.fail(exc)
            continue
        if plan.dest is not None:
            result.outputs.append(plan.dest)
        lost = terms_not_held(outcomes)
        if lost:
            # One warning sums them up; each term is a note (--verbose) and in the report.
            sentences = sum(lost.values())
            result.warnings.append(
                f"{len(lost)} glossary term{'s' if len(lost) > 1 else ''} not held "
                f"({sentences} sentence{'s' if sentences > 1 else ''})"
            )
            result.notes += [
                f"glossary term '{term}' not held in {n} sentence{'s' if n > 1 else ''}"
                for term, n in lost.items()
            ]
            if result.report is not None:
                result.report["terms_not_held"] = dict(lost)
    return results


def _read_each(
    paths: Sequence[str], declared: str | None, limits: Limits | None
) -> tuple[dict[str, Exception], dict[str, float]]:
    """Each input read in a worker within ``limits``: those that cannot be read -> why,
    and the seconds each read took (a share of the input's budget)."""
    if limits is None or not limits.isolated:
        return {}, {}
    import functools

    from processor.batch.executor import run_each

    files = [p for p in paths if p != STDIN]
    check = functools.partial(read_check, source_lang=declared)
    failed: dict[str, Exception] = {}
    seconds: dict[str, float] = {}
    for done in run_each(check, files, limits, names=files, preload=("processor.readers",)):
        seconds[files[done.index]] = done.seconds
        if done.error is not None:
            error = done.error
            failed[files[done.index]] = (
                error if isinstance(error, Exception) else RuntimeError(str(error))
            )
    return failed, seconds


def read_check(path: str, source_lang: str | None) -> None:
    """Read ``path`` as translation will (run in a worker: nothing is sent back)."""
    from processor.readers import read_document

    read_document(path, source_lang=source_lang)


def _glossary(options: TranslateOptions) -> Glossary | None:
    if not options.use_glossary:
        return None
    from processor.glossary import load_glossaries

    return load_glossaries([Path(g) for g in options.glossaries], builtin=True)


def _open(options: TranslateOptions, factory: TranslatorFactory | None) -> Translator:
    # A script variant (kk-latn) is translated by its base language's route.
    target = base_language(options.target)
    if factory is not None:
        return factory(options.source, target)
    from processor.translation.engines.routes import get_translator

    return get_translator(options.source, target, options.translation)


def _translate_one(
    plan: Planned,
    translator: Translator,
    glossary: Glossary | None,
    declared: str | None,
    result: Result,
    options: TranslateOptions,
) -> list[TermOutcome]:
    """Translate one input to its destination; the term outcomes of its sentences."""
    from processor.readers import read_document
    from processor.translation.formats.document import translate_document
    from processor.translation.formats.files import translate_file
    from processor.translation.formats.writers import to_markdown, to_text

    path = plan.source.path
    engine: Translator = checked(translator)
    holder = None
    if glossary is not None:
        from processor.glossary import HeldTranslator

        # A fresh holder per input: its report is this input's term outcomes.
        engine = holder = HeldTranslator(engine, glossary)
    if is_script_variant(options.target):
        # Outermost: terms are held and inflected in Cyrillic, then the text is converted.
        engine = LatinTranslator(engine)
    if plan.dest is None:
        # Reading first checks the input is readable and in the source language.
        translated = translate_document(read_document(path, source_lang=declared), engine)
        sys.stdout.write(to_markdown(translated) if plan.format == "md" else to_text(translated))
        sys.stdout.flush()
    else:
        report = translate_file(
            path, plan.dest, plan.format, engine,
            source_lang=declared, inline=options.keep_formatting,
        )  # fmt: skip
        result.report = report.to_dict()
        if holder is not None and holder.retried:
            result.report["placeholder_lost_translated_again"] = holder.retried
        if report.summary():
            result.warnings.append(str(report.summary()))
    return holder.report().terms if holder is not None else []


def terms_not_held(outcomes: Sequence[TermOutcome]) -> dict[str, int]:
    """Each glossary rendering that could not be held -> in how many sentences."""
    missing: dict[str, int] = {}
    for term in outcomes:
        if term.missing:
            missing[term.expected] = missing.get(term.expected, 0) + 1
    return missing
