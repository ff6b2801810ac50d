"""What every command shares: ``--debug``, ``--config``, engine options, one line per result.

The exit codes and the error policy are the library's (:mod:`processor.results`).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from processor.errors import ProcessorError, UsageError
from processor.results import (
    EXIT_FAILED,
    EXIT_INCOMPLETE,
    EXIT_OK,
    EXIT_USAGE,
    Result,
    exit_code,
    failure_line,
    manifest_text,
    missing_summary,
    write_manifest,
)

if TYPE_CHECKING:
    from processor.config import Config
    from processor.translation.engines.ct2 import TranslationSettings

__all__ = ["EXIT_FAILED", "EXIT_INCOMPLETE", "EXIT_OK", "EXIT_USAGE"]

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
    beam: int | None, threads: int | None, device: str | None, config: Config | None = None
) -> TranslationSettings:
    """The flags given, else the configuration file's values, else the engine's defaults."""
    from processor.translation.engines.ct2 import TranslationSettings

    if config is not None:
        beam = beam if beam is not None else config.beam
        threads = threads if threads is not None else config.threads
        device = device or config.device
    changes: dict[str, object] = {}
    if beam is not None:
        changes["beam_size"] = beam
    if threads is not None:
        changes["intra_threads"] = threads
    if device is not None:
        changes["device"] = device
    return TranslationSettings().with_(**changes)


def config_option(func: F) -> F:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="Settings file [default: $XDG_CONFIG_HOME/processor/processor.toml]; "
        "flags override it.",
    )(func)


def load_settings(path: str | None, debug: bool) -> Config:
    """The configuration file's settings; a broken file is one line and exit 1."""
    from processor.config import load_config

    try:
        return load_config(path)
    except ProcessorError as exc:
        fail_run(exc, debug)


def memo_options(
    config: Config,
    *,
    languages: tuple[str, ...] | None,
    formats: tuple[str, ...] | None,
    glossaries: Sequence[str | os.PathLike[str]],
    no_glossary: bool,
    beam: int | None,
    threads: int | None,
    device: str | None,
    marking: str | None,
    **given: Any,
) -> dict[str, Any]:
    """What ``brief`` and ``digest`` share of their options: each one given on the command
    line, else the configuration file's, else the default; ``given`` passes through
    (algorithm, sentences, ratio, figures, source_lang)."""
    chosen: dict[str, Any] = dict(
        given,
        glossaries=tuple(glossaries) or config.glossaries,
        use_glossary=not no_glossary,
        translation=engine_settings(beam, threads, device, config),
        marking=marking if marking is not None else config.marking,
    )
    if languages or config.languages:
        chosen["languages"] = languages or config.languages
    if formats or config.formats:
        chosen["formats"] = formats or config.formats
    return chosen


def fail_line(exc: BaseException, debug: bool) -> str:
    """The one line a user sees for ``exc``; the traceback goes to stderr with --debug."""
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    return failure_line(exc)


def fail_run(exc: BaseException, debug: bool, *, manifest: str | None = None) -> NoReturn:
    """Something wrong with the run as a whole: one line, exit 1 (2 for a usage error).

    The manifest is written all the same, with the reason and no items.
    """
    if isinstance(exc, UsageError):
        raise click.UsageError(str(exc))
    line = fail_line(exc, debug)
    click.secho(f"error: {line}", fg="red", err=True)
    if manifest:
        write_manifest_or_say(manifest, [], debug, error=line)
    sys.exit(EXIT_FAILED)


def write_manifest_or_say(
    dest: str,
    results: Sequence[Result],
    debug: bool,
    *,
    error: str | None = None,
    total: int | None = None,
) -> bool:
    """Write the manifest (``-``: stdout); False, after one line, if it cannot be written."""
    if dest == "-":
        click.echo(manifest_text(results, error=error, total=total), nl=False)
        return True
    try:
        write_manifest(dest, results, error=error, total=total)
    except ProcessorError as exc:  # after the outputs: they stay written
        click.secho(f"error: manifest not written: {fail_line(exc, debug)}", fg="red", err=True)
        return False
    return True


def verbose_option(func: F) -> F:
    return click.option(
        "-v",
        "--verbose",
        is_flag=True,
        help="After each input's line, print every detail behind its warnings "
        "(e.g. each glossary term not held).",
    )(func)


def result_line(result: Result) -> str:
    """The one line of an input: ``ok:``, ``warning:``, ``missing:`` or ``error:``.

    Why a language is missing is said once per language at the end of the run
    (:func:`finish`), never once per input.
    """
    if result.error is not None:
        return f"error: {result.error}"
    where = f" -> {', '.join(map(str, result.outputs))}" if result.outputs else ""
    notes = list(result.warnings)
    languages = ", ".join(m.language for m in result.missing)
    # The source-language fallback's warning ("no model for en, kk: wrote ...") names them.
    if result.missing and not any(w.startswith("no model for ") for w in notes):
        notes.append(f"no model for {languages}" if result.outputs else languages)
    word = "warning" if result.warnings else "missing" if result.missing else "ok"
    text = "; ".join(notes)
    if not where and not notes:
        where = " -> done"
    return f"{word}: {result.source}{where}" + (f": {text}" if text else "")


def echo_result(
    result: Result, *, quiet: bool = False, debug: bool = False, verbose: bool = False
) -> None:
    """One line per input on stderr, so stdout stays clean for pipes (more with --verbose)."""
    if result.error is not None and debug and result.exception is not None:
        traceback.print_exception(result.exception, file=sys.stderr)
    line = result_line(result)
    if line.startswith("ok:"):
        if not quiet:
            click.echo(line, err=True)
    else:
        color = "red" if line.startswith("error:") else "yellow"
        click.secho(line, fg=color, err=True)
    if verbose:
        for note in result.notes:
            click.secho(f"  {note}", err=True)


def finish(
    results: Sequence[Result],
    *,
    quiet: bool = False,
    debug: bool = False,
    manifest: str | None = None,
    echoed: bool = False,
    verbose: bool = False,
) -> NoReturn:
    """Print every result (unless ``echoed`` as each finished), why anything is missing
    (once per language), write the manifest, exit."""
    if not echoed:
        for result in results:
            echo_result(result, quiet=quiet, debug=debug, verbose=verbose)
    missing = missing_summary(results)
    for line in missing:
        click.secho(f"missing: {line}", fg="yellow", err=True)
    if missing:
        from processor.translation.models.remote import AIRGAPPED

        click.secho(f"missing: {AIRGAPPED}", fg="yellow", err=True)
    code = exit_code(results)
    if manifest and not write_manifest_or_say(manifest, results, debug):
        code = EXIT_FAILED
    sys.exit(code)
