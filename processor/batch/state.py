"""What a batch already did, kept in the output folder so that a re-run skips it.

``OUTPUT/.processor-state.json`` (written atomically, merged under a lock of the output
folder so that two runs writing the same folder never lose each other's entries)::

    {"schema": "processor.state/1",
     "inputs": {"/abs/news/a.txt": {"size": 5120, "mtime_ns": 1732..., "sha256": "…",
                                    "options": "<fingerprint>",
                                    "outputs": {"a.en.docx": "<sha256>", …}}}}

An input is up to date when its content is unchanged (size and mtime as recorded, or else
the same sha256), it was briefed with the same options, and every output it wrote is still
there with the content written.  Only complete results are recorded: an input that failed
or lacked a language is done again next time.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from processor.errors import OutputError
from processor.fileio import write_text_atomic

STATE_NAME = ".processor-state.json"
SCHEMA = "processor.state/1"


def sha256_file(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(options: Mapping[str, Any]) -> str:
    """A short digest of everything that shapes the outputs (JSON-able values)."""
    text = json.dumps(options, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Entry:
    """One input as recorded after its outputs were written."""

    size: int
    mtime_ns: int
    sha256: str
    options: str
    outputs: dict[str, str]  # path relative to the output folder -> sha256


@dataclass
class State:
    """The state file of one output folder."""

    folder: Path
    entries: dict[str, Entry] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.folder / STATE_NAME

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> State:
        state = cls(Path(folder))
        state.entries = _read(state.path)
        return state

    def up_to_date(self, source: str, options: str) -> list[Path] | None:
        """The outputs of ``source`` when nothing needs doing, else None."""
        entry = self.entries.get(_key(source))
        if entry is None or entry.options != options:
            return None
        try:
            stat = os.stat(source)
            if stat.st_size != entry.size:
                return None
            if stat.st_mtime_ns != entry.mtime_ns and sha256_file(source) != entry.sha256:
                return None
            outputs = [self.folder / rel for rel in entry.outputs]
            for path, digest in zip(outputs, entry.outputs.values(), strict=True):
                if sha256_file(path) != digest:
                    return None
        except OSError:
            return None
        return outputs

    def record(self, source: str, options: str, outputs: Sequence[Path]) -> None:
        """Remember that ``source`` was briefed into ``outputs`` (all written)."""
        stat = os.stat(source)
        self.entries[_key(source)] = Entry(
            size=stat.st_size,
            mtime_ns=stat.st_mtime_ns,
            sha256=sha256_file(source),
            options=options,
            outputs={os.path.relpath(path, self.folder): sha256_file(path) for path in outputs},
        )

    def save(self) -> None:
        """Merge into the file on disk (another run may have added entries) and replace it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with _locked(self.folder):
            merged = _read(self.path)
            merged.update(self.entries)
            self.entries = merged
            data = {
                "schema": SCHEMA,
                "inputs": {key: vars(entry) for key, entry in sorted(merged.items())},
            }
            write_text_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def _key(source: str) -> str:
    return os.path.abspath(source)


def _read(path: Path) -> dict[str, Entry]:
    """The entries of a state file; a missing, foreign or damaged file counts as empty."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("schema") != SCHEMA:
            return {}
        return {key: Entry(**value) for key, value in data["inputs"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the folder itself: no lock file is left behind."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise OutputError(f"cannot open: {exc.strerror or exc}", path=str(folder)) from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
