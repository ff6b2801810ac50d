"""What the batch and fault tests share: small Russian articles, a CLI run in a subprocess,
and worker functions (module level, so that worker processes can run them)."""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.support.data import REPO, seed_text

PARTIAL_SUFFIX = ".part"  # processor.fileio's temporary files end so


def seed_paragraphs() -> list[str]:
    return [p.strip() for p in seed_text().split("\n") if len(p.strip()) > 200]


def write_articles(folder: Path, count: int, *, paragraphs: int = 4) -> list[Path]:
    """``count`` distinct short articles (about 3 KB each) made of the seed's paragraphs."""
    pool = seed_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        chosen = [pool[(k * 7 + j * 3) % len(pool)] for j in range(paragraphs)]
        head = f"Сводка №{k + 1}: переговоры президентов Казахстана и США"
        path = folder / f"article-{k:03d}.txt"
        path.write_text("\n\n".join([head, *chosen]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def interruptible() -> None:
    """``preexec_fn`` of a child a test interrupts: Ctrl-C's default handler.

    A child inherits an ignored SIGINT (tests started in the background, under nohup or by
    a runner that ignores it), and Python then never raises KeyboardInterrupt in it.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def brief_command(*args: str | os.PathLike[str]) -> list[str]:
    return [sys.executable, "-m", "processor", "brief", *map(str, args)]


def run_brief(
    *args: str | os.PathLike[str], timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """``processor brief ARGS`` in a subprocess (real signals, real worker processes)."""
    return subprocess.run(
        brief_command(*args), cwd=REPO, capture_output=True, text=True, timeout=timeout
    )


def stray_files(folder: Path) -> list[Path]:
    """Temporary files of atomic writes left behind (there must be none)."""
    return [p for p in folder.rglob("*") if p.name.endswith(PARTIAL_SUFFIX)]


def mtimes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.is_file()}


# --- worker functions for the executor tests --------------------------------------------------


def shout(word: str) -> str:
    """Upper-cases a word; a few words misbehave on purpose."""
    if word == "hang":
        time.sleep(600)
    if word == "exit":
        os._exit(3)
    if word == "segfault":
        ctypes.string_at(0)
    if word == "hog":
        return str(len(bytearray(4 * 2**30)))
    if word == "bad":
        raise ValueError("bad word")
    if word == "unpicklable":
        raise Unpicklable("one", "two")
    return word.upper()


class Unpicklable(Exception):
    """An exception whose constructor needs two arguments: it does not survive pickling."""

    def __init__(self, first: str, second: str):
        super().__init__(f"{first} {second}")
        self.second = second


def pid(_: object) -> int:
    return os.getpid()


def note_pid_and_hang(path: str) -> None:
    """Writes its worker's pid to ``path``, then works on for ten minutes."""
    Path(path).write_text(str(os.getpid()))
    time.sleep(600)


def env(name: str) -> str | None:
    return os.environ.get(name)


def blas_pools(_: object) -> list[int]:
    """The thread counts of the BLAS/OpenMP pools of the process this runs in."""
    from processor.threads import blas_info

    return [int(str(i["num_threads"])) for i in blas_info()]
