"""The cost of isolating each input in a worker process, on a 100-article batch.

Baseline: every input prepared in this process (``--jobs 1 --timeout 0``).  Isolated: the
same batch with the default time budget, so each input runs in a worker process
(``--jobs 1``).  Runs alternate (baseline, isolated, baseline, isolated) and the faster of
each pair counts, so a busy machine skews both alike.  Target: at most 10% slower.
Options: ``--count N`` (default 100), ``--no-glossary``, ``--rounds N`` (default 2)::

    python -m bench.bench_isolation
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bench.bench_batch import run
from bench.harness import Timing, table
from processor.batch import Limits
from processor.batch.run import BatchSettings, brief_batch
from processor.pipeline import BriefOptions
from tests.support.batch import write_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-glossary", action="store_true")
    args = parser.parse_args()
    options = BriefOptions(languages=("ru",), use_glossary=not args.no_glossary)
    modes = {
        "in this process": Limits(jobs=1, timeout=None),
        "isolated (1 worker, 120 s budget)": Limits(jobs=1),
    }
    best: dict[str, Timing] = {}
    with tempfile.TemporaryDirectory() as folder:
        paths = write_articles(Path(folder), args.count)
        brief_batch(paths[:2], Path(folder) / "warm", options, BatchSettings(Limits(jobs=1)))
        for _ in range(max(1, args.rounds)):
            for name, limits in modes.items():
                timing = run(paths, options, limits)
                if name not in best or timing.seconds < best[name].seconds:
                    best[name] = timing
    base = best["in this process"]
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores (other work skews the ratio)")
    print(f"{args.count} articles, --lang ru, glossary {'off' if args.no_glossary else 'on'}")
    print(
        table(
            [
                (
                    name,
                    f"{t.seconds:.1f}",
                    f"{t.seconds / args.count * 1000:.0f}",
                    f"{t.ratio(base):.2f}",
                )
                for name, t in best.items()
            ],
            ("run", "wall s", "ms per article", "ratio to in-process"),
        )
    )


if __name__ == "__main__":
    main()
