"""``brief`` for daily batches: parallel, bounded in time, resumable, in small rounds.

Inputs whose memos are up to date (see :mod:`processor.batch.state`) are skipped unless
``force``.  The rest are read, segmented and summarized by the executor (worker processes,
a time budget each) and briefed in rounds of a few dozen: each round translates all its
sentences of a language in one batch (each model is loaded once for the whole run), writes
its memos and records them in the state file.  Ctrl-C therefore costs at most the round
under way, and a re-run finishes the rest.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import os
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from processor.batch.executor import Done, Limits, run_each
from processor.batch.state import State, fingerprint
from processor.errors import ProcessorError
from processor.outputs import Source, collect_sources
from processor.pipeline import TranslatorFactory, brief
from processor.preparation import BriefOptions, Prepared, prepare
from processor.results import Interrupted, Result
from processor.threads import blas_limited, translation_threads

if TYPE_CHECKING:
    from processor.translation import Translator

STDIN = "-"
# What reading and summarizing import on first use (0.4 s): the fork server imports them
# once, and every worker, a replacement after a timeout included, forks with them ready.
PRELOAD = (
    "processor.readers",
    "processor.segment",
    "processor.summarize",
    "razdel",
    "sumy.models.dom",
    "sumy.nlp.stemmers",
    "sumy.summarizers.lsa",
    "sumy.summarizers.lex_rank",
    "sumy.summarizers.text_rank",
)


@dataclass(frozen=True)
class BatchSettings:
    """How a batch runs (never what its memos say)."""

    limits: Limits = field(default_factory=Limits)
    force: bool = False  # redo inputs whose memos are up to date
    round_size: int = 32  # inputs briefed (and recorded) together
    # "ray": inputs are Ray tasks and models live in Ray actors (processor.batch.ray);
    # ``address`` names the cluster, None starts a local instance of ``limits.jobs`` CPUs.
    executor: Literal["local", "ray"] = "local"
    address: str | None = None


@dataclass
class BatchReport:
    """Callbacks of a running batch; both may be left out."""

    # An input was handed to a worker (name as given); called from the executor's thread.
    started: Callable[[str], None] | None = None
    # An input finished: its result, and True when it was up to date and skipped.
    finished: Callable[[Result, bool], None] | None = None


def options_fingerprint(options: BriefOptions) -> str:
    """Everything that shapes a memo: the options, the glossary files' content, the version."""
    from processor import __version__
    from processor.errors import GlossaryError
    from processor.glossary.bounds import read_glossary_bytes

    fields = dataclasses.asdict(options)
    glossaries = []
    for path in options.glossaries:
        try:  # a regular file only: a FIFO named by -g must not block here
            glossaries.append(hashlib.sha256(read_glossary_bytes(path)).hexdigest())
        except GlossaryError:
            glossaries.append(f"unreadable {os.fspath(path)}")
    fields["glossaries"] = glossaries
    fields["version"] = __version__
    return fingerprint(fields)


def brief_batch(
    inputs: Sequence[str | os.PathLike[str] | Source],
    outdir: str | os.PathLike[str],
    options: BriefOptions | None = None,
    settings: BatchSettings | None = None,
    *,
    report: BatchReport | None = None,
    translator_factory: TranslatorFactory | None = None,
) -> list[Result]:
    """Brief ``inputs`` (files, as :func:`processor.readers.expand_inputs` gives them)."""
    options = options or BriefOptions()
    settings = settings or BatchSettings()
    report = report or BatchReport()
    # Output names are decided once for the whole batch, never per round.
    sources = collect_sources(inputs, exclude=[outdir])
    paths = [s.path for s in sources]
    state = State.load(outdir)
    stamp = options_fingerprint(options)
    results: dict[int, Result] = {}
    todo: list[int] = []
    for i, path in enumerate(paths):
        outputs = None if settings.force or path == STDIN else state.up_to_date(path, stamp)
        if outputs is None:
            todo.append(i)
            continue
        results[i] = Result(source=sources[i].shown, outputs=outputs)
        if report.finished is not None:
            report.finished(results[i], True)

    # Standard input belongs to this process: it is read here, never in a worker.
    names = [paths[i] for i in todo if paths[i] != STDIN]
    started = report.started
    on_start = None if started is None else lambda k: started(names[k])
    work = functools.partial(prepare, options=options)
    ahead = 2 * max(1, settings.round_size)  # prepared inputs held: about two rounds
    limits = settings.limits
    cleanup = contextlib.ExitStack()
    if settings.executor == "ray":
        from processor.batch import ray as on_ray

        if on_ray.start(settings.address, workers=settings.limits.jobs):
            cleanup.callback(on_ray.stop)
        default = on_ray.actor_translator_factory(options.translation)
        stream = on_ray.run_each_on_ray(
            work, names, names=names, on_start=on_start, ahead=ahead, threads=limits.threads
        )
    else:
        default = _default_factory(options, limits.jobs if limits.isolated else 0)
        stream = run_each(
            work, names, limits, names=names, on_start=on_start, preload=PRELOAD,
            ahead=ahead,
        )  # fmt: skip
    factory = _once_each(translator_factory or default)
    try:
        # The parent renders and translates while the workers prepare: its pools are sized too.
        with cleanup, blas_limited(limits.threads), contextlib.closing(stream):
            ready = _Prefetched(stream, names)
            size = max(1, settings.round_size)
            for start in range(0, len(todo), size):
                chunk = todo[start : start + size]
                try:
                    done = brief(
                        [sources[i] for i in chunk],
                        outdir,
                        options,
                        translator_factory=factory,
                        prepare_with=ready,
                    )
                except Interrupted as exc:
                    # The inputs of this round finished before Ctrl-C count as done.
                    finished = [chunk[k] for k in exc.positions]
                    _record(
                        state, stamp, paths, results, report,
                        list(zip(finished, exc.results, strict=True)),
                    )  # fmt: skip
                    raise
                _record(state, stamp, paths, results, report, list(zip(chunk, done, strict=True)))
    except KeyboardInterrupt as exc:
        order = sorted(results)
        raise Interrupted([results[i] for i in order], len(paths), order) from exc
    return [results[i] for i in range(len(paths))]


def _record(
    state: State,
    stamp: str,
    paths: Sequence[str],
    results: dict[int, Result],
    report: BatchReport,
    done: list[tuple[int, Result]],
) -> None:
    """Keep, record (for resume) and report the inputs of a round that are finished."""
    for i, result in done:
        results[i] = result
        if result.ok and not result.missing and paths[i] != STDIN:
            state.record(paths[i], stamp, result.outputs)
    _save(state, [result for _, result in done])
    for _, result in done:
        if report.finished is not None:
            report.finished(result, False)


def _save(state: State, results: list[Result]) -> None:
    """Record a round; a state file that cannot be written costs only the skipping."""
    try:
        state.save()
    except (ProcessorError, OSError) as exc:
        line = f"progress not saved (a re-run will redo these inputs): {exc}"
        for result in results:
            if line not in result.warnings:
                result.warnings.append(line)


class _Prefetched:
    """``prepare_with`` for :func:`brief`: results of the executor's stream, asked by path.

    The workers keep preparing later inputs while this process translates and writes.
    """

    def __init__(self, stream: Generator[Done[Prepared], None, None], paths: Sequence[str]):
        self.stream = stream
        self.index = {path: i for i, path in enumerate(paths)}
        self.ready: dict[int, Done[Prepared]] = {}

    def __call__(self, paths: Sequence[str], options: BriefOptions) -> list[Prepared | Exception]:
        out: list[Prepared | Exception] = []
        for path in paths:
            if path == STDIN:
                try:
                    out.append(prepare(path, options))
                except Exception as exc:
                    out.append(exc)
                continue
            i = self.index[path]
            while i not in self.ready:
                done = next(self.stream)
                self.ready[done.index] = done
            done = self.ready.pop(i)
            if done.error is None:
                assert done.value is not None
                out.append(done.value)
            elif isinstance(done.error, Exception):
                out.append(done.error)
            else:  # e.g. SystemExit inside a library: still only this input's failure
                out.append(RuntimeError(f"{type(done.error).__name__}: {done.error}"))
        return out


def _default_factory(options: BriefOptions, workers: int) -> TranslatorFactory:
    """Translators of the parent; CTranslate2's "all cores" means those workers leave."""

    def factory(source: str, target: str) -> Translator:
        from processor.translation import TranslationSettings, get_translator

        settings = options.translation or TranslationSettings()
        threads = translation_threads(settings.intra_threads, workers)
        return get_translator(source, target, settings.with_(intra_threads=threads))

    return factory


def _once_each(factory: TranslatorFactory) -> TranslatorFactory:
    """Open each translator once per run, however many rounds use it."""
    made: dict[tuple[str, str], Translator | ProcessorError] = {}

    def cached(source: str, target: str) -> Translator:
        key = (source, target)
        if key not in made:
            try:
                made[key] = factory(source, target)
            except ProcessorError as exc:
                made[key] = exc
        got = made[key]
        if isinstance(got, ProcessorError):
            raise got
        return got

    return cached
