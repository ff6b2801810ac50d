"""Inflected forms of glossary phrases, kept between runs.

Building the matcher inflects every phrase of every entry through pymorphy3: 0.6 s for the
built-in glossaries, paid by every worker of every run (each of a batch's workers, each
``processor`` command).  The forms depend only on the phrase, its entry type, the code of
:mod:`processor.glossary.forms` and :mod:`processor.morphology`, and pymorphy3 with its
dictionary; so they are kept in one file per version of those, in the user's cache
folder (``$PROCESSOR_CACHE_DIR``, else ``$XDG_CACHE_HOME/processor``, else
``~/.cache/processor``), and read back in a few milliseconds.  A cache that cannot be
read or written is no error: the forms are computed as before.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from importlib import metadata
from pathlib import Path
from typing import Any

from processor.glossary import forms

# Names found in a day's news join the glossary of that run: past this many phrases the
# file starts again from what this run used, so it never grows without end.
MAX_PHRASES = 50_000
_KEY_PACKAGES = ("pymorphy3", "pymorphy3-dicts-ru")


def cache_dir() -> Path:
    """``$PROCESSOR_CACHE_DIR``, else ``$XDG_CACHE_HOME/processor``, else ``~/.cache/processor``."""
    if env := os.environ.get("PROCESSOR_CACHE_DIR"):
        return Path(env).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "processor"


@functools.cache  # a run may build several matchers (names found in a batch join one)
def _version() -> str:
    """What the forms depend on, hashed: the inflecting code and the dictionary."""
    from processor import morphology

    digest = hashlib.sha256()
    for module in (forms, morphology):
        digest.update(Path(str(module.__file__)).read_bytes())
    for name in _KEY_PACKAGES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    return digest.hexdigest()[:16]


class _FormsOnly(pickle.Unpickler):
    """Unpickles the cache's dict of Form lists and nothing else (a cache file is data)."""

    def find_class(self, module: str, name: str) -> Any:
        # Tuples, lists, frozensets and dicts have opcodes of their own: Form is the one class.
        if (module, name) == (forms.Form.__module__, "Form"):
            return forms.Form
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a forms cache")


class FormsCache:
    """:func:`~processor.glossary.forms.phrase_forms` with the results of earlier runs."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else cache_dir() / f"forms-{_version()}.pickle"
        self.known = self._read()
        self.used: set[tuple[str, str]] = set()
        self.added = 0

    def _read(self) -> dict[tuple[str, str], list[forms.Form]]:
        try:
            with self.path.open("rb") as handle:
                known = _FormsOnly(handle).load()
        except Exception:  # missing, damaged or of another layout: computed again
            return {}
        return known if isinstance(known, dict) else {}

    def forms(self, phrase: str, entry_type: str) -> list[forms.Form]:
        key = (phrase, entry_type)
        self.used.add(key)
        if key not in self.known:
            self.known[key] = forms.phrase_forms(phrase, entry_type)
            self.added += 1
        return self.known[key]

    def save(self) -> None:
        """Write the cache if this run inflected anything new; never raises."""
        if not self.added:
            return
        keep = self.known
        if len(keep) > MAX_PHRASES:
            keep = {key: value for key, value in keep.items() if key in self.used}
        payload = pickle.dumps(keep, protocol=pickle.HIGHEST_PROTOCOL)
        from processor.fileio import write_atomic

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, lambda handle: handle.write(payload))
        except Exception:  # a read-only home or a full disk: the next run inflects again
            return
        self.added = 0
