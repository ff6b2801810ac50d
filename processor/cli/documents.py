"""``processor summarize`` and ``processor brief``."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from processor.batch.cli import batch_options
from processor.batch.executor import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Limits
from processor.cli.common import (
    config_option,
    debug_option,
    engine_options,
    fail_run,
    finish,
    load_settings,
    memo_options,
    verbose_option,
)
from processor.preparation import MEMO_LANGUAGES
from processor.summarize import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_FIGURES

if TYPE_CHECKING:
    from processor.outputs import Source
    from processor.preparation import BriefOptions, Prepared

STDIN = "-"
Converter = Callable[[click.Context, click.Parameter, Any], Any]


def _csv(allowed: tuple[str, ...]) -> Converter:
    def convert(
        ctx: click.Context, param: click.Parameter, value: str | None
    ) -> tuple[str, ...] | None:
        if value is None:
            return None  # not given: the configuration file or the default decides
        items = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
        bad = [v for v in items if v not in allowed]
        if bad or not items:
            raise click.BadParameter(
                f"{', '.join(bad) or 'nothing given'}; choose from {', '.join(allowed)}"
            )
        return items

    return convert


def selection_options(func: Callable[..., Any]) -> Callable[..., Any]:
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
                "-n",
                "--sentences",
                type=click.IntRange(min=1),
                help="Source sentences in the key points, at most [7].",
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


def summarize_each(
    sources: Sequence[Source], options: BriefOptions, limits: Limits
) -> list[Prepared | Exception]:
    """Read and summarize every source under ``limits`` (stdin in this process)."""
    from processor.batch.executor import run_each
    from processor.batch.run import PRELOAD
    from processor.preparation import prepare

    out: list[Prepared | Exception] = []
    files = [s.path for s in sources if s.path != STDIN]
    done = {
        d.index: d
        for d in run_each(
            functools.partial(prepare, options=options), files, limits, names=files,
            preload=PRELOAD,
        )
    }  # fmt: skip
    k = 0
    for source in sources:
        if source.path == STDIN:
            try:
                out.append(prepare(STDIN, options))
            except Exception as exc:  # the error policy: this input's failure only
                out.append(exc)
            continue
        item = done[k]
        k += 1
        if item.error is not None or item.value is None:
            out.append(_as_exception(item.error or RuntimeError("no result")))
        else:
            out.append(item.value)
    return out


def _as_exception(error: BaseException) -> Exception:
    return error if isinstance(error, Exception) else RuntimeError(str(error))


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@selection_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds one input may take to read and summarize; 0: no limit.",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=64),
    default=DEFAULT_MEMORY_MB,
    show_default=True,
    metavar="MB",
    help="Memory limit of the worker that reads an input.",
)
@debug_option
def summarize(
    inputs: tuple[str, ...],
    algorithm: str,
    sentences: int | None,
    ratio: float | None,
    figures: int,
    source_lang: str | None,
    as_json: bool,
    timeout: float,
    max_memory: int | None,
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
    from processor.outputs import collect_sources
    from processor.preparation import BriefOptions, summary_record
    from processor.results import Result

    _check_length(sentences, ratio)
    results = []
    records = []
    sources = collect_sources(inputs)
    options = BriefOptions(
        algorithm=algorithm,
        sentences=sentences,
        ratio=ratio,
        figures=figures,
        source_lang=source_lang,
        use_glossary=False,
    )
    # Each input in a worker with brief's time budget and memory cap: a hostile file
    # costs one line, never the machine.
    if not timeout and max_memory == DEFAULT_MEMORY_MB:
        max_memory = None  # --timeout 0: in this process, like brief --timeout 0 --jobs 1
    limits = Limits(jobs=1, timeout=timeout or None, memory_mb=max_memory)
    for source, done in zip(sources, summarize_each(sources, options, limits), strict=True):
        result = Result(source=source.shown)
        results.append(result)
        if isinstance(done, Exception):  # the error policy: this input's failure only
            result.fail(done)
            continue
        doc, selection = done.doc, done.selection
        if as_json:
            records.append(summary_record(source.shown, doc, selection))
            continue
        if len(sources) > 1:  # a heading per article once there are several
            click.secho(f"== {source.shown}", bold=True)
        for point in selection.key_points:
            click.echo(f"- {point.text}")
        if selection.key_figures:
            click.echo("Key figures:")
            for point in selection.key_figures:
                click.echo(f"- {point.text}")
    if as_json:
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    # Nothing is written on success: only problems get a line.
    finish([r for r in results if not r.ok], debug=debug)


def _check_manifest(manifest: str | None, inputs: tuple[str, ...]) -> None:
    """The manifest never replaces an input (processor.access): a bad command line."""
    from processor.access import check_not_input
    from processor.errors import OutputError
    from processor.readers import expand_inputs

    if manifest:
        try:
            check_not_input(manifest, expand_inputs(inputs), what="manifest")
        except OutputError as exc:
            raise click.UsageError(str(exc)) from None


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the memos, created if missing [default: briefs].",
)
@click.option(
    "-l",
    "--lang",
    "languages",
    default=None,
    callback=_csv(MEMO_LANGUAGES),
    help="Memo languages, comma-separated: en, kk, kk-latn (Kazakh in the Latin alphabet), "
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
@click.option(
    "--marking",
    default=None,
    metavar="TEXT",
    help='Handling marking in every memo\'s header [default: "For internal use" in the '
    "memo's language; config: marking].",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
@verbose_option
@batch_options
@config_option
@debug_option
def brief(
    inputs: tuple[str, ...],
    outdir: Path | None,
    languages: tuple[str, ...] | None,
    formats: tuple[str, ...] | None,
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
    marking: str | None,
    quiet: bool,
    verbose: bool,
    jobs: int | None,
    timeout: float,
    max_memory: int | None,
    force: bool,
    progress: bool | None,
    executor: str,
    address: str | None,
    config_path: str | None,
    debug: bool,
) -> None:
    """Write briefing memos for Russian articles.

    For each input, one memo per language: title, source details, key
    points, key figures, the people, organizations and places named (ru, en,
    kk) and a terminology check. Memos are named OUTPUT/<name>.<lang>.docx.
    Translation runs offline on installed models (see `processor models`);
    a language with no model is reported with the command that installs
    one, and the others are still written; with no model for any of them,
    the memo is written in the article's own language.  Inputs in folders
    keep their subfolders under OUTPUT; inputs that would share a name get
    a suffix.  Defaults can come from processor.toml (see --config).

    A re-run skips inputs whose memos are up to date (same file, same
    options; recorded in OUTPUT/.processor-state.json): after Ctrl-C, run
    the same command again to finish the rest. --force redoes everything.

    \b
    Exit codes: 0 all written; 1 an input failed; 2 bad usage;
    3 a language was missing a model; 130 interrupted.

    \b
    Examples:
      processor brief article.txt -o out/
      processor brief news/ --lang en --format docx,md
      processor brief article.docx --lang ru --full-text
    """
    from processor.batch.cli import run_batch
    from processor.pipeline import BriefOptions

    _check_length(sentences, ratio)
    _check_manifest(manifest, inputs)
    config = load_settings(config_path, debug)
    options = BriefOptions(
        full_text=full_text,
        **memo_options(
            config, languages=languages, formats=formats, glossaries=glossaries,
            no_glossary=no_glossary, beam=beam, threads=threads, device=device,
            marking=marking, algorithm=algorithm, sentences=sentences, ratio=ratio,
            figures=figures, source_lang=source_lang,
        ),
    )  # fmt: skip
    try:
        results = run_batch(
            inputs,
            outdir or config.output or Path("briefs"),
            options,
            jobs=jobs or config.jobs,
            blas_threads=config.blas_threads,
            timeout=timeout,
            max_memory=max_memory,
            force=force,
            progress=progress,
            quiet=quiet,
            debug=debug,
            executor=executor,
            address=address,
            verbose=verbose,
            manifest=manifest,
        )
    except Exception as exc:  # the run as a whole: a bad glossary or format
        fail_run(exc, debug, manifest=manifest)
    finish(results, quiet=quiet, debug=debug, manifest=manifest, echoed=True, verbose=verbose)
