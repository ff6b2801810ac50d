"""Checking uploads before any work: count, size, type, emptiness; one-line 4xx reasons.

Uploads are streamed to disk in chunks and the limits are checked while they are copied,
so no upload is ever held whole in memory (150 files of 19 MB once took 2.9 GB).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHUNK = 2**20

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".pdf")
# What each format's bytes start with (after a BOM or blank space) when they have a
# fixed start; text formats are checked for binary content instead.
_MAGIC = {".docx": b"PK\x03\x04", ".pdf": b"%PDF-"}


@dataclass(frozen=True)
class Limits:
    """What one request may bring."""

    max_files: int = 50
    max_file_bytes: int = 20 * 2**20
    max_total_bytes: int = 200 * 2**20


class UploadRejected(Exception):
    """An upload the service refuses: ``status`` is the HTTP code, ``str()`` the reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


def safe_name(name: str, taken: set[str]) -> str:
    """A file name that cannot leave its folder and is unique in ``taken``."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\-]+", "_", base).strip("._") or "upload"
    stem, suffix = Path(base).stem[:80], Path(base).suffix.lower()
    candidate, n = f"{stem}{suffix}", 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}{suffix}", n + 1
    taken.add(candidate)
    return candidate


def check_upload(name: str, data: bytes, limits: Limits) -> None:
    """Raise :class:`UploadRejected` for an empty, oversized, mistyped or binary file."""
    _check_type(name)
    if len(data) > limits.max_file_bytes:
        raise _too_big(name, limits)
    _check_content(name, data[:4096], blank=not data.strip())


async def receive_uploads(files: Sequence[Any], folder: Path, limits: Limits) -> list[str]:
    """Copy ``files`` (Starlette ``UploadFile``) into ``folder`` chunk by chunk, checking
    each limit as the bytes arrive; returns the names written.  Raises UploadRejected."""
    if len(files) > limits.max_files:
        raise UploadRejected(413, f"{len(files)} files is over the limit of {limits.max_files}")
    folder.mkdir(parents=True)
    taken: set[str] = set()
    names = []
    total = 0
    for upload in files:
        name = upload.filename or "upload.txt"
        _check_type(name)
        saved = safe_name(name, taken)
        head = b""
        blank = True
        size = 0
        with open(folder / saved, "wb") as out:
            while chunk := await upload.read(CHUNK):
                size += len(chunk)
                total += len(chunk)
                if size > limits.max_file_bytes:
                    raise _too_big(name, limits)
                check_request(len(files), total, limits)
                if len(head) < 4096:
                    head += chunk[: 4096 - len(head)]
                blank = blank and not chunk.strip()
                out.write(chunk)
        _check_content(name, head, blank=blank)
        names.append(saved)
    return names


def _check_type(name: str) -> None:
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise UploadRejected(
            415, f"{name}: unsupported type '{suffix or 'none'}'; send {', '.join(SUFFIXES)}"
        )


def _too_big(name: str, limits: Limits) -> UploadRejected:
    return UploadRejected(
        413, f"{name}: over the {limits.max_file_bytes // 2**20} MB limit for one file"
    )


def _check_content(name: str, data: bytes, *, blank: bool) -> None:
    """``data``: the file's first 4 KB."""
    suffix = Path(name).suffix.lower()
    if blank:
        raise UploadRejected(400, f"{name}: the file is empty")
    magic = _MAGIC.get(suffix)
    head = data[:8].lstrip(b"\xef\xbb\xbf \t\r\n")
    if magic is not None and not head.startswith(magic):
        raise UploadRejected(400, f"{name}: not a {suffix[1:].upper()} file")
    if magic is None and b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadRejected(400, f"{name}: binary content, not text")


def check_request(count: int, total: int, limits: Limits) -> None:
    if count == 0:
        raise UploadRejected(400, "no files: send one or more articles as 'files'")
    if count > limits.max_files:
        raise UploadRejected(413, f"{count} files is over the limit of {limits.max_files}")
    if total > limits.max_total_bytes:
        raise UploadRejected(
            413, f"{total // 2**20} MB in one request is over {limits.max_total_bytes // 2**20} MB"
        )
