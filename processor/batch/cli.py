"""The batch options of ``processor brief`` and the run behind them: progress, lines, Ctrl-C."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from processor.batch.executor import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Limits
from processor.results import EXIT_INTERRUPTED, Interrupted

__all__ = ["EXIT_INTERRUPTED", "batch_options", "budget_limits", "budget_options", "run_batch"]
if TYPE_CHECKING:
    from processor.preparation import BriefOptions
    from processor.results import Result

F = TypeVar("F", bound=Callable[..., Any])


def batch_options(func: F) -> F:
    """--jobs, --timeout, --max-memory, --force, --progress, --executor, --address."""
    for option in reversed(
        [
            click.option(
                "-j",
                "--jobs",
                type=click.IntRange(min=1),
                default=None,
                help="Inputs read and summarized at once, each in a worker process "
                "[default: one per core; this process translates and writes meanwhile].",
            ),
            click.option(
                "--timeout",
                type=click.FloatRange(min=0),
                default=DEFAULT_TIMEOUT,
                show_default=True,
                help="Seconds one input may take to read and summarize; then it is "
                "skipped and the batch goes on. 0: no limit (with --jobs 1, no workers).",
            ),
            click.option(
                "--max-memory",
                type=click.IntRange(min=64),
                default=DEFAULT_MEMORY_MB,
                show_default=True,
                metavar="MB",
                help="Memory limit of each worker; an input that needs more is skipped.",
            ),
            click.option(
                "--force", is_flag=True, help="Redo inputs whose memos are already up to date."
            ),
            click.option(
                "--progress/--no-progress",
                default=None,
                help="Progress bar on stderr [default: on a terminal].",
            ),
            click.option(
                "--executor",
                type=click.Choice(["local", "ray"]),
                default="local",
                show_default=True,
                help="Where inputs are read and summarized: worker processes here, or Ray "
                "tasks (models in Ray actors; needs the ray extra).",
            ),
            click.option(
                "--address",
                default=None,
                metavar="HOST:PORT",
                help="Ray cluster to join with --executor ray [default: start one here].",
            ),
        ]
    ):
        func = option(func)
    return func


def budget_options(what: str) -> Callable[[F], F]:
    """--timeout and --max-memory of a command that runs each input in a worker
    (``what``: what the worker does with one input, for the help)."""

    def decorate(func: F) -> F:
        func = click.option(
            "--max-memory",
            type=click.IntRange(min=64),
            default=DEFAULT_MEMORY_MB,
            show_default=True,
            metavar="MB",
            help=f"Memory limit of the worker that {what}s an input; one that needs more "
            "is skipped.",
        )(func)
        return click.option(
            "--timeout",
            type=click.FloatRange(min=0),
            default=DEFAULT_TIMEOUT,
            show_default=True,
            help=f"Seconds one input may take to {what}; then it is skipped and the others "
            "go on. 0: no limit (in this process).",
        )(func)

    return decorate


def budget_limits(timeout: float, max_memory: int | None) -> Limits:
    """One worker with the budget of ``budget_options``; ``--timeout 0`` alone runs in
    this process, like ``brief --timeout 0 --jobs 1``."""
    if not timeout and max_memory == DEFAULT_MEMORY_MB:
        max_memory = None
    return Limits(jobs=1, timeout=timeout or None, memory_mb=max_memory)


def run_batch(
    paths: Sequence[str | os.PathLike[str]],
    outdir: Path,
    options: BriefOptions,
    *,
    jobs: int | None,
    timeout: float,
    blas_threads: int | None = None,
    max_memory: int | None,
    force: bool,
    progress: bool | None,
    quiet: bool,
    debug: bool = False,
    executor: str = "local",
    address: str | None = None,
    verbose: bool = False,
    manifest: str | None = None,
) -> list[Result]:
    """Brief ``paths``, one line per input as it finishes; exit 130 on Ctrl-C or SIGTERM,
    after the manifest of the inputs finished before it."""
    from processor.batch import progress as bar
    from processor.batch.executor import default_jobs
    from processor.batch.run import BatchReport, BatchSettings, brief_batch
    from processor.cli.common import echo_result, write_manifest_or_say
    from processor.interrupts import terminate_as_interrupt
    from processor.outputs import collect_sources
    from processor.threads import blas_threads as threads_per_process

    # Folders expanded (the bar counts files); the output folder is never an input.
    sources = collect_sources(paths, exclude=[outdir])
    workers = jobs or default_jobs()
    if not timeout and workers == 1 and max_memory == DEFAULT_MEMORY_MB:
        max_memory = None  # --timeout 0 --jobs 1: in this process, as documented
    limits = Limits(
        jobs=workers,
        timeout=timeout or None,
        memory_mb=max_memory,
        threads=threads_per_process(blas_threads),
    )
    shown = bar.Progress(
        len(sources), enabled=bar.wanted() and not quiet if progress is None else progress
    )

    def finished(result: Result, up_to_date: bool) -> None:
        def say() -> None:
            if up_to_date:
                if not quiet:
                    where = ", ".join(str(p) for p in result.outputs)
                    click.echo(f"up to date: {result.source} -> {where}", err=True)
            else:
                echo_result(result, quiet=quiet, debug=debug, verbose=verbose)

        shown.finished(say, skipped=up_to_date)

    report = BatchReport(started=shown.started, finished=finished)
    try:
        with terminate_as_interrupt():
            settings = BatchSettings(
                limits=limits,
                force=force,
                executor="ray" if executor == "ray" else "local",
                address=address,
            )
            return brief_batch(sources, outdir, options, settings, report=report)
    except KeyboardInterrupt as exc:
        shown.close()
        done = exc.results if isinstance(exc, Interrupted) else []
        total = exc.total if isinstance(exc, Interrupted) else len(sources)
        click.secho(
            f"interrupted after {len(done)} of {total} inputs; "
            "run the same command again to finish the rest",
            fg="yellow",
            err=True,
        )
        if manifest:
            write_manifest_or_say(manifest, done, debug, total=total)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        shown.close()
