"""What can be downloaded: the Argos package index, and the one HTTP downloader.

Every network access of the product goes through :func:`download` (index
installs, URL installs, catalog models) or :func:`fetch_bytes` (the index itself),
and only on an explicit ``processor models install`` / ``available``.  Only the
standard library is used (urllib), imported inside the functions.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from processor.errors import ModelError

DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
DOWNLOAD_TIMEOUT = 60.0
# The index is a few hundred KB; anything far larger is not an index.
INDEX_MAX_BYTES = 32 << 20
# Files at least this large get percentage lines on the progress callback.
PROGRESS_MIN_BYTES = 8 << 20
# Without a Content-Length, report every this many bytes instead.
PROGRESS_STEP_BYTES = 100 << 20

Progress = Callable[[str], None]


# Said when the network is out of reach: models come on a USB stick to an air-gapped machine.
AIRGAPPED = (
    "without internet, copy the model file or folder to this machine and run "
    "`processor models install PATH` (an .argosmodel file, or a CTranslate2 folder with "
    "--name); `processor models list` shows what is installed"
)


class NotFound(ModelError):
    """The server answered 404: the file is not there (an alternate may be)."""


class Unreachable(ModelError):
    """No network (no DNS, no route, refused, timed out): the from-file route is the way."""


@dataclass(frozen=True)
class IndexEntry:
    """One package of the Argos index."""

    code: str
    source: str
    target: str
    version: str
    links: tuple[str, ...]
    source_name: str = ""
    target_name: str = ""

    def to_json(self, installed: bool) -> dict[str, Any]:
        """The row ``processor models available --json`` prints."""
        return {
            "code": self.code,
            "origin": "argos-index",
            "source": self.source,
            "target": self.target,
            "version": self.version,
            "links": list(self.links),
            "installed": installed,
        }


def index_url(override: str | None = None) -> str:
    """The package index URL: ``override``, ``$PROCESSOR_MODEL_INDEX``, Argos's setting, default."""
    if override:
        return override
    if os.environ.get("PROCESSOR_MODEL_INDEX"):
        return os.environ["PROCESSOR_MODEL_INDEX"]
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    if base:
        return base if base.endswith(".json") else base.rstrip("/") + "/index.json"
    return DEFAULT_INDEX_URL


def parse_pair(name: str) -> tuple[str, str] | None:
    """``translate-ru_en``, ``ru_en``, ``ru-en`` or ``ru->en`` -> ``("ru", "en")``."""
    match = re.fullmatch(r"(?:translate-)?([a-z]{2,3})(?:->|[-_])([a-z]{2,3})", name.strip())
    return (match.group(1), match.group(2)) if match else None


def is_url(text: str) -> bool:
    return re.match(r"^(https?|file)://", text) is not None


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.0f} MB" if size >= 1 << 20 else f"{size / 1024:.0f} KB"


def _stream(
    url: str, sink: IO[bytes], label: str, progress: Progress | None, limit: int | None
) -> int:
    """Copy ``url`` into ``sink``; return the byte count.  Errors are one-line ModelErrors."""
    import http.client
    import urllib.error
    import urllib.parse
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "processor"})
    received = 0
    total: int | None = None
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT) as response:
            header = response.headers.get("Content-Length")
            total = int(header) if header and header.isdigit() else None
            shown_pct = 0
            next_step = PROGRESS_STEP_BYTES
            while chunk := response.read(1 << 20):
                received += len(chunk)
                if limit is not None and received > limit:
                    raise ModelError(f"{label} is larger than {_mb(limit)}", path=url)
                try:
                    sink.write(chunk)
                except OSError as exc:  # a full disk is the user's to fix, not a download error
                    raise ModelError(f"cannot save {label}: {exc.strerror or exc}") from None
                if progress is None:
                    continue
                if total and total >= PROGRESS_MIN_BYTES:
                    pct = received * 100 // total // 10 * 10
                    if pct > shown_pct:
                        shown_pct = pct
                        progress(f"{label}: {pct}% of {_mb(total)}")
                elif total is None and received >= next_step:
                    next_step += PROGRESS_STEP_BYTES
                    progress(f"{label}: {_mb(received)}")
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise NotFound(f"{label} not found (HTTP 404)", path=url) from None
        why = " (repository not found, or it needs a login)" if exc.code in (401, 403) else ""
        raise ModelError(f"download failed: HTTP {exc.code} {exc.reason}{why}", path=url) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        if _unreachable(reason) and not url.startswith("file:"):
            host = urllib.parse.urlsplit(url).hostname or url
            raise Unreachable(
                f"cannot reach {host} ({_why(reason)}): no network here?", path=url,
                hint=AIRGAPPED,
            ) from None  # fmt: skip
        raise ModelError(f"download failed: {reason}", path=url) from None
    except http.client.HTTPException as exc:  # bad status line, incomplete read...
        raise ModelError(f"download failed: {type(exc).__name__}", path=url) from None
    # urllib's chunked reads return short data silently when the server hangs up early.
    if total is not None and received != total:
        raise ModelError(
            f"download of {label} incomplete: got {received} of {total} bytes "
            "(connection dropped; run the install again)",
            path=url,
        )
    return received


def download(
    url: str, dest: Path, label: str | None = None, progress: Progress | None = None
) -> int:
    """Stream ``url`` into the file ``dest``; return its size.

    A 404 raises :class:`NotFound`; any other failure, including a connection that
    ends before the announced Content-Length, raises a one-line ModelError.  The
    caller owns ``dest`` (it lives in install staging) and removes it on failure.
    """
    shown = label or url.rsplit("/", 1)[-1] or url
    try:
        fh = open(dest, "wb")  # noqa: SIM115 - closed below, after the OSError mapping
    except OSError as exc:
        raise ModelError(f"cannot save {shown}: {exc.strerror or exc}", path=str(dest)) from None
    with fh:
        return _stream(url, fh, shown, progress, None)


def _unreachable(reason: object) -> bool:
    """The machine cannot reach the host at all (as opposed to a server's answer)."""
    import errno
    import socket

    if isinstance(reason, (socket.gaierror, ConnectionRefusedError, TimeoutError)):
        return True
    unreachable = (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EHOSTDOWN)
    return isinstance(reason, OSError) and reason.errno in unreachable


def _why(reason: object) -> str:
    """``[Errno -2] Name or service not known`` -> ``Name or service not known``."""
    return getattr(reason, "strerror", None) or str(reason) or type(reason).__name__


def fetch_bytes(url: str, limit: int = INDEX_MAX_BYTES) -> bytes:
    """The body of ``url`` (at most ``limit`` bytes), e.g. the package index."""
    import io

    buffer = io.BytesIO()
    _stream(url, buffer, url.rsplit("/", 1)[-1] or url, None, limit)
    return buffer.getvalue()


def available(index: str | None = None) -> list[IndexEntry]:
    """Entries of the package index, fetched now (explicit user request only)."""
    url = index_url(index)
    raw = fetch_bytes(url)
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise ModelError("the model index is not JSON", path=url) from None
    if not isinstance(data, list):
        raise ModelError("the model index is not a JSON list", path=url)
    entries = []
    for item in data:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        src, tgt = item.get("from_code"), item.get("to_code")
        links = item.get("links")
        if not (isinstance(src, str) and isinstance(tgt, str)):
            continue
        entries.append(
            IndexEntry(
                code=str(item.get("code") or f"translate-{src}_{tgt}"),
                source=src,
                target=tgt,
                version=str(item.get("package_version", "")),
                links=tuple(str(link) for link in links) if isinstance(links, list) else (),
                source_name=str(item.get("from_name", "")),
                target_name=str(item.get("to_name", "")),
            )
        )
    return entries
