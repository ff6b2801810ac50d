"""``processor glossary``: find terms, check files, import CSV/TSV/TBX, suggest entries."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from processor.batch.cli import budget_limits, budget_options
from processor.cli.common import EXIT_FAILED, EXIT_OK, debug_option, fail_line
from processor.errors import ProcessorError

if TYPE_CHECKING:
    from processor.glossary.types import Glossary

_glossary_option = click.option(
    "--glossary",
    "-g",
    "glossaries",
    multiple=True,
    type=click.Path(),
    help="A glossary file to use on top of the built-in ones (repeatable; later files win).",
)
_no_builtin_option = click.option(
    "--no-builtin", is_flag=True, help="Do not load the built-in glossaries."
)


def _fail(exc: BaseException, debug: bool) -> NoReturn:
    click.secho(f"error: {fail_line(exc, debug)}", fg="red", err=True)
    sys.exit(EXIT_FAILED)


def _texts(path: str) -> list[str]:
    from processor.readers import read_document

    doc = read_document(path)
    return [p.text for p in doc.paragraphs]


def _inputs(paths: tuple[str, ...]) -> list[str]:
    """Files as given, folders expanded to the files they hold (like ``brief``)."""
    from processor.readers import expand_inputs

    return expand_inputs(paths)


def _load(glossaries: tuple[str, ...], no_builtin: bool, debug: bool) -> Glossary:
    """The glossaries in effect; a missing or invalid ``-g`` file ends the command (exit 1)."""
    from processor.glossary.load import load_glossaries

    try:
        return load_glossaries(glossaries, builtin=not no_builtin)
    except ProcessorError as exc:
        _fail(exc, debug)


@click.group("glossary")
def glossary() -> None:
    """Find glossary terms, suggest new entries, check and import glossary files.

    Built-in glossaries ship with processor (Kazakhstan public life); add your own
    with --glossary FILE (see glossaries/README.md for the format).

    \b
    Examples:
      processor glossary find article.txt
      processor glossary find news/
      processor glossary list --glossary my-terms.yaml
      processor glossary find article.docx --json --glossary my-terms.yaml
      processor glossary check my-terms.yaml
      processor glossary import terms.csv --target en -o my-terms.yaml
      processor glossary suggest article.txt -o suggestions.yaml
    """


@glossary.command("find")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines, one per match.")
@_glossary_option
@_no_builtin_option
@budget_options("read and search")
@debug_option
def find(
    inputs: tuple[str, ...], as_json: bool, glossaries: tuple[str, ...], no_builtin: bool,
    timeout: float, max_memory: int | None, debug: bool,
) -> None:  # fmt: skip
    """List every glossary term in INPUT files or folders (no translation model needed).

    One line per match: file, paragraph, character span, entry id, the text as
    written, the form (full, short, alias), English and Kazakh renderings.
    """
    from processor.glossary.search import find_in_files

    _load(glossaries, no_builtin, debug)  # a bad -g file ends the run here, once
    code = EXIT_OK
    found = find_in_files(
        _inputs(inputs), glossaries, not no_builtin, budget_limits(timeout, max_memory)
    )
    for path, records in found:
        if isinstance(records, BaseException):  # this input's failure only
            line = fail_line(records, debug)
            line = line if path in line else f"{path}: {line}"
            click.secho(f"error: {line}", fg="red", err=True)
            code = EXIT_FAILED
            continue
        for record in records:
            if as_json:
                click.echo(json.dumps(record, ensure_ascii=False))
            else:
                click.echo(
                    f"{path}:p{record['paragraph']}:{record['start']}-{record['stop']}\t"
                    f"{record['id']}\t{record['text']}\t{record['form']}\t"
                    f"{record['en']}\t{record['kk']}"
                )
    sys.exit(code)


@glossary.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
def check(files: tuple[str, ...]) -> None:
    """Validate glossary files; print file:line: reason for every problem."""
    from processor.glossary.load import read_glossary, validate_glossary
    from processor.glossary.settlements import is_place_table, load_table, validate_table

    code = EXIT_OK
    for path in files:
        if is_place_table(path):  # villages, rural districts
            problems = validate_table(path)
            for problem in problems:
                click.echo(f"{problem}", err=True)
            if problems:
                code = EXIT_FAILED
            else:
                table = load_table(path)
                count = len({*table.names.values(), *table.adjectives.values()})
                click.echo(f"ok: {path}: {table.name}, {count} places", err=True)
            continue
        problems = validate_glossary(path)
        for problem in problems:
            click.echo(f"{problem}", err=True)
        if problems:
            code = EXIT_FAILED
            continue
        name, entries = read_glossary(path)
        click.echo(f"ok: {path}: {name}, {len(entries)} entries", err=True)
    sys.exit(code)


@glossary.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines, one per entry.")
@_glossary_option
@_no_builtin_option
@debug_option
def list_(as_json: bool, glossaries: tuple[str, ...], no_builtin: bool, debug: bool) -> None:
    """List the entries in effect (built-in, then -g files; later files win) and the
    file:line each comes from; entries that a later file overrides are named on stderr."""
    gl = _load(glossaries, no_builtin, debug)
    for e in gl.entries:
        where = f"{e.path}:{e.line}" if e.line else str(e.path or e.glossary)
        if as_json:
            record = {"id": e.id, "type": e.type, "ru": e.ru, "en": e.en, "kk": e.kk}
            click.echo(json.dumps({**record, "glossary": e.glossary, "source": where},
                                  ensure_ascii=False))  # fmt: skip
        else:
            click.echo(f"{e.id}\t{e.type}\t{e.ru}\t{e.en}\t{e.kk}\t{where}")
    for old, new in gl.overridden:
        click.echo(
            f"overridden: {old.path}:{old.line} {old.id} by {new.path}:{new.line} {new.id}",
            err=True,
        )
    files = "1 file" if len(gl.paths) == 1 else f"{len(gl.paths)} files"
    click.echo(f"{len(gl.entries)} entries from {files}", err=True)


@glossary.command("import")
@click.argument("source", type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The glossary YAML file to write.")  # fmt: skip
@click.option("--target", type=click.Choice(["en", "kk"]),
              help="For two-column CSV/TSV: the language of the second column.")  # fmt: skip
@click.option("--name", help="The new glossary's name (default: the output file's stem).")
@debug_option
def import_(source: str, output: str, target: str | None, name: str | None, debug: bool) -> None:
    """Convert a CSV/TSV (DeepL-style pairs, or ru,en,kk[,type] with a header) or a
    TBX file into the processor glossary format.

    Languages a two-column file does not give are filled for review: English by
    romanization, Kazakh with the Russian form; each such entry says so in its note.
    """
    from processor.fileio import write_text_atomic
    from processor.glossary.dump import dump_glossary
    from processor.glossary.imports import import_file
    from processor.glossary.load import parse_glossary

    try:
        entries = import_file(source, target=target)
        text = dump_glossary(entries, name=name or Path(output).stem)
        parse_glossary(text, output)  # what we write must load
        write_text_atomic(output, text)
    except ProcessorError as exc:
        _fail(exc, debug)
    click.echo(f"ok: {source} -> {output} ({len(entries)} entries)", err=True)


@glossary.command("suggest")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the suggested entries here (default: print them).")  # fmt: skip
@_glossary_option
@_no_builtin_option
@debug_option
def suggest(
    inputs: tuple[str, ...], output: str | None, glossaries: tuple[str, ...], no_builtin: bool,
    debug: bool,
) -> None:  # fmt: skip
    """Suggest glossary entries for people, organizations and places in INPUT files or
    folders that no glossary covers: names in the nominative, a surname alone merged into
    its full name as the short form, English and Kazakh built from common words where
    they can be, otherwise romanized English and the Russian spelling: review them."""
    from processor.fileio import write_text_atomic
    from processor.glossary.dump import dump_glossary
    from processor.glossary.entities import suggest_entries

    gl = _load(glossaries, no_builtin, debug)
    texts: list[str] = []
    code = EXIT_OK
    for path in _inputs(inputs):
        try:
            texts.extend(_texts(path))
        except ProcessorError as exc:
            click.secho(f"error: {fail_line(exc, debug)}", fg="red", err=True)
            code = EXIT_FAILED
    entries = suggest_entries(texts, gl)
    text = dump_glossary(entries, name="suggested", title="Suggested entries: review before use")
    if output:
        try:
            write_text_atomic(output, text)
        except ProcessorError as exc:
            _fail(exc, debug)
        click.echo(f"ok: {len(entries)} suggested entries -> {output}", err=True)
    else:
        click.echo(text, nl=False)
    sys.exit(code)
