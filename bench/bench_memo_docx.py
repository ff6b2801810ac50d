"""Benchmark: rendering DOCX memos, the parent's work per article in a batch.

Prepares the seed and the news articles of tests/data/news once, then times
``docx_bytes`` over their memos (repeats, min and median per memo) against opening
python-docx's template and saving it, in the same process: what every memo paid before
it reset one opened template and kept the deflated template parts.  Run
``python -m bench.bench_memo_docx`` here and on an older checkout to compare (issue 20:
32 ms per memo, 75% of the parent's time under ``--jobs 2``).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.harness import REPO, SEED, table


def _per_item(func: Callable[[], object], count: int, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) / count * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import docx

    from processor.memo.docx import docx_bytes
    from processor.pipeline import BriefOptions, brief

    inputs = [SEED, *sorted((REPO / "tests" / "data" / "news").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as out:
        results = brief(inputs, Path(out), BriefOptions(languages=("ru",), formats=("json",)))
    memos = [m for r in results for m in r.memos]

    def render() -> None:
        for memo in memos:
            docx_bytes(memo)

    def floor() -> None:
        for _ in memos:
            docx.Document().save(io.BytesIO())

    render()  # first use: imports and the per-process caches
    rows = []
    measured = {"render": render, "template open + save (before)": floor}
    times: dict[str, list[float]] = {name: [] for name in measured}
    for _ in range(args.repeat):  # alternated: the machine's load hits both
        for name, func in measured.items():
            times[name] += _per_item(func, len(memos), 1)
    for name, t in times.items():
        rows.append((name, f"{min(t):.1f}", f"{statistics.median(t):.1f}"))
    ratio = statistics.median(times["render"]) / statistics.median(
        times["template open + save (before)"]
    )
    print(f"{len(memos)} memos, {args.repeat} repeats; load {os.getloadavg()[0]:.1f}")
    print(table(rows, ("per memo", "min ms", "median ms")))
    print(f"render / template open + save: {ratio:.2f}x")


if __name__ == "__main__":
    main()
