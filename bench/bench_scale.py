"""Articles per second: one process, ``--jobs 2``, and Ray with two workers, same batch.

Every run briefs the same articles (``--lang ru``) into a fresh folder, in this process
through :func:`processor.batch.run.brief_batch`; Ray starts a local instance of two CPUs
(its start-up is timed apart and left out of the Ray figure). Ratios are against the
one-process run measured here. Run from the repository root::

    python -m bench.bench_scale [--count 200]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench.bench_batch import run
from bench.harness import table
from processor.batch import Limits
from processor.batch.run import BatchSettings, brief_batch
from processor.pipeline import BriefOptions
from tests.support.batch import write_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    options = BriefOptions(languages=("ru",))
    with tempfile.TemporaryDirectory() as folder:
        paths = write_articles(Path(folder), args.count)
        brief_batch(paths[:2], Path(folder) / "warm", options, BatchSettings(Limits(jobs=1)))
        one = run(paths, options, Limits(jobs=1, timeout=None))
        two = run(paths, options, Limits(jobs=2))

        from processor.batch import ray as on_ray

        began = time.perf_counter()
        on_ray.start(None, workers=2)
        startup = time.perf_counter() - began
        with tempfile.TemporaryDirectory() as out:
            settings = BatchSettings(Limits(jobs=2), force=True, executor="ray")
            began = time.perf_counter()
            done = brief_batch(paths, out, options, settings)
            on_cluster = time.perf_counter() - began
        assert all(r.ok for r in done)
    rows = [
        (name, f"{args.count / seconds:.1f}", f"{one.seconds / seconds:.2f}")
        for name, seconds in [
            ("1 process", one.seconds),
            ("--jobs 2", two.seconds),
            ("Ray, 2 workers", on_cluster),
        ]
    ]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{args.count} articles, --lang ru; Ray start-up {startup:.1f} s (not counted)")
    print(table(rows, ("run", "articles/s", "vs 1 process")))


if __name__ == "__main__":
    main()
