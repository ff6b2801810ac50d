"""A batch of 500 short Russian articles (``--lang ru``) with --jobs 1 and --jobs 2.

Run it with the machine's OPENBLAS_* variables and without them (``env -u
OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python -m bench.bench_batch``): the kernel
threadpoolctl reports is printed.  ``--count 200`` runs in a few minutes on a quiet machine.

Prints the time per article of each and the speed-up (a ratio measured in this run), min
and median of ``--repeat`` alternated runs (a row with every process's BLAS pool as wide
as the machine shows the thread setting before issue 20), and the CPU seconds of the
parent (it renders the memos, and translates; in one process it also prepares every
article, so the difference is the workers' share): where ``--jobs 2`` loses.  Options:
``--count N`` (default 500), ``--repeat N`` (default 3), ``--no-glossary``,
``--paragraphs N`` (per article, default 4: about 3 KB; the seed article has 24).  Run
from the repository root::

    python -m bench.bench_batch
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
from pathlib import Path

from bench.harness import Timing, table, timed
from processor.batch import Limits
from processor.batch.run import BatchSettings, brief_batch
from processor.pipeline import BriefOptions
from processor.results import Result
from processor.threads import blas_info, cores
from tests.support.batch import write_articles


def cpu() -> float:
    """CPU seconds of this process so far, all its threads (workers are the fork server's
    children, not ours: RUSAGE_CHILDREN never sees them)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def run(paths: list[Path], options: BriefOptions, limits: Limits) -> tuple[Timing, float]:
    """Wall time of one whole batch into a fresh folder (every input done, none skipped),
    and the CPU seconds the parent spent."""
    before = cpu()
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as out:
        settings = BatchSettings(limits=limits, force=True)
        timing = timed(
            lambda: results.extend(brief_batch(paths, out, options, settings)),
            repeat=1,
            trace_memory=False,
        )
    failed = [r.error for r in results if not r.ok]
    assert not failed, failed[:3]
    return timing, cpu() - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-glossary", action="store_true")
    parser.add_argument("--paragraphs", type=int, default=4, help="per article (4: ~3 KB)")
    args = parser.parse_args()
    options = BriefOptions(languages=("ru",), use_glossary=not args.no_glossary)
    with tempfile.TemporaryDirectory() as folder:
        paths = write_articles(Path(folder), args.count, paragraphs=args.paragraphs)
        # Warm the caches of this process (imports, glossary) so that both runs start equal.
        brief_batch(paths[:2], Path(folder) / "warm", options, BatchSettings(Limits(jobs=1)))
        runs: dict[str, list[tuple[Timing, float]]] = {}
        kinds = [
            ("--jobs 1", Limits(jobs=1)),
            ("--jobs 2", Limits(jobs=2)),
            ("in one process (--jobs 1 --timeout 0)", Limits(jobs=1, timeout=None)),
            # Every process's BLAS pool as wide as the machine, as before issue 20.
            ("--jobs 1, BLAS threads = cores (before)", Limits(jobs=1, threads=cores())),
        ]
        for _ in range(max(1, args.repeat)):  # alternated: drifting load hits each alike
            for name, limits in kinds:
                runs.setdefault(name, []).append(run(paths, options, limits))
    walls = {name: [t.seconds for t, _ in got] for name, got in runs.items()}
    base = statistics.median(walls["--jobs 1"])
    rows = [
        (
            name,
            f"{min(walls[name]):.1f}",
            f"{statistics.median(walls[name]):.1f}",
            f"{statistics.median(walls[name]) / args.count * 1000:.0f}",
            f"{base / statistics.median(walls[name]):.2f}",
            f"{statistics.median(p for _, p in got):.1f}",
        )
        for name, got in runs.items()
    ]
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores (other work skews the ratio)")
    blas = ", ".join(f"{i['internal_api']} {i['architecture']}" for i in blas_info())
    tuned = {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS_")}
    print(f"BLAS kernel (threadpoolctl): {blas}; OPENBLAS_* set: {tuned or 'none'}")
    glossary = "off" if args.no_glossary else "on"
    print(
        f"{args.count} articles of {args.paragraphs} paragraphs, --lang ru, glossary {glossary}, "
        f"{args.repeat} alternated repeats"
    )
    print(
        table(
            rows,
            (
                "run",
                "min s",
                "median s",
                "ms/article",
                "speed-up (medians)",
                "parent CPU s",
            ),
        )
    )


if __name__ == "__main__":
    main()
