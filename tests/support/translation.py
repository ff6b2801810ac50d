"""Model-store helpers for tests and the model fuzzer: snapshots and hostile archive edits."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from processor.translation.models.store import ModelStore

Edit = Callable[[str, bytes], "tuple[str, bytes] | None"]


def store_snapshot(store: ModelStore) -> tuple[list[str], list[str]]:
    """Installed names and every entry (hidden ones too) of both store folders."""
    entries = []
    for folder in (store.argos_dir, store.models_dir):
        if folder.exists():
            entries += sorted(str(p.relative_to(folder.parent)) for p in folder.rglob("*"))
    return sorted(m.name for m in store.installed()), entries


def tree(root: Path) -> list[str]:
    """Every path under ``root`` (for "nothing written outside the store" checks)."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []


def rezip(src_archive: Path, dest: Path, edit: Edit) -> Path:
    """Copy an archive entry by entry; ``edit(name, data)`` returns (name, data) or None."""
    with zipfile.ZipFile(src_archive) as zin, zipfile.ZipFile(dest, "w") as zout:
        for info in zin.infolist():
            changed = edit(info.filename, zin.read(info))
            if changed is not None:
                zout.writestr(changed[0], changed[1], zipfile.ZIP_DEFLATED)
    return dest


def replace_entry(src_archive: Path, dest: Path, suffix: str, data: bytes) -> Path:
    """``src_archive`` with the entry ending in ``suffix`` replaced by ``data``."""
    return rezip(src_archive, dest, lambda n, d: (n, data if n.endswith(suffix) else d))


def set_flag_bits(data: bytes, bits: int) -> bytes:
    """Set general-purpose flag ``bits`` on every entry, in local and central headers.

    zipfile cannot write encrypted entries, so the "encrypted" flag (bit 0) is set
    on the bytes, as a hostile or a genuinely encrypted archive would carry it.
    """
    raw = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := raw.find(signature, start)) >= 0:
            flags = int.from_bytes(raw[start + offset : start + offset + 2], "little") | bits
            raw[start + offset : start + offset + 2] = flags.to_bytes(2, "little")
            start += 4
    return bytes(raw)


def nested_json(depth: int) -> bytes:
    """``{"a":[[[...]]]}`` nested ``depth`` levels: valid JSON that recursion-bound parsers fail."""
    return b'{"a":' + b"[" * depth + b"]" * depth + b"}"


def minimal_package(dest: Path, metadata: bytes, *, top: str = "translate-ru_en-1_9") -> Path:
    """A small archive holding only ``top/metadata.json`` (enough to reach metadata parsing)."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{top}/metadata.json", metadata)
    return dest
