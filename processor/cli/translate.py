"""``processor translate`` and ``processor evaluate``."""

from __future__ import annotations

import json

import click

from processor.batch.cli import budget_limits, budget_options
from processor.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    config_option,
    debug_option,
    engine_options,
    engine_settings,
    fail_line,
    fail_run,
    finish,
    load_settings,
    verbose_option,
)
from processor.kazakh_latin import LANGUAGE as LATIN_KAZAKH
from processor.translation.formats.files import FORMATS


def _language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip().lower()
    if value == LATIN_KAZAKH:
        return value
    if not (value.isascii() and value.isalpha() and 2 <= len(value) <= 3):
        raise click.BadParameter(f"'{value}' is not a language code such as ru, en, kk or kk-latn")
    return value


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--to",
    "target",
    required=True,
    callback=_language,
    metavar="LANG",
    help="Language to translate into: en, kk, or kk-latn (Kazakh in the Latin alphabet).",
)
@click.option(
    "--source-lang",
    default=None,
    callback=_language,
    metavar="LANG",
    help="Language of the inputs, trusted without detection (as in brief) [default: ru, checked].",
)
# The old spelling of --source-lang: kept working for scripts, no longer shown.
@click.option("--from", "from_lang", default=None, callback=_language, hidden=True)
@click.option(
    "-o",
    "--output",
    default=None,
    metavar="PATH",
    help="Folder for the outputs [default: current folder], a file name for one input, "
    "or - for standard output.",
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
    "-g",
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Extra glossary (YAML, CSV, TSV, TBX) to hold names and terms to; repeat for "
    "several; later ones win.",
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
@verbose_option
@budget_options("read")
@engine_options
@config_option
@debug_option
def translate(
    inputs: tuple[str, ...],
    target: str,
    source_lang: str | None,
    from_lang: str | None,
    output: str | None,
    fmt: str | None,
    glossaries: tuple[str, ...],
    no_glossary: bool,
    keep_formatting: bool,
    report_path: str | None,
    verbose: bool,
    timeout: float,
    max_memory: int | None,
    beam: int | None,
    threads: int | None,
    device: str | None,
    config_path: str | None,
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
    printed on stderr.  Exit code 1 when any input failed, 3 when no model is
    installed for the language pair.

    \b
    Examples:
      processor translate article.docx --to en
      processor translate news/ --to kk -o out/
      processor translate article.txt --to en -o article-en.md
    """
    if no_glossary and glossaries:
        raise click.UsageError("--no-glossary and --glossary exclude each other")
    if from_lang and source_lang and from_lang != source_lang:
        raise click.UsageError(f"--from {from_lang} and --source-lang {source_lang} disagree")
    source_lang = source_lang or from_lang
    from processor.document_translation import TranslateOptions, translate_files

    config = load_settings(config_path, debug)
    options = TranslateOptions(
        target=target,
        source=source_lang or "ru",
        source_lang=source_lang,
        format=fmt,
        glossaries=tuple(glossaries) or config.glossaries,
        use_glossary=not no_glossary,
        translation=engine_settings(beam, threads, device, config),
        keep_formatting=keep_formatting,
    )
    try:
        # Each input read first in a worker under brief's budget: one hostile file fails alone.
        limits = budget_limits(timeout, max_memory)
        results = translate_files(inputs, output or config.output, options, limits=limits)
    except Exception as exc:  # the run as a whole: a bad -o, a bad glossary
        fail_run(exc, debug)
    if report_path:
        from processor.fileio import write_text_atomic

        reports = [r.report for r in results if r.report is not None]
        write_text_atomic(report_path, json.dumps(reports, ensure_ascii=False, indent=2) + "\n")
    finish(results, debug=debug, verbose=verbose)


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
    from processor.translation.engines.evaluate import evaluate as run_evaluation
    from processor.translation.engines.evaluate import load_flores, published_anchors

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
        from processor.translation.engines.routes import get_translator

        translator = get_translator(source, target, engine_settings(beam, threads, device))
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
