"""The configuration file: the defaults of a team or a machine, overridden by command-line flags.

``processor.toml`` in ``$XDG_CONFIG_HOME/processor/`` (``~/.config/processor/`` when unset),
or the file given with ``--config PATH``; ``PROCESSOR_CONFIG`` names one too.  Every key
is optional::

    languages = ["en", "kk"]          # memo languages (brief)
    formats = ["docx", "md"]          # memo formats (brief)
    glossaries = ["team.yaml"]        # extra glossaries (brief, translate)
    output = "~/briefs"               # output folder (brief, translate)
    device = "cpu"                    # cpu, cuda or auto
    beam = 4                          # beam size
    threads = 0                       # CPU threads per translation, 0 for all cores
    jobs = 2                          # inputs prepared in parallel
    blas_threads = 1                  # numpy/BLAS threads per process ($PROCESSOR_BLAS_THREADS)
    marking = "For internal use"      # handling marking on every memo

Relative paths are relative to the file's folder; ``~`` is the home folder.  An unknown key
or a value of the wrong type is an error naming the file and the key.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from processor.access import read_regular
from processor.errors import ConfigError

CONFIG_ENV = "PROCESSOR_CONFIG"
CONFIG_NAME = "processor.toml"


@dataclass(frozen=True)
class Config:
    """Settings from the configuration file; None (or empty) where it says nothing."""

    languages: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    glossaries: tuple[Path, ...] = ()
    output: Path | None = None
    device: str | None = None
    beam: int | None = None
    threads: int | None = None
    jobs: int | None = None
    blas_threads: int | None = None
    marking: str | None = None
    path: Path | None = None  # the file read, if any


_LISTS = {"languages", "formats", "glossaries"}
_PATHS = {"glossaries", "output"}
_INTS = {"beam", "threads", "jobs", "blas_threads"}
_CHOICES = {"device": ("cpu", "cuda", "auto")}


def default_path() -> Path:
    """Where the configuration file is looked for when none is named."""
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "processor" / CONFIG_NAME


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """The configuration from ``path``, ``$PROCESSOR_CONFIG`` or the default place.

    A file named explicitly must exist; the default one may be absent (an empty Config).
    """
    named = path or os.environ.get(CONFIG_ENV)
    file = Path(named) if named else default_path()
    if not file.exists():
        if named:
            raise ConfigError("configuration file not found", path=str(file))
        return Config()
    # A regular file only (a FIFO would block); "utf-8-sig": Notepad saves a BOM.
    raw = read_regular(file, 1024 * 1024, error=ConfigError, what="configuration file")
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read the configuration: {exc}", path=str(file)) from exc
    return _parse(data, file)


def _parse(data: dict[str, Any], file: Path) -> Config:
    known = {f.name for f in fields(Config)} - {"path"}
    values: dict[str, Any] = {"path": file}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(
                f"unknown setting '{key}'; known: {', '.join(sorted(known))}", path=str(file)
            )
        values[key] = _value(key, value, file)
    return Config(**values)


def _value(key: str, value: Any, file: Path) -> Any:
    def wrong(expected: str) -> ConfigError:
        return ConfigError(f"'{key}' must be {expected}, not {value!r}", path=str(file))

    if key in _LISTS:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise wrong("a list of strings")
        if key in _PATHS:
            return tuple(_resolve(v, file) for v in items)
        return tuple(v.strip().lower() for v in items)
    if key in _INTS:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise wrong("a whole number, 0 or more")
        return value
    if not isinstance(value, str):
        raise wrong("a string")
    if key in _CHOICES and value not in _CHOICES[key]:
        raise wrong(" or ".join(_CHOICES[key]))
    return _resolve(value, file) if key in _PATHS else value


def _resolve(value: str, file: Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else file.parent / path
