"""``processor models``: list, install and remove translation models."""

from __future__ import annotations

import json
import sys
from typing import NoReturn

import click

from processor.cli.common import EXIT_FAILED, debug_option, fail_line
from processor.errors import ProcessorError
from processor.translation.engines.styles import STYLES

STYLE_CHOICES = tuple(STYLES)


def _fail(exc: BaseException, debug: bool) -> NoReturn:
    click.secho(f"error: {fail_line(exc, debug)}", fg="red", err=True)
    sys.exit(EXIT_FAILED)


@click.group("models")
def models() -> None:
    """List, install and remove translation models.

    Argos Translate packages (.argosmodel) and CTranslate2 model folders
    (NLLB-200, M2M-100, MADLAD-400, OPUS-MT, bilingual models) are supported,
    and a few known CTranslate2 conversions install by name (Kazakh needs one:
    the Argos index has no Kazakh package).  Translation never uses the network;
    only `install` and `available` do.

    \b
    Examples:
      processor models list
      processor models install translate-ru_en
      processor models install nllb-200-distilled-600M
      processor models install ~/Downloads/translate-ru_en-1_9.argosmodel
      processor models install ./nllb-200-distilled-1.3B-ct2
      processor models remove translate-ru_en
    """


@models.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@debug_option
def list_models(as_json: bool, debug: bool) -> None:
    """Show installed models, their licences and the routes they give.

    Routes are shown for ru->en and ru->kk, the memo languages; the route
    marked * is the one used.

    \b
    Examples:
      processor models list
      processor models list --json
    """
    from processor.translation.engines.routes import (
        MEMO_PAIRS,
        airgapped_instructions,
        install_hint,
        list_routes,
        routes_json,
    )
    from processor.translation.models.store import default_store

    try:
        store = default_store()
        if as_json:
            click.echo(json.dumps(routes_json(store, MEMO_PAIRS), ensure_ascii=False, indent=2))
            return
        installed, problems = store.scan()
        routes = {pair: list_routes(*pair, store=store) for pair in MEMO_PAIRS}
    except ProcessorError as exc:
        _fail(exc, debug)
    click.echo(f"Argos packages: {store.argos_dir}")
    click.echo(f"Other models:   {store.models_dir}")
    click.echo("")
    if not installed:
        click.echo("No models installed.")
    for m in installed:
        version = f" {m.version}" if m.version else ""
        click.echo(f"{m.name}{version}  [{m.kind}]  {m.pairs_text()}")
        click.echo(f"    licence: {m.licence}" + (f"; quality: {m.quality}" if m.quality else ""))
    click.echo("")
    click.echo("Routes:")
    for (s, t), found in routes.items():
        if not found:
            click.echo(f"  {s}->{t}: none; install with: {install_hint(s, t)}")
            continue
        for r in found:
            click.echo(f"  {s}->{t}: {'*' if r.chosen else ' '} {r.describe()}")
    if any(not found for found in routes.values()):
        click.echo("")
        for (s, t), found in routes.items():
            if not found:
                click.echo(airgapped_instructions(s, t))
    for line in problems:
        click.secho(f"warning: not a usable model: {line}", fg="yellow", err=True)


@models.command("install")
@click.argument("source")
@click.option(
    "--style",
    type=click.Choice(STYLE_CHOICES),
    help="How the model selects languages (detected from the vocabulary when possible).",
)
@click.option(
    "--languages", help="Languages, comma-separated; SOURCE,TARGET for a bilingual model."
)
@click.option("--licence", "--license", "licence", help="The model's licence, recorded and shown.")
@click.option("--name", help="Name to install a model folder under (default: folder name).")
@click.option("--index", "index_url", metavar="URL", help="Package index to look names up in.")
@click.option(
    "--mirror",
    metavar="URL",
    help="Where known models are downloaded from (default: $PROCESSOR_MODEL_MIRROR, "
    "else https://huggingface.co).",
)
@click.option(
    "--force", is_flag=True, help="Download a model again even if it is installed already."
)
@debug_option
def install(
    source: str,
    style: str | None,
    languages: str | None,
    licence: str | None,
    name: str | None,
    index_url: str | None,
    mirror: str | None,
    force: bool,
    debug: bool,
) -> None:
    """Install a model from the index, a URL, an .argosmodel file or a folder.

    SOURCE is an index name (translate-ru_en or ru-en; fetched from the Argos
    index), the name of a known CTranslate2 conversion (see `processor models
    available`; e.g. nllb-200-distilled-600M, for Kazakh, fetched file by file
    from Hugging Face or --mirror), an http(s) URL of an .argosmodel file, a
    local .argosmodel file, or a CTranslate2 model folder (model.bin,
    config.json, vocabulary and a SentencePiece .model file).  Installs are
    atomic: a failed or interrupted install leaves nothing behind.  A model
    already installed (same name and version) is not downloaded again; --force
    does.

    \b
    Examples:
      processor models install translate-ru_en
      processor models install nllb-200-distilled-600M
      processor models install nllb-200-distilled-600M --mirror https://hf.example.org
      processor models install translate-ru_en-1_9.argosmodel
      processor models install ./nllb-200-distilled-1.3B-ct2
      processor models install ./opus-mt-ru-kk-ct2 --style plain --languages ru,kk \\
          --licence CC-BY-4.0
    """
    from processor.translation.models.store import default_store

    langs = [c.strip() for c in languages.split(",")] if languages else None
    try:
        model = default_store().install(
            source,
            style=style,
            languages=langs,
            licence=licence,
            name=name,
            index=index_url,
            mirror=mirror,
            progress=lambda line: click.echo(line, err=True),
            force=force,
        )
    except ProcessorError as exc:
        from processor.translation.models.remote import Unreachable

        if isinstance(exc, Unreachable):  # offline: the from-file route for this model
            from processor.translation.models.hints import offline_route

            exc.hint = offline_route(source)
        _fail(exc, debug)
    except KeyboardInterrupt:
        # Ctrl-C or SIGTERM: the staging folder is already gone; say so, no traceback.
        click.secho("interrupted: no partial install was left behind", fg="red", err=True)
        sys.exit(130)
    quality = f"; quality: {model.quality}" if model.quality else ""
    click.echo(
        f"installed {model.name} [{model.kind}] {model.pairs_text()} "
        f"(licence: {model.licence}{quality}) -> {model.path}"
    )


@models.command("remove")
@click.argument("name")
@debug_option
def remove(name: str, debug: bool) -> None:
    """Remove an installed model by the name `processor models list` shows.

    \b
    Examples:
      processor models remove translate-ru_en
      processor models remove nllb-200-distilled-1.3B-ct2
    """
    from processor.translation.models.store import default_store

    try:
        model = default_store().remove(name)
    except ProcessorError as exc:
        _fail(exc, debug)
    click.echo(f"removed {model.name} ({model.path})")


@models.command("available")
@click.option("--index", "index_url", metavar="URL", help="Package index URL.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@debug_option
def available(index_url: str | None, as_json: bool, debug: bool) -> None:
    """List the packages of the Argos index (fetched now) and the known models.

    Known models are CTranslate2 conversions processor can fetch by name
    (not from the Argos index); their list is built in, so it shows even when
    the index cannot be reached.

    \b
    Examples:
      processor models available
      processor models available --index http://mirror.local/argos/index.json
    """
    from processor.translation.models.catalog import CATALOG, mirror_base
    from processor.translation.models.remote import IndexEntry
    from processor.translation.models.store import default_store

    index_error: ProcessorError | None = None
    entries: list[IndexEntry] = []
    installed: set[str] = set()
    try:
        store = default_store()
        installed = {m.name for m in store.installed()}
        entries = store.available(index_url)
    except ProcessorError as exc:
        index_error = exc
    if as_json:
        rows = [e.to_json(e.code in installed) for e in entries]
        rows += [c.to_json(c.name in installed) for c in CATALOG.values()]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for e in entries:
            mark = "  (installed)" if e.code in installed else ""
            click.echo(f"{e.code:<22} {e.source}->{e.target}  {e.version}{mark}")
        if entries:
            click.echo("")
        click.echo(
            "Known models (CTranslate2 conversions, not from the Argos index; "
            f"install by name, fetched from {mirror_base()}):"
        )
        for c in CATALOG.values():
            mark = "  (installed)" if c.name in installed else ""
            langs = ", ".join(c.languages)
            click.echo(f"{c.name:<24} {c.style}: {langs} and more{mark}")
            click.echo(f"    {c.repo}; licence: {c.licence}; {c.quality}")
    if index_error is not None:
        _fail(index_error, debug)
