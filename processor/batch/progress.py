"""A one-line progress bar on a terminal: files done, the file being read, time left.

No dependency: a ``\\r`` line redrawn in place on stderr.  Lines about finished inputs
(``ok:``, ``error:`` ...) are printed above it as each input finishes.  When stderr is not
a terminal (a log, a pipe, cron) no bar is drawn and only those lines appear.
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO


def wanted(stream: TextIO | None = None) -> bool:
    """A bar only on an interactive terminal that can redraw a line."""
    stream = stream or sys.stderr
    return stream.isatty() and os.environ.get("TERM", "") != "dumb"


def duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


class Progress:
    """Counts finished inputs against ``total``; draws only when ``enabled``.

    ``started`` may be called from the executor's thread: drawing is under a lock.
    """

    def __init__(self, total: int, *, enabled: bool, stream: TextIO | None = None):
        self.total = total
        self.done = 0
        self.current = ""
        self.enabled = enabled and total > 0
        self.stream = stream or sys.stderr
        self.began = time.monotonic()
        self.skipped = 0  # up to date: cost nothing, so they do not count for the ETA
        self._lock = threading.Lock()
        self._shown = False

    def started(self, name: str) -> None:
        with self._lock:
            self.current = name
            self._draw()

    def finished(self, say: Callable[[], None] | None = None, *, skipped: bool = False) -> None:
        """One more input finished; ``say`` prints its lines above the bar."""
        with self._lock:
            self.done += 1
            self.skipped += skipped
            if say is not None:
                self._clear()
                say()
            self._draw()

    def close(self) -> None:
        with self._lock:
            self._clear()

    def line(self) -> str:
        share = self.done / self.total if self.total else 1.0
        text = f"[{self.done}/{self.total}] {share:4.0%}"
        worked = self.done - self.skipped
        if worked > 0 and self.done < self.total:
            per_input = (time.monotonic() - self.began) / worked
            text += f"  ETA {duration(per_input * (self.total - self.done))}"
        if self.current and self.done < self.total:
            text += f"  {self.current}"
        return text

    def _draw(self) -> None:
        if not self.enabled:
            return
        width = shutil.get_terminal_size((80, 24)).columns - 1
        line = self.line()
        if len(line) > width:  # keep the end of a long path: the file name
            line = line[: max(0, width - 25)] + "…" + line[-24:]
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def _clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
