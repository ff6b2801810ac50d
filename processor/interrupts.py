"""SIGTERM handled like Ctrl-C, so the same cleanup runs for both.

A service manager stops a batch or a model install with SIGTERM; Python's default
would end the process at once and leave temporary files. Inside
:func:`terminate_as_interrupt` SIGTERM raises KeyboardInterrupt instead, and the
``finally`` blocks that remove staging folders and ``.part`` files run.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While inside, SIGTERM raises KeyboardInterrupt (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
