"""``processor serve``: the HTTP API and the analysts' web page."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import click


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8765,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port to listen on.",
)
@click.option(
    "--data",
    "data_dir",
    default=None,
    type=click.Path(file_okay=False),
    help="Folder for uploads, jobs and results [default: $XDG_DATA_HOME/processor/service].",
)
@click.option(
    "--api-key",
    envvar="PROCESSOR_API_KEY",
    default=None,
    help="Require this key in the X-API-Key header of every /api call "
    "[env: PROCESSOR_API_KEY]. Needed to listen beyond loopback.",
)
@click.option(
    "-g",
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(dir_okay=False, exists=True),
    metavar="FILE",
    help="Extra glossary (YAML, CSV, TSV, TBX) for every job; repeatable.",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Run brief jobs' articles in local workers or as Ray tasks (needs the ray extra).",
)
@click.option("--address", default=None, metavar="HOST:PORT", help="Ray cluster to join.")
@click.option(
    "--max-upload-mb",
    default=20,
    show_default=True,
    type=click.IntRange(1, 2048),
    metavar="MB",
    help="Largest uploaded file; a bigger one is refused with 413.",
)
@click.option(
    "--max-files",
    default=50,
    show_default=True,
    type=click.IntRange(1, 10000),
    metavar="N",
    help="Most files in one request.",
)
def serve(
    host: str,
    port: int,
    data_dir: str | None,
    api_key: str | None,
    glossaries: tuple[str, ...],
    executor: str,
    address: str | None,
    max_upload_mb: int,
    max_files: int,
) -> None:
    """Serve briefs, translation and glossary look-ups over HTTP, with a web page.

    Listens on loopback unless --host says otherwise; any other address needs
    --api-key. Jobs run one at a time in this process, so each translation model
    loads once and stays loaded. The schema is at /openapi.json; the page at /.

    \b
    Examples:
      processor serve
      processor serve --host 0.0.0.0 --api-key "$KEY" --data /srv/processor
    """
    if api_key is not None and not api_key.strip():
        raise click.UsageError("--api-key is blank: give a key others cannot guess")
    if not _loopback(host) and not api_key:
        raise click.UsageError(f"--host {host} is reachable from other machines: set --api-key")
    try:
        import uvicorn

        from processor.service.app import ServiceConfig, create_app
        from processor.service.guard import LOOPBACK_NAMES
        from processor.service.uploads import Limits
    except ImportError:
        raise click.ClickException(
            "the service needs its extra: pip install 'processor[serve]' (air-gapped: "
            "pip install --no-index --find-links wheelhouse 'processor[serve]', from a "
            "wheelhouse built with pip wheel -w wheelhouse '.[serve]')"
        ) from None
    base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    folder = Path(data_dir) if data_dir else base / "processor" / "service"
    limits = Limits(max_files=max_files, max_file_bytes=max_upload_mb * 2**20)
    config = ServiceConfig(folder, api_key, limits, glossaries, executor, address)
    config.loopback_only = _loopback(host)
    if _loopback(host):  # only loopback names: a DNS-rebinding page is refused
        config.allowed_hosts = tuple(dict.fromkeys((*LOOPBACK_NAMES, host.strip("[]"))))
    else:  # beyond loopback the API key guards every call; names vary behind proxies
        config.allowed_hosts = None
    app = create_app(config)
    click.echo(f"processor: serving on http://{host}:{port}/ (data in {folder})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
