"""What every command shares: exit codes, ``--debug``, one line per outcome.

Exit codes (documented in the README, relied on by scripts):

* 0 ``EXIT_OK``: everything asked for was produced.
* 1 ``EXIT_FAILED``: at least one input failed; the others were still processed.
* 2 ``EXIT_USAGE``: bad command line (click's own code).
* 3 ``EXIT_INCOMPLETE``: inputs were processed but something asked for is
  missing, e.g. a language with no installed translation model.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import click

from processor.errors import ProcessorError

if TYPE_CHECKING:
    from processor.translation.engine import TranslationSettings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INCOMPLETE = 3

F = TypeVar("F", bound=Callable[..., Any])


def debug_option(func: F) -> F:
    return click.option(
        "--debug", is_flag=True, help="Show a full traceback when something fails."
    )(func)


def engine_options(func: F) -> F:
    """--beam, --threads and --device: every command that translates takes them."""
    func = click.option(
        "--device",
        type=click.Choice(["cpu", "cuda", "auto"]),
        default=None,
        help="Where models run [default: cpu].",
    )(func)
    func = click.option(
        "--threads",
        type=click.IntRange(0, 256),
        default=None,
        help="CPU threads per translation, 0 for all cores [default: 0].",
    )(func)
    func = click.option(
        "--beam",
        type=click.IntRange(1, 32),
        default=None,
        help="Beam size: higher is slower and sometimes better [default: 4].",
    )(func)
    return func


def engine_settings(
    beam: int | None, threads: int | None, device: str | None
) -> TranslationSettings:
    from processor.translation.engine import TranslationSettings

    changes: dict[str, object] = {}
    if beam is not None:
        changes["beam_size"] = beam
    if threads is not None:
        changes["intra_threads"] = threads
    if device is not None:
        changes["device"] = device
    return TranslationSettings().with_(**changes)


@dataclass
class Outcome:
    """What happened to one input."""

    source: str
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    # Things asked for but not produced (e.g. a memo language with no model).
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def fail_line(exc: BaseException, debug: bool) -> str:
    """The one line a user sees for ``exc``; the traceback goes to stderr with --debug."""
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    if isinstance(exc, ProcessorError):
        return str(exc)
    return f"unexpected {type(exc).__name__}: {exc} (run with --debug for details)"


def echo_outcome(outcome: Outcome, *, quiet: bool = False) -> None:
    """One line per input on stderr, so stdout stays clean for pipes."""
    if outcome.error is not None:
        click.secho(f"error: {outcome.error}", fg="red", err=True)
        return
    for warning in outcome.warnings:
        click.secho(f"warning: {outcome.source}: {warning}", fg="yellow", err=True)
    for missing in outcome.missing:
        click.secho(f"missing: {outcome.source}: {missing}", fg="yellow", err=True)
    if quiet or (outcome.missing and not outcome.outputs):
        return  # nothing was written: the missing lines said why
    arrow = ", ".join(outcome.outputs) if outcome.outputs else "done"
    click.echo(f"ok: {outcome.source} -> {arrow}", err=True)


def exit_code(outcomes: Iterable[Outcome]) -> int:
    outcomes = list(outcomes)
    if any(not o.ok for o in outcomes):
        return EXIT_FAILED
    if any(o.missing for o in outcomes):
        return EXIT_INCOMPLETE
    return EXIT_OK
