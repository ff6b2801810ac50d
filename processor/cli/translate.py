"""``processor translate`` and ``processor evaluate``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from processor.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    Outcome,
    debug_option,
    echo_outcome,
    engine_options,
    engine_settings,
    exit_code,
    fail_line,
)
from processor.errors import ProcessorError

if TYPE_CHECKING:
    from processor.translation.base import Translator
    from processor.translation.engine import TranslationSettings

FORMATS = ("docx", "html", "md", "txt")


def _language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip().lower()
    if not (value.isascii() and value.isalpha() and 2 <= len(value) <= 3):
        raise click.BadParameter(f"'{value}' is not a language code such as ru, en or kk")
    return value


def _open_translator(source: str, target: str, settings: TranslationSettings) -> Translator:
    from processor.translation.routes import get_translator

    return get_translator(source, target, settings)


def _hold_terms(translator: Translator, glossaries: tuple[str, ...], use: bool) -> Translator:
    """Wrap ``translator`` so names and terms come out as the glossaries say."""
    if not use:
        return translator
    from processor.glossary import HeldTranslator, load_glossaries

    return HeldTranslator(translator, load_glossaries(glossaries, builtin=True))


def _term_warnings(translator: Translator, since: int) -> list[str]:
    """One warning per glossary entry that could not be held in this input's sentences."""
    terms = getattr(translator, "terms", None)
    if not terms:
        return []
    missing: dict[str, int] = {}
    for term in terms[since:]:
        if term.missing:
            missing[term.expected] = missing.get(term.expected, 0) + 1
    return [
        f"glossary term '{expected}' not held in {n} sentence{'s' if n > 1 else ''}"
        for expected, n in missing.items()
    ]


def _stem(path: str) -> str:
    return "stdin" if path == "-" else Path(path).stem


def _plan_outputs(
    inputs: list[str], output: str | None, fmt: str | None, target: str, single: bool
) -> list[tuple[str, Path, str]]:
    """(input, destination, format) for every input; raises UsageError for a bad -o."""
    from processor.translation.files import format_of_name, output_format

    out = Path(output) if output else None
    if out is not None and format_of_name(out) and not out.is_dir():
        # -o names a file: only meaningful for one input.
        if not single:
            raise click.UsageError(
                f"-o {output} names a file but there are {len(inputs)} inputs; "
                "give a folder instead"
            )
        file_fmt = format_of_name(out) or "docx"
        if fmt and fmt != file_fmt:
            raise click.UsageError(f"-o {output} does not match --format {fmt}")
        return [(inputs[0], out, file_fmt)]
    folder = out or Path(".")
    plans: list[tuple[str, Path, str]] = []
    taken: set[Path] = set()
    for path in inputs:
        chosen = output_format(path, fmt)
        dest = folder / f"{_stem(path)}.{target}.{chosen}"
        n = 2
        # Two inputs with the same name (from different folders) get distinct outputs.
        while dest in taken:
            dest = folder / f"{_stem(path)}-{n}.{target}.{chosen}"
            n += 1
        taken.add(dest)
        plans.append((path, dest, chosen))
    return plans


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--to",
    "target",
    required=True,
    callback=_language,
    metavar="LANG",
    help="Language to translate into: en or kk.",
)
@click.option(
    "--from",
    "source",
    default=None,
    callback=_language,
    metavar="LANG",
    help="Language of the inputs [default: ru].",
)
@click.option(
    "--source-lang",
    default=None,
    callback=_language,
    metavar="LANG",
    help="Trust LANG as the inputs' language and skip language detection.",
)
@click.option(
    "-o",
    "--output",
    default=None,
    metavar="PATH",
    help="Folder for the outputs [default: current folder], or a file name for one input.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format [default: docx for DOCX, HTML and PDF inputs, txt for stdin, "
    "else the input's].",
)
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Extra glossary (YAML) to hold names and terms to; repeatable.",
)
@click.option(
    "--no-glossary",
    is_flag=True,
    help="Translate freely: hold no terms, not even the built-in glossary's.",
)
@click.option(
    "--keep-formatting/--no-keep-formatting",
    default=True,
    show_default=True,
    help="Carry bold, italics, links and revisions inside sentences through the model "
    "as markers; off puts each sentence in the run of its main formatting.",
)
@click.option(
    "--report",
    "report_path",
    default=None,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Write a JSON fidelity report: units translated, inline spans kept/moved/lost.",
)
@engine_options
@debug_option
def translate(
    inputs: tuple[str, ...],
    target: str,
    source: str | None,
    source_lang: str | None,
    output: str | None,
    fmt: str | None,
    glossaries: tuple[str, ...],
    no_glossary: bool,
    keep_formatting: bool,
    report_path: str | None,
    beam: int | None,
    threads: int | None,
    device: str | None,
    debug: bool,
) -> None:
    """Translate whole documents, keeping their structure.

    Each INPUT (a file, a folder of files, or - for stdin) is written as
    <name>.<LANG>.<format>.  DOCX, HTML and Markdown stay in their format with
    everything the author formatted: styles, tables, headers, footers,
    footnotes, comments, fields and images, and inside each sentence the bold,
    italic, links and tracked changes around the translated words.  Other
    inputs (TXT, PDF) are written as DOCX, Markdown or text with their headings
    and lists.  Names and terms are held to the built-in glossary and any
    --glossary files.

    Every input is processed even when another fails; one line per input is
    printed on stderr.  Exit code 1 when any input failed or no model is
    installed for the language pair.

    \b
    Examples:
      processor translate article.docx --to en
      processor translate news/ --to kk -o out/
      processor translate article.txt --to en -o article-en.md
    """
    if no_glossary and glossaries:
        raise click.UsageError("--no-glossary and --glossary exclude each other")
    if source and source_lang and source != source_lang:
        raise click.UsageError(f"--from {source} and --source-lang {source_lang} disagree")
    source = source or source_lang or "ru"
    # A non-Russian source cannot pass the Russian language check: declare it.
    declared = source_lang or (source if source != "ru" else None)

    from processor.readers import expand_inputs

    paths = expand_inputs(inputs)
    single = len(paths) == 1 and (inputs[0] == "-" or not Path(inputs[0]).is_dir())
    plans = _plan_outputs(paths, output, fmt, target, single)

    try:
        translator = _open_translator(source, target, engine_settings(beam, threads, device))
        translator = _hold_terms(translator, glossaries, not no_glossary)
    except ProcessorError as exc:
        click.secho(f"error: {fail_line(exc, debug)}", fg="red", err=True)
        click.get_current_context().exit(EXIT_FAILED)
    if debug:
        click.echo(f"route: {translator.describe()}", err=True)

    from processor.translation.files import translate_file

    outcomes: list[Outcome] = []
    reports = []
    for path, dest, chosen in plans:
        shown = "<stdin>" if path == "-" else path
        outcome = Outcome(source=shown)
        seen_terms = len(getattr(translator, "terms", ()))
        try:
            report = translate_file(
                path, dest, chosen, translator, source_lang=declared, inline=keep_formatting
            )
            reports.append(report.to_dict())
            outcome.outputs.append(str(dest))
            if report.summary():
                outcome.warnings.append(str(report.summary()))
            outcome.warnings += _term_warnings(translator, seen_terms)
        except Exception as exc:  # one broken input must not stop the others
            outcome.error = fail_line(exc, debug)
        echo_outcome(outcome)
        outcomes.append(outcome)
    if report_path:
        from processor.fileio import write_text_atomic

        write_text_atomic(report_path, json.dumps(reports, ensure_ascii=False, indent=2) + "\n")
    click.get_current_context().exit(exit_code(outcomes))


# ------------------------------------------------------------------- evaluate


def _print_report(
    pair: str, describe: str, result, anchors: dict | None, limit_note: bool, total: int
) -> None:
    click.echo(f"FLORES-200 dev {pair}: {result.n} sentences")
    click.echo(f"route: {describe}")
    click.echo(
        f"  {'this route':<16} BLEU {result.bleu:5.1f}   chrF {result.chrf:5.1f}   "
        f"chrF++ {result.chrfpp:5.1f}"
    )
    click.echo(f"  time: {result.seconds:.1f} s, {result.sentences_per_second:.1f} sentences/s")
    if anchors:
        click.echo(f"published BLEU on FLORES-200 dev {pair} ({anchors.get('source', 'anchors')}):")
        for system, value in sorted(anchors["bleu"].items(), key=lambda kv: kv[1]):
            click.echo(f"  {system:<16} BLEU {float(value):5.1f}")
        if limit_note:
            click.echo(
                f"  (ours is on the first {result.n} of {total} sentences; "
                "the published scores use all of them)"
            )


@click.command()
@click.option(
    "--pair", default="ru-en", show_default=True, help="Language pair to score, e.g. ru-en, ru-kk."
)
@click.option(
    "--data",
    "data_dir",
    envvar="PROCESSOR_FLORES_DIR",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder with flores-dev.<pair>.<lang> files [default: $PROCESSOR_FLORES_DIR].",
)
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=None,
    help="Score only the first N sentences (quicker, not comparable to published scores).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout.")
@engine_options
@debug_option
def evaluate(
    pair: str,
    data_dir: str | None,
    limit: int | None,
    as_json: bool,
    beam: int | None,
    threads: int | None,
    device: str | None,
    debug: bool,
) -> None:
    """Score installed models on FLORES-200 (BLEU, chrF).

    Translates the FLORES-200 dev sentences of the pair with the route that
    `processor translate` would use, in one batch, and prints sacrebleu's
    BLEU, chrF and chrF++ with the translation speed, beside the published
    BLEU of other systems on the same set (from anchors.json in the data
    folder when present, else built-in scores for ru-en).

    \b
    Examples:
      processor evaluate --data path/to/flores
      processor evaluate --pair ru-kk --limit 200 --json
    """
    from processor.translation.evaluate import evaluate as run_evaluation
    from processor.translation.evaluate import load_flores, published_anchors

    if not data_dir:
        raise click.UsageError(
            "no FLORES data folder: pass --data DIR (a folder with flores-dev.ru-en.ru and "
            ".en) or set PROCESSOR_FLORES_DIR"
        )
    try:
        sources, references = load_flores(data_dir, pair)
        total = len(sources)
        if limit:
            sources, references = sources[:limit], references[:limit]
        source, target = pair.lower().replace("_", "-").split("-")
        anchors = published_anchors(data_dir)
        translator = _open_translator(source, target, engine_settings(beam, threads, device))
        result = run_evaluation(translator, sources, references)
    except Exception as exc:
        click.secho(f"error: {fail_line(exc, debug)}", fg="red", err=True)
        click.get_current_context().exit(EXIT_FAILED)

    pair = f"{source}-{target}"
    same_pair = anchors.get("pair", pair) == pair
    if as_json:
        payload = {
            "dataset": "flores-dev",
            "pair": pair,
            "route": translator.describe(),
            **result.as_dict(),
            "limited": result.n < total,
            "anchors": anchors if same_pair else None,
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        _print_report(
            pair,
            translator.describe(),
            result,
            anchors if same_pair else None,
            result.n < total,
            total,
        )
    click.get_current_context().exit(EXIT_OK)
