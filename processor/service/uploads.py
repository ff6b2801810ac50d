"""Checking uploads before any work: count, size, type, emptiness; one-line 4xx reasons."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

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
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise UploadRejected(
            415, f"{name}: unsupported type '{suffix or 'none'}'; send {', '.join(SUFFIXES)}"
        )
    if not data.strip():
        raise UploadRejected(400, f"{name}: the file is empty")
    if len(data) > limits.max_file_bytes:
        raise UploadRejected(
            413,
            f"{name}: over the {limits.max_file_bytes // 2**20} MB limit for one file",
        )
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
