"""The one rule for what a run may read and what it may write.

Read: regular files (and standard input, which the readers handle).  A FIFO, a device
or a socket is refused before a single byte is read: ``/dev/zero`` never ends and a FIFO
with no writer blocks forever.  The file is opened without blocking and checked on the
open descriptor, so what is checked is what is read.

Write: an output is never one of the run's inputs (``brief a.txt --manifest a.txt``), and
files under an output folder are never inputs (``brief news -o news/briefs`` run daily
would otherwise brief its own memos).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable

from processor.errors import InputError, OutputError, ProcessorError


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(
    path: str | os.PathLike[str],
    limit: int,
    *,
    error: type[ProcessorError] = InputError,
    what: str = "file",
    check_size: Callable[[int], None] | None = None,
) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises ``error`` (one line naming the file) when it is missing, not a regular file,
    unreadable, or larger than ``limit`` (``check_size(size)``, when given, raises for
    that instead, with its own words).
    """
    name = os.fspath(path)
    try:
        # O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(f"no such {what}", path=name) from None
    except IsADirectoryError:
        raise error(f"is a folder, not a {what}", path=name) from None
    except PermissionError:
        raise error("permission denied", path=name) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", path=name) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"is a folder, not a {what}", path=name)
        if not stat.S_ISREG(info.st_mode):
            raise error(f"is {_kind(info.st_mode)}, not a {what}; give a regular file", path=name)
        if check_size is not None:
            check_size(info.st_size)
        if info.st_size > limit:
            raise error(
                f"{what} is {_size(info.st_size)}, over the {_size(limit)} limit", path=name
            )
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)  # a file that grows while read is bounded too
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", path=name) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        if check_size is not None:
            check_size(len(data))
        raise error(f"{what} grew over the {_size(limit)} limit while read", path=name)
    return data


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 100_000 else f"{n} bytes"


def _real(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(os.fspath(path))


def is_within(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> bool:
    """True when ``path`` is ``folder`` or lies inside it (symbolic links resolved)."""
    inner, outer = _real(path), _real(folder)
    return inner == outer or inner.startswith(outer.rstrip(os.sep) + os.sep)


def check_not_input(
    dest: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]], *, what: str = "output"
) -> None:
    """Raise :class:`OutputError` when writing ``dest`` would replace one of ``inputs``."""
    if os.fspath(dest) == "-":
        return
    target = _real(dest)
    for item in inputs:
        name = os.fspath(item)
        if name != "-" and _real(name) == target:
            raise OutputError(
                f"the {what} would replace the input {name}; choose another name",
                path=os.fspath(dest),
            )
