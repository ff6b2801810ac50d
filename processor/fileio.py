"""Atomic file writes: a reader never sees a half-written output.

Content goes to a temporary file in the destination folder, is flushed to disk,
and then renamed over the destination in one step.  If anything fails (or the
user presses Ctrl-C) the temporary file is removed and the destination is
untouched.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from processor.errors import OutputError


@contextlib.contextmanager
def atomic_path(dest: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``dest``; move it onto ``dest`` on success."""
    dest = Path(dest)
    if _read_only(dest):
        # A replace would succeed (it needs only the folder): respect the owner's lock.
        raise OutputError("is read-only; not replaced", path=str(dest))
    # Ctrl-C or SIGTERM is held back from mkstemp until the try below that removes the
    # file (a batch interrupted right after mkstemp left a '.part' file behind).
    previous = _hold_signals()
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    except BaseException as exc:
        _release_signals(previous)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write here: {exc.strerror or exc}", path=str(dest)) from exc
        raise
    tmp = Path(tmp_name)
    try:
        _release_signals(previous)  # a signal held back arrives here: the file goes
        os.close(fd)
        # mkstemp creates 0600; an output should get the permissions any new file gets.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        yield tmp
        try:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, dest)
        except OSError as exc:  # a full disk can show only here
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(dest)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


_HELD = {signal.SIGINT, signal.SIGTERM}


def _hold_signals() -> set[int | signal.Signals] | None:
    """Block SIGINT and SIGTERM in this thread (where the OS can); the mask before."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)


def _release_signals(previous: set[int | signal.Signals] | None) -> None:
    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _read_only(path: Path) -> bool:
    try:
        return path.is_file() and not path.stat().st_mode & 0o222
    except OSError:
        return False


def write_atomic(dest: str | os.PathLike[str], writer: Callable[[IO[bytes]], object]) -> Path:
    """Write ``dest`` atomically; ``writer`` receives a binary file object."""
    with atomic_path(dest) as tmp:
        try:
            with open(tmp, "wb") as fh:
                writer(fh)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(dest)) from exc
    return Path(dest)


def write_text_atomic(dest: str | os.PathLike[str], text: str) -> Path:
    def write(fh: IO[bytes]) -> None:
        fh.write(text.encode("utf-8"))

    return write_atomic(dest, write)
