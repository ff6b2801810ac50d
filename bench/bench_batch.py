"""A batch of 500 short Russian articles (``--lang ru``) with --jobs 1 and --jobs 2.

Run it with the machine's OPENBLAS_* variables and without them (``env -u
OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python -m bench.bench_batch``): the kernel
threadpoolctl reports is printed.  ``--count 200`` runs in a few minutes on a quiet machine.

Prints the time per article of each and the speed-up (a ratio measured in this run).
Options: ``--count N`` (default 500), ``--no-glossary``, ``--paragraphs N`` (per article,
default 4: about 3 KB; the seed article has 24).  Run from the repository root::

    python -m bench.bench_batch
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bench.harness import Timing, table, timed
from processor.batch import Limits
from processor.batch.run import BatchSettings, brief_batch
from processor.pipeline import BriefOptions
from processor.results import Result
from processor.threads import blas_info
from tests.support.batch import write_articles


def run(paths: list[Path], options: BriefOptions, limits: Limits) -> Timing:
    """Wall time of one whole batch into a fresh folder (every input done, none skipped)."""
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
    return timing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--no-glossary", action="store_true")
    parser.add_argument("--paragraphs", type=int, default=4, help="per article (4: ~3 KB)")
    args = parser.parse_args()
    options = BriefOptions(languages=("ru",), use_glossary=not args.no_glossary)
    with tempfile.TemporaryDirectory() as folder:
        paths = write_articles(Path(folder), args.count, paragraphs=args.paragraphs)
        # Warm the caches of this process (imports, glossary) so that both runs start equal.
        brief_batch(paths[:2], Path(folder) / "warm", options, BatchSettings(Limits(jobs=1)))
        serial = run(paths, options, Limits(jobs=1, timeout=None))
        one = run(paths, options, Limits(jobs=1))
        two = run(paths, options, Limits(jobs=2))
    rows = [
        (
            name,
            f"{t.seconds:.1f}",
            f"{t.seconds / args.count * 1000:.0f}",
            f"{1 / t.ratio(one):.2f}",
        )
        for name, t in [
            ("--jobs 1", one),
            ("--jobs 2", two),
            ("in one process (--jobs 1 --timeout 0)", serial),
        ]
    ]
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores (other work skews the ratio)")
    blas = ", ".join(f"{i['internal_api']} {i['architecture']}" for i in blas_info())
    tuned = {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS_")}
    print(f"BLAS kernel (threadpoolctl): {blas}; OPENBLAS_* set: {tuned or 'none'}")
    glossary = "off" if args.no_glossary else "on"
    print(f"{args.count} articles of {args.paragraphs} paragraphs, --lang ru, glossary {glossary}")
    print(
        table(
            rows,
            ("run", "wall s", "ms per article", "speed-up over --jobs 1"),
        )
    )


if __name__ == "__main__":
    main()
