"""The property every reader and glossary loader must keep, checked on one input.

``check(target, data)`` feeds ``data`` to the target and returns normally when
it produced a result or raised a :class:`ProcessorError` whose message is one
line.  Anything else (another exception, a message over several lines, more
than :data:`TIME_LIMIT` seconds) raises :class:`Crash`, after saving the input
under ``fuzz/crashes/`` so that it can become a regression file.
"""

from __future__ import annotations

import contextlib
import hashlib
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

from processor.errors import ProcessorError

CRASHES = Path(__file__).resolve().parent / "crashes"
# Seconds one input may take before it counts as a hang (the readers' own bounds
# keep every real case far below it).
TIME_LIMIT = 20.0


class Crash(AssertionError):
    """A target broke the property; the message says how and where the input was saved."""


class _Hang(BaseException):
    """Raised by the alarm; a BaseException so that no ``except Exception`` swallows it."""


def _read(suffix: str) -> Callable[[bytes], object]:
    def run(data: bytes) -> object:
        from processor.readers import read_bytes

        return read_bytes(data, name=f"fuzz{suffix}")

    return run


def _glossary(suffix: str, target: str | None = None) -> Callable[[bytes], object]:
    def run(data: bytes) -> object:
        from processor.glossary.imports import import_file
        from processor.glossary.load import read_glossary

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"fuzz{suffix}"
            path.write_bytes(data)
            return import_file(path, target=target) if target else read_glossary(path)

    return run


TARGETS: dict[str, Callable[[bytes], object]] = {
    "txt": _read(".txt"),
    "txt_encodings": _read(".txt"),
    "md": _read(".md"),
    "html": _read(".html"),
    "sniff": _read(""),  # no suffix: the format is sniffed from the content
    "docx": _read(".docx"),
    "pdf": _read(".pdf"),
    "glossary_yaml": _glossary(".yaml"),
    "glossary_csv": _glossary(".csv", target="en"),
    "glossary_tbx": _glossary(".tbx"),
}


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    def alarm(signum: int, frame: FrameType | None) -> None:
        raise _Hang

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def save_crash(target: str, data: bytes) -> Path:
    CRASHES.mkdir(exist_ok=True)
    path = CRASHES / f"{target}-{hashlib.sha256(data).hexdigest()[:12]}.bin"
    path.write_bytes(data)
    return path


def check(target: str, data: bytes, *, time_limit: float = TIME_LIMIT) -> str:
    """``"ok"`` or ``"error"`` (a one-line ProcessorError); raises :class:`Crash` otherwise."""
    run = TARGETS[target]
    try:
        with _time_limit(time_limit):
            run(data)
    except ProcessorError as exc:
        if "\n" in str(exc) or not str(exc).strip():
            saved = save_crash(target, data)
            raise Crash(f"{target}: message not one line: {str(exc)!r} ({saved})") from exc
        return "error"
    except _Hang:
        saved = save_crash(target, data)
        raise Crash(f"{target}: no result after {time_limit:.0f} s ({saved})") from None
    except Exception as exc:
        saved = save_crash(target, data)
        raise Crash(f"{target}: {type(exc).__name__}: {exc} ({saved})") from exc
    return "ok"
