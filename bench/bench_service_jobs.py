"""Benchmark: the service's time to a second memo, with warm workers and without.

A service job briefs its articles through ``brief_batch`` with one worker and the time
budget (processor/service/app.py).  Here, in one process, job after job on the seed
(``--lang ru``: no translation, so the target is 0.5 s flat): with ``Limits(warm=True)``,
as the service runs, the worker keeps the glossary, its matcher and natasha loaded
between jobs; without it (as before issue 20) each job's worker loads them again.
Alternated, ``--repeat`` times; min and median of each job after the first.

Run: ``python -m bench.bench_service_jobs [--repeat 5]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.harness import SEED, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from processor.batch import Limits
    from processor.batch.run import BatchSettings, brief_batch
    from processor.batch.workers import stop_warm_workers
    from processor.pipeline import BriefOptions

    options = BriefOptions(languages=("ru",), formats=("docx",))
    times: dict[bool, list[float]] = {False: [], True: []}
    with tempfile.TemporaryDirectory() as folder:

        def job(warm: bool, n: int) -> float:
            settings = BatchSettings(limits=Limits(jobs=1, warm=warm), force=True)
            start = time.perf_counter()
            [result] = brief_batch([SEED], Path(folder) / f"{warm}-{n}", options, settings)
            assert result.ok, result.error
            return time.perf_counter() - start

        job(True, -1)  # the first memo of the service: imports and the first worker's loads
        for n in range(max(1, args.repeat)):
            for warm in (False, True):
                times[warm].append(job(warm, n))
        stop_warm_workers()
    rows = [
        (
            "warm worker (the service now)" if warm else "fresh worker per job (before)",
            f"{min(t):.2f}",
            f"{statistics.median(t):.2f}",
        )
        for warm, t in times.items()
    ]
    print(f"seed, --lang ru, {args.repeat} repeats; load {os.getloadavg()[0]:.1f}")
    print(table(rows, ("time to a second memo", "min s", "median s")))
    ratio = statistics.median(times[False]) / statistics.median(times[True])
    print(f"fresh / warm: {ratio:.2f}x (target: warm <= 0.5 s plus the translation time)")


if __name__ == "__main__":
    main()
