"""Model archives (``.argosmodel`` zip files): checked before extraction, extracted with limits.

Everything about an archive is decided from its central directory before one byte
is written: entries that leave their folder (``..``, absolute paths, drive letters),
symlinks, encrypted or unsupported entries, duplicate names, more than one top-level
folder, and sizes beyond the limits below.  Extraction then writes each entry
itself (no ``extractall``) and counts the bytes it writes, so a lying header cannot
exceed the limits either.

The limits can be raised for unusually large packages with
``PROCESSOR_MODEL_MAX_BYTES`` (total uncompressed size, bytes).
"""

from __future__ import annotations

import lzma
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from processor.errors import ModelError

# The largest Argos packages are ~400 MB unpacked; NLLB-1.3B int8 is ~1.4 GB.
DEFAULT_MAX_BYTES = 4 << 30
MAX_BYTES_ENV = "PROCESSOR_MODEL_MAX_BYTES"
# Compression ratio refused for any entry bigger than RATIO_MIN_BYTES (model weights
# compress about 1.1:1, vocabularies about 3:1; a zip bomb 1000:1 and more).
MAX_RATIO = 100
RATIO_MIN_BYTES = 1 << 20
MAX_ENTRIES = 10_000
SUPPORTED_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
# What a damaged member raises while it is read (bad CRC, bad deflate/LZMA data...).
_CORRUPT = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)
_CONTROL = re.compile(r"[\x00-\x1f]")


@dataclass(frozen=True)
class ArchivePlan:
    """What a checked archive will extract: its one top-level folder and its entries."""

    top: str
    entries: tuple[tuple[zipfile.ZipInfo, PurePosixPath], ...]  # directories included
    total: int  # uncompressed bytes


def max_bytes() -> int:
    """The total-size limit: ``$PROCESSOR_MODEL_MAX_BYTES`` or 4 GiB."""
    value = os.environ.get(MAX_BYTES_ENV, "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_BYTES


def _open(archive: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else None
        reason = reason or "corrupt or truncated zip"
        raise ModelError(f"not a valid .argosmodel ({reason})", path=str(archive)) from None


def _entry_path(info: zipfile.ZipInfo) -> PurePosixPath:
    """The entry's safe relative path; a ModelError for anything that could escape."""
    name = info.filename
    shown = repr(name[:80])
    if _CONTROL.search(name):
        raise ModelError(f"unsafe archive: control character in entry name {shown}")
    normal = name.replace("\\", "/")
    if normal.startswith("/") or re.match(r"^[A-Za-z]:", normal):
        raise ModelError(f"unsafe archive: absolute path {shown}")
    parts = PurePosixPath(normal).parts
    if ".." in parts:
        raise ModelError(f"unsafe archive: entry {shown} leaves its folder")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise ModelError(f"unsafe archive: symlink entry {shown}")
    if info.flag_bits & 0x1:
        raise ModelError(f"encrypted entry {shown} (model archives are never encrypted)")
    if info.compress_type not in SUPPORTED_METHODS:
        raise ModelError(f"entry {shown} uses unsupported compression {info.compress_type}")
    return PurePosixPath(*parts) if parts else PurePosixPath()


def check_archive(archive: Path) -> ArchivePlan:
    """Check ``archive`` without extracting anything; refuse unsafe, broken or oversized ones."""
    limit = max_bytes()
    with _open(archive) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ModelError(f"too many entries ({len(infos)})", path=str(archive))
        entries: list[tuple[zipfile.ZipInfo, PurePosixPath]] = []
        seen: set[PurePosixPath] = set()
        total = 0
        for info in infos:
            try:
                rel = _entry_path(info)
            except ModelError as exc:
                exc.path = str(archive)
                raise
            if not rel.parts:
                continue
            if rel in seen and not info.is_dir():
                raise ModelError(f"duplicate entry {info.filename[:80]!r}", path=str(archive))
            seen.add(rel)
            total += info.file_size
            if total > limit:
                raise ModelError(
                    f"unpacks to more than {limit} bytes (raise {MAX_BYTES_ENV} if it is genuine)",
                    path=str(archive),
                )
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_MIN_BYTES and ratio > MAX_RATIO:
                raise ModelError(
                    f"entry {info.filename[:80]!r} expands {ratio:.0f} times (a zip bomb?)",
                    path=str(archive),
                )
            entries.append((info, rel))
    tops = {rel.parts[0] for _, rel in entries}
    if len(tops) != 1:
        raise ModelError(
            f"expected one top-level folder in the archive, found {len(tops)}", path=str(archive)
        )
    top = tops.pop()
    if top.startswith("."):
        raise ModelError(f"unsafe archive: hidden top-level folder {top!r}", path=str(archive))
    return ArchivePlan(top, tuple(entries), total)


def extract(archive: Path, plan: ArchivePlan, dest: Path) -> Path:
    """Write the checked entries of ``archive`` under ``dest``; return ``dest / plan.top``.

    Each entry's bytes are counted: no more than its declared size (zipfile stops
    there) and no more than the total limit are ever written.
    """
    budget = max_bytes()
    try:
        with _open(archive) as zf:
            for info, rel in plan.entries:
                target = dest.joinpath(*rel.parts)
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(target, "xb") as out:
                    while chunk := src.read(1 << 20):
                        budget -= len(chunk)
                        if budget < 0:
                            raise ModelError("unpacks to more than its limit", path=str(archive))
                        out.write(chunk)
    except _CORRUPT as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(f"corrupt archive ({reason})", path=str(archive)) from None
    except OSError as exc:  # a full disk, a file where a folder should be, a name too long
        raise ModelError(f"cannot extract: {exc.strerror or exc}", path=str(archive)) from None
    return dest / plan.top
