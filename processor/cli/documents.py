"""``processor summarize`` and ``processor brief``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from processor.batch.cli import batch_options
from processor.cli.common import (
    EXIT_FAILED,
    Outcome,
    debug_option,
    echo_outcome,
    engine_options,
    engine_settings,
    exit_code,
    fail_line,
)
from processor.errors import ProcessorError
from processor.summarize import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_FIGURES


def _csv(allowed: tuple[str, ...]):  # type: ignore[no-untyped-def]
    def convert(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
        items = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
        bad = [v for v in items if v not in allowed]
        if bad or not items:
            raise click.BadParameter(
                f"{', '.join(bad) or 'nothing given'}; choose from {', '.join(allowed)}"
            )
        return items

    return convert


def selection_options(func):  # type: ignore[no-untyped-def]
    """The options that shape which sentences are chosen (shared by both commands)."""
    for option in reversed(
        [
            click.option(
                "-a",
                "--algorithm",
                type=click.Choice(ALGORITHMS),
                default=DEFAULT_ALGORITHM,
                show_default=True,
                help="Summarizer that ranks the sentences; 'lead' takes the first ones.",
            ),
            click.option(
                "-n", "--sentences", type=click.IntRange(min=1), help="Number of key points [7]."
            ),
            click.option(
                "-r",
                "--ratio",
                type=click.FloatRange(0, 1, min_open=True),
                help="Key points as a share of the article's sentences, e.g. 0.1.",
            ),
            click.option(
                "--figures",
                type=click.IntRange(min=0),
                default=DEFAULT_FIGURES,
                show_default=True,
                help="Sentences with amounts, percentages and dates to list apart.",
            ),
            click.option(
                "--source-lang",
                metavar="LANG",
                help="Trust this source language instead of detecting it (skips the check).",
            ),
        ]
    ):
        func = option(func)
    return func


def _check_length(sentences: int | None, ratio: float | None) -> None:
    if sentences is not None and ratio is not None:
        raise click.UsageError("give --sentences or --ratio, not both")


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@selection_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@debug_option
def summarize(
    inputs: tuple[str, ...],
    algorithm: str,
    sentences: int | None,
    ratio: float | None,
    figures: int,
    source_lang: str | None,
    as_json: bool,
    debug: bool,
) -> None:
    """Print the key sentences of Russian articles.

    INPUTS are files (TXT, MD, DOCX, HTML, PDF), directories, or - for
    standard input. Key points come in reading order; sentences with amounts
    and dates follow under "Key figures".

    \b
    Examples:
      processor summarize article.txt
      processor summarize news/ --sentences 5 --algorithm lsa
      curl -s https://example.kz/a.html | processor summarize -
    """
    from processor.pipeline import read
    from processor.pipeline import summarize as choose
    from processor.readers import expand_inputs

    _check_length(sentences, ratio)
    outcomes = []
    records = []
    paths = expand_inputs(inputs)
    for path in paths:
        outcome = Outcome(source=path)
        try:
            doc = read(path, source_lang=source_lang)
            selection = choose(
                doc, algorithm=algorithm, sentences=sentences, ratio=ratio, figures=figures
            )
        except (ProcessorError, OSError) as exc:
            outcome.error = fail_line(exc, debug)
            echo_outcome(outcome)
            outcomes.append(outcome)
            continue
        outcomes.append(outcome)
        if as_json:
            records.append(
                {
                    "source": path,
                    "title": doc.title,
                    "algorithm": selection.algorithm,
                    "key_points": [
                        {"ids": list(p.sentence_ids), "text": p.text} for p in selection.key_points
                    ],
                    "key_figures": [
                        {"ids": list(p.sentence_ids), "text": p.text} for p in selection.key_figures
                    ],
                }
            )
            continue
        if len(paths) > 1:  # a heading per article once there are several
            click.secho(f"== {path}", bold=True)
        for point in selection.key_points:
            click.echo(f"- {point.text}")
        if selection.key_figures:
            click.echo("Key figures:")
            for point in selection.key_figures:
                click.echo(f"- {point.text}")
    if as_json:
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    sys.exit(exit_code(outcomes))


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("briefs"),
    show_default=True,
    help="Folder for the memos (created if missing).",
)
@click.option(
    "-l",
    "--lang",
    "languages",
    default="en,kk",
    show_default=True,
    callback=_csv(("en", "kk", "ru")),
    help="Memo languages, comma-separated: en, kk, ru (ru needs no model).",
)
@click.option(
    "-f",
    "--format",
    "formats",
    default="docx",
    show_default=True,
    callback=_csv(("docx", "md", "json")),
    help="Output formats, comma-separated: docx, md, json.",
)
@selection_options
@click.option("--full-text", is_flag=True, help="Append the whole article (translated).")
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
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write a JSON manifest of inputs, outputs and problems (- for stdout).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
@batch_options
@debug_option
def brief(
    inputs: tuple[str, ...],
    outdir: Path,
    languages: tuple[str, ...],
    formats: tuple[str, ...],
    algorithm: str,
    sentences: int | None,
    ratio: float | None,
    figures: int,
    source_lang: str | None,
    full_text: bool,
    glossaries: tuple[Path, ...],
    no_glossary: bool,
    beam: int | None,
    threads: int | None,
    device: str | None,
    manifest: str | None,
    quiet: bool,
    jobs: int | None,
    timeout: float,
    max_memory: int | None,
    force: bool,
    progress: bool | None,
    debug: bool,
) -> None:
    """Write briefing memos for Russian articles.

    For each input, one memo per language: title, source details, key
    points, key figures, the people, organizations and places named (ru, en,
    kk) and a terminology check. Memos are named OUTPUT/<name>.<lang>.docx.
    Translation runs offline on installed models (see `processor models`);
    a language with no model is reported with the command that installs
    one, and the others are still written.

    \b
    Exit codes: 0 all written; 1 an input failed; 2 bad usage;
    3 a language was missing a model; 130 interrupted.

    A re-run skips inputs whose memos are up to date (same file, same
    options; recorded in OUTPUT/.processor-state.json): after Ctrl-C, run
    the same command again to finish the rest. --force redoes everything.

    \b
    Examples:
      processor brief article.txt -o out/
      processor brief news/ --lang en --format docx,md
      processor brief article.docx --lang ru --full-text
    """
    from processor.batch.cli import outcome, run_batch
    from processor.pipeline import BriefOptions
    from processor.readers import expand_inputs

    _check_length(sentences, ratio)
    options = BriefOptions(
        languages=languages,
        algorithm=algorithm,
        sentences=sentences,
        ratio=ratio,
        figures=figures,
        full_text=full_text,
        formats=formats,
        source_lang=source_lang,
        glossaries=tuple(glossaries),
        use_glossary=not no_glossary,
        translation=engine_settings(beam, threads, device),
    )
    try:
        results = run_batch(
            expand_inputs(inputs),
            outdir,
            options,
            jobs=jobs,
            timeout=timeout,
            max_memory=max_memory,
            force=force,
            progress=progress,
            quiet=quiet,
        )
    except ProcessorError as exc:
        click.secho(f"error: {fail_line(exc, debug)}", fg="red", err=True)
        sys.exit(EXIT_FAILED)

    outcomes = [outcome(result) for result in results]
    if manifest:
        _write_manifest(manifest, outcomes)
    sys.exit(exit_code(outcomes))


def _write_manifest(dest: str, outcomes: list[Outcome]) -> None:
    from processor.fileio import write_text_atomic

    data = {
        "schema": "processor.manifest/1",
        "exit_code": exit_code(outcomes),
        "items": [
            {
                "source": o.source,
                "ok": o.ok,
                "outputs": o.outputs,
                "error": o.error,
                "missing": o.missing,
                "warnings": o.warnings,
            }
            for o in outcomes
        ],
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if dest == "-":
        click.echo(text, nl=False)
    else:
        write_text_atomic(dest, text)
