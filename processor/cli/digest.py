"""``processor digest``: one press digest from a day of articles."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from processor.batch.executor import DEFAULT_TIMEOUT
from processor.cli.common import (
    config_option,
    debug_option,
    engine_options,
    fail_run,
    load_settings,
    memo_options,
    write_manifest_or_say,
)
from processor.cli.documents import _check_length, _check_manifest, _csv, selection_options
from processor.preparation import MEMO_LANGUAGES


def _iso(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from processor.readers.meta import iso_date

    date = iso_date(value)
    if date is None:
        raise click.BadParameter(f"'{value}' is not a date; write it as 2025-03-12")
    return date


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for OUTPUT/digest.<lang>.<format>, created if missing [default: digest].",
)
@click.option(
    "-l",
    "--lang",
    "languages",
    default=None,
    callback=_csv(MEMO_LANGUAGES),
    help="Digest languages, comma-separated: en, kk, kk-latn (Kazakh in the Latin alphabet), "
    "ru (ru needs no model) [default: en,kk].",
)
@click.option(
    "-f",
    "--format",
    "formats",
    default=None,
    callback=_csv(("docx", "md", "json")),
    help="Output formats, comma-separated: docx, md, json [default: docx].",
)
@click.option("--since", callback=_iso, help="Leave out articles dated before this day.")
@click.option("--until", callback=_iso, help="Leave out articles dated after this day.")
@click.option("--title", default=None, help="The digest's title [default: the period].")
@selection_options
@click.option(
    "-g",
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Extra glossary (YAML, CSV, TSV, TBX); repeat for several; later ones win.",
)
@click.option("--no-glossary", is_flag=True, help="Translate without holding glossary terms.")
@engine_options
@click.option("--marking", default=None, metavar="TEXT", help="Handling marking in the header.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Inputs read at once, each in a worker process [default: one per core].",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds one input may take to read; then it is left out. 0: no limit.",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where inputs are read: worker processes here, or Ray tasks.",
)
@click.option("--address", default=None, metavar="HOST:PORT", help="Ray cluster to join.")
@click.option(
    "--force", is_flag=True, help="Prepare every input again, even those kept by an earlier run."
)
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write a JSON manifest of inputs with their status, and the digest's files "
    "(- for stdout).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
@config_option
@debug_option
def digest(
    inputs: tuple[str, ...],
    outdir: Path | None,
    languages: tuple[str, ...] | None,
    formats: tuple[str, ...] | None,
    since: str | None,
    until: str | None,
    title: str | None,
    algorithm: str,
    sentences: int | None,
    ratio: float | None,
    figures: int,
    source_lang: str | None,
    glossaries: tuple[Path, ...],
    no_glossary: bool,
    beam: int | None,
    threads: int | None,
    device: str | None,
    marking: str | None,
    jobs: int | None,
    timeout: float,
    executor: str,
    address: str | None,
    force: bool,
    manifest: str | None,
    quiet: bool,
    config_path: str | None,
    debug: bool,
) -> None:
    """Write one press digest of many articles: each story once, with all its outlets.

    Articles about one event (a decree, a vote, a visit, a verdict) become one
    story: a title, key points merged across outlets, key figures with the
    outlet that gave them (figures that disagree are flagged) and the sources.
    Stories told by more outlets, and by the President, Government,
    Parliament or courts, come first. Writes OUTPUT/digest.<lang>.<format>.

    Each input is prepared once: its record is kept in OUTPUT/.processor-digest,
    so after Ctrl-C the same command prepares only the inputs not yet done
    (and a re-run with more articles only the new ones). --force prepares all.

    \b
    Exit codes: 0 all written; 1 an input or an output failed (the others are
    in the digest); 2 bad usage; 3 a language was missing a model;
    130 interrupted.

    \b
    Examples:
      processor digest news/2025-03-12/ -o out/ --lang ru,en,kk --format docx,md,json
      processor digest news/ --since 2025-03-11 --until 2025-03-12 --lang ru
    """
    from processor.batch.executor import Limits, default_jobs
    from processor.batch.run import BatchSettings
    from processor.digest import DigestOptions
    from processor.digest import digest as run_digest
    from processor.interrupts import terminate_as_interrupt
    from processor.results import Interrupted

    _check_length(sentences, ratio)
    _check_manifest(manifest, inputs)
    config = load_settings(config_path, debug)
    options = DigestOptions(
        since=since,
        until=until,
        title=title,
        **memo_options(
            config, languages=languages, formats=formats, glossaries=glossaries,
            no_glossary=no_glossary, beam=beam, threads=threads, device=device,
            marking=marking, algorithm=algorithm, sentences=sentences, ratio=ratio,
            figures=figures, source_lang=source_lang,
        ),
    )  # fmt: skip
    limits = Limits(jobs=jobs or config.jobs or default_jobs(), timeout=timeout or None)
    settings = BatchSettings(
        limits=limits,
        force=force,
        executor="ray" if executor == "ray" else "local",
        address=address,
    )
    try:
        with terminate_as_interrupt():
            result = run_digest(
                inputs, outdir or config.output or Path("digest"), options, settings=settings
            )
    except KeyboardInterrupt as exc:
        click.secho("interrupted; run the same command again", fg="yellow", err=True)
        if manifest and isinstance(exc, Interrupted):
            write_manifest_or_say(manifest, exc.results, debug, total=exc.total)
        sys.exit(130)
    except Exception as exc:  # the run as a whole: a bad glossary or format
        fail_run(exc, debug, manifest=manifest)
    for failed in result.failed:
        click.secho(f"error: {failed['reason']}", fg="red", err=True)
    for line in result.errors:
        click.secho(f"error: {line}", fg="red", err=True)
    for missing in result.missing:
        click.secho(f"missing: {missing}", fg="yellow", err=True)
    for line in result.warnings:
        click.secho(f"warning: {line}", fg="yellow", err=True)
    if not quiet:
        for item in result.excluded:
            click.echo(f"skipped: {item['input']}: {item['reason']}, outside the period", err=True)
        written = ", ".join(str(p) for p in result.outputs) or "nothing"
        click.echo(
            f"ok: {result.articles} articles, {result.stories} stories -> {written}", err=True
        )
    code = result.exit_code
    if manifest and not write_manifest_or_say(manifest, result.results(), debug):
        code = 1
    sys.exit(code)
