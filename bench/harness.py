"""The one small harness every benchmark uses.

Benchmarks report ratios against a baseline measured in the same process, so the
numbers mean something on any machine (and are never asserted by the test suite).
Run a benchmark from the repository root as a module: ``python -m bench.bench_summarize``.
"""

from __future__ import annotations

import os
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "examples" / "zakon-tokayev-trump.ru.txt"


def shared_data(*parts: str) -> Path | None:
    """A file under ``../shared/data`` (benchmarks and evaluation only), or None."""
    root = Path(os.environ.get("PROCESSOR_SHARED_DATA", REPO.parent / "shared" / "data"))
    path = root.joinpath(*parts)
    return path if path.exists() else None


@dataclass(frozen=True)
class Timing:
    """Median wall time over the repeats and the peak traced Python memory of one run."""

    seconds: float
    peak_mib: float

    def ratio(self, baseline: Timing) -> float:
        return self.seconds / baseline.seconds if baseline.seconds else float("inf")


def timed(func: Callable[[], object], repeat: int = 3, *, trace_memory: bool = True) -> Timing:
    """Run ``func`` ``repeat`` times; one more run under tracemalloc for the peak."""
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    peak = 0.0
    if trace_memory:
        tracemalloc.start()
        try:
            func()
            peak = tracemalloc.get_traced_memory()[1] / 2**20
        finally:
            tracemalloc.stop()
    return Timing(statistics.median(times), peak)


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    """A Markdown table, ready to paste into a closing note."""
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]

    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), sep, *(line(r) for r in rows)])
