"""``digest()``: a day of articles -> one digest per language (the Python API, CLI, service).

prepare every input (the batch executor's workers, or Ray tasks: :func:`prepare_article`
keeps a small record per input) -> keep the period -> group into stories -> plan the
stories once -> per language: one translator, every shown sentence translated once with
the glossary held -> write ``OUT/digest.<lang>.<format>``.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from processor.digest.articles import Article, prepare_article
from processor.digest.content import Digest, StoryPlan, build_digest, plan, texts_of
from processor.digest.outlets import unify
from processor.digest.records import Records
from processor.digest.render import FORMATS, write
from processor.digest.stories import group
from processor.errors import NoRouteError, UsageError
from processor.kazakh_latin import base_language, in_script
from processor.preparation import BriefOptions, load_glossary
from processor.results import Interrupted, Missing, Result, failure_line

if TYPE_CHECKING:
    from processor.batch.run import BatchSettings
    from processor.translation import Translator

TranslatorFactory = Callable[[str, str], "Translator"]


@dataclass(kw_only=True)
class DigestOptions(BriefOptions):
    """A brief's options (languages, formats, glossaries, translation) plus the period."""

    since: str | None = None  # ISO dates, inclusive; undated articles are always kept
    until: str | None = None
    title: str | None = None


@dataclass
class DigestResult:
    """What one ``digest()`` run did: outputs, stories, and each input not included."""

    outputs: list[Path] = field(default_factory=list)
    articles: int = 0
    stories: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)  # {"input", "reason"}
    excluded: list[dict[str, str]] = field(default_factory=list)  # outside the period
    missing: list[Missing] = field(default_factory=list)  # languages with no model
    errors: list[str] = field(default_factory=list)  # a language or a file not written
    warnings: list[str] = field(default_factory=list)  # e.g. records not kept for resuming
    story_of: dict[str, str] = field(default_factory=dict)  # input -> its story's id
    digests: list[Digest] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.failed or self.errors:
            return 1
        return 3 if self.missing else 0

    def results(self) -> list[Result]:
        """Every input with its status (its story, or why it is not in the digest), then the
        digest itself with its files, missing languages and errors: the manifest's items."""
        items = [
            Result(source=path, outputs=list(self.outputs), report={"story": story})
            for path, story in self.story_of.items()
        ]
        items += [Result(source=f["input"], error=f["reason"]) for f in self.failed]
        items += [
            Result(source=e["input"], warnings=[f"{e['reason']}, outside the period"])
            for e in self.excluded
        ]
        digest = Result(source="digest", outputs=list(self.outputs), missing=list(self.missing))
        digest.warnings = list(self.warnings)
        digest.error = "; ".join(self.errors) or None
        return [*items, digest]


def digest(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    options: DigestOptions | None = None,
    *,
    settings: BatchSettings | None = None,
    translator_factory: TranslatorFactory | None = None,
) -> DigestResult:
    """Write the digest of ``inputs`` (files, folders) into ``outdir``, one per language.

    ``settings`` runs the preparation through the batch executor (``--jobs``, a time budget,
    ``executor="ray"``); None prepares in this process.  One input's failure is listed in
    the result and in the digest; the others are digested.  Raises only for the run as a
    whole: an unknown format (UsageError), a glossary that cannot be loaded.
    """
    from processor.outputs import collect_sources

    options = options or DigestOptions()
    unknown = [f for f in options.formats if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown output format '{unknown[0]}'; choose from {', '.join(FORMATS)}")
    load_glossary(options)  # a glossary that cannot be loaded stops the run before any work
    paths = [s.path for s in collect_sources(inputs)]
    result = DigestResult()
    records = Records(outdir, options, force=settings is not None and settings.force)
    values = _prepare_missing(paths, options, settings, records)
    result.warnings = [records.warning] if records.warning else []
    try:
        return _write_digest(paths, values, outdir, options, settings, translator_factory, result)
    except KeyboardInterrupt as exc:  # while grouping, translating or writing
        raise _interrupted(paths, dict(enumerate(values))) from exc


def _write_digest(
    paths: Sequence[str],
    values: Sequence[Article | BaseException],
    outdir: str | os.PathLike[str],
    options: DigestOptions,
    settings: BatchSettings | None,
    translator_factory: TranslatorFactory | None,
    result: DigestResult,
) -> DigestResult:
    """Group the prepared inputs, plan the stories and write each language's digest."""
    glossary = load_glossary(options)
    articles: list[Article] = []
    for path, value in zip(paths, values, strict=True):
        if isinstance(value, BaseException):
            result.failed.append({"input": path, "reason": failure_line(value, path)})
        elif not _in_period(value, options):
            result.excluded.append({"input": path, "reason": f"dated {value.date}"})
        else:
            articles.append(value)
    for article, outlet in zip(articles, unify([a.source for a in articles]), strict=True):
        article.publisher = outlet
    plans = plan(articles, group(articles))
    result.articles, result.stories = len(articles), len(plans)
    result.story_of = {a.input: p.id for p in plans for a in p.articles}
    dates = sorted(a.date for a in articles if a.date)
    period = (
        options.since or (dates[0] if dates else None),
        options.until or (dates[-1] if dates else None),
    )
    factory = translator_factory or _default_factory(options, settings)
    source = articles[0].language if articles else "ru"
    for language in options.languages:
        made = _language_digest(plans, language, source, factory, glossary, result)
        if made is None:
            continue
        made.period, made.failed, made.title = period, result.failed, options.title
        if options.marking is not None:
            made.marking = options.marking
        result.digests.append(made)
        for fmt in options.formats:
            try:
                result.outputs.append(write(made, outdir, fmt))
            except Exception as exc:  # one file not written is not the others' failure
                result.errors.append(failure_line(exc, f"digest.{language}.{fmt}"))
    return result


def _in_period(article: Article, options: DigestOptions) -> bool:
    if article.date is None:
        return True
    return (options.since is None or article.date >= options.since) and (
        options.until is None or article.date <= options.until
    )


def _language_digest(
    plans: Sequence[StoryPlan],
    language: str,
    source: str,
    factory: TranslatorFactory,
    glossary: object,
    result: DigestResult,
) -> Digest | None:
    if language == source:
        return build_digest(plans, language)
    try:
        # A script variant (kk-latn) is translated and held in its base language.
        translator = factory(source, base_language(language))
    except NoRouteError as exc:
        result.missing.append(Missing.from_error(language, exc))
        return None
    except Exception as exc:  # e.g. --device cuda without a GPU
        result.errors.append(failure_line(exc, f"digest.{language}"))
        return None
    texts = texts_of(plans)
    try:
        translated, route = _translate(translator, texts, glossary)
    except Exception as exc:
        result.errors.append(failure_line(exc, f"digest.{language}"))
        return None
    shown = [in_script(text, language) for text in translated]
    return build_digest(
        plans, language, translations=dict(zip(texts, shown, strict=True)), translation=route
    )


def _translate(translator: Translator, texts: list[str], glossary: object) -> tuple[list[str], str]:
    """Each text once, in one batch, holding the glossary's terms."""
    from processor.glossary import Glossary, translate_held
    from processor.glossary.hold import held_route
    from processor.translation.base import checked

    engine = checked(translator)
    if not isinstance(glossary, Glossary):
        return engine.translate(texts), translator.describe()
    held = translate_held(texts, engine, glossary, matches=[glossary.find(t) for t in texts])
    return held.texts, held_route(translator, glossary)


def _default_factory(options: BriefOptions, settings: BatchSettings | None) -> TranslatorFactory:
    if settings is not None and settings.executor == "ray":
        from processor.batch import ray as on_ray

        return on_ray.actor_translator_factory(options.translation)

    def factory(source: str, target: str) -> Translator:
        from processor.translation import get_translator

        return get_translator(source, target, options.translation)

    return factory


def _prepare_missing(
    paths: Sequence[str], options: BriefOptions, settings: BatchSettings | None, records: Records
) -> list[Article | BaseException]:
    """Each input's record (or its failure) in input order: the records kept by an earlier
    run are read back, the others prepared and kept as they come.

    Ctrl-C keeps what was prepared and raises :class:`Interrupted` with those inputs."""
    values: dict[int, Article | BaseException] = {}
    todo = []
    for i, path in enumerate(paths):
        cached = records.cached(path) if os.path.isfile(path) else None
        if cached is None:
            todo.append(i)
        else:
            cached.input = path  # as given this time ("news/a.txt" or "./news/a.txt")
            values[i] = cached
    try:
        for k, value in _prepared([paths[i] for i in todo], options, settings):
            values[todo[k]] = value
            if isinstance(value, Article) and os.path.isfile(paths[todo[k]]):
                records.keep(paths[todo[k]], value)
    except KeyboardInterrupt as exc:
        raise _interrupted(paths, values) from exc
    finally:
        records.save()
    return [values[i] for i in range(len(paths))]


def _interrupted(paths: Sequence[str], values: dict[int, Article | BaseException]) -> Interrupted:
    """Ctrl-C: the inputs prepared so far (their records are kept for the re-run)."""
    order = sorted(i for i, v in values.items() if isinstance(v, Article))
    kept = "prepared and kept; the digest was not written (interrupted)"
    return Interrupted([Result(source=paths[i], warnings=[kept]) for i in order], len(paths), order)


def _prepared(
    paths: Sequence[str], options: BriefOptions, settings: BatchSettings | None
) -> Iterator[tuple[int, Article | BaseException]]:
    """Each input's position and record (or its failure), as each is done."""
    if settings is None:
        yield from ((i, _serial(p, options)) for i, p in enumerate(paths))
        return
    from processor.batch.executor import run_each
    from processor.batch.run import PRELOAD

    work = functools.partial(prepare_article, options=options)
    cleanup = contextlib.ExitStack()
    if settings.executor == "ray":
        from processor.batch import ray as on_ray

        if on_ray.start(settings.address, workers=settings.limits.jobs):
            cleanup.callback(on_ray.stop)
        stream = on_ray.run_each_on_ray(work, paths, names=paths)
    else:
        stream = run_each(work, paths, settings.limits, names=paths, preload=PRELOAD)
    with cleanup, contextlib.closing(stream):
        for item in stream:
            yield item.index, item.error if item.error is not None else item.value  # type: ignore[misc]


def _serial(path: str, options: BriefOptions) -> Article | BaseException:
    try:
        return prepare_article(path, options)
    except Exception as exc:  # the error policy: one input's failure is its own
        return exc
