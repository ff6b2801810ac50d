"""A batch of short Russian articles with this checkout and with an earlier commit, side by side.

``bench_batch`` compares settings of today's code; this one compares the code itself:
the same ``processor brief --lang ru`` command over the same articles, run by each
version in its own subprocess (start-up included, as a user sees it), ``--jobs 1`` and
``--jobs 2``, alternated so that drifting load hits each alike.  The earlier version is
unpacked from git (``git archive``) into a temporary folder and imported from there with
this environment's packages.  The default commit is the last one before issue 20's work
(thread pools, the lighter render, parse-once).  ``--busy N`` keeps N other processes
spinning meanwhile: an analyst's machine runs more than one batch.  Run from the
repository root, with and without the machine's OPENBLAS_* variables::

    python -m bench.bench_batch_before --count 200
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.harness import REPO, table
from tests.support.batch import write_articles

BEFORE_ISSUE_20 = "5c6371c50b1d902c95bd7f402f051e024e4cc1ca"


def unpack(commit: str, folder: Path) -> Path:
    """The ``processor`` package (and its glossaries) of ``commit``, under ``folder``."""
    archive = folder / "before.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "archive", commit], cwd=REPO, stdout=out, check=True)
    root = folder / "before"
    with tarfile.open(archive) as tar:
        tar.extractall(root, filter="data")
    return root


def brief(root: Path, inputs: Path, jobs: int, out: Path) -> float:
    """Seconds of one ``processor brief`` of ``inputs`` by the code under ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    command = [sys.executable, "-m", "processor", "brief", str(inputs), "-o", str(out)]
    command += ["--lang", "ru", "--jobs", str(jobs), "--force"]
    start = time.perf_counter()
    subprocess.run(command, cwd=root, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def _spin() -> None:
    while True:
        pass


@contextmanager
def busy(count: int) -> Iterator[None]:
    spinners = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(count)]
    for spinner in spinners:
        spinner.start()
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--commit", default=BEFORE_ISSUE_20)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--busy", type=int, default=0, help="processes spinning meanwhile")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "articles"
        write_articles(inputs, args.count)
        roots = {"before": unpack(args.commit, Path(folder)), "now": REPO}
        kinds = [(version, jobs) for jobs in (1, 2) for version in roots]
        times: dict[tuple[str, int], list[float]] = {kind: [] for kind in kinds}
        with busy(args.busy):
            for _ in range(args.repeat):
                for version, jobs in kinds:
                    out = Path(folder) / f"out-{version}-{jobs}"
                    times[version, jobs].append(brief(roots[version], inputs, jobs, out))
    median = {kind: statistics.median(t) for kind, t in times.items()}
    rows = [
        (
            f"{version}, --jobs {jobs}",
            f"{min(times[version, jobs]):.1f}",
            f"{median[version, jobs]:.1f}",
            f"{median['before', 1] / median[version, jobs]:.2f}",
            f"{median['before', jobs] / median[version, jobs]:.2f}",
        )
        for version, jobs in kinds
    ]
    tuned = {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS_")}
    print(
        f"{args.count} articles, --lang ru, {args.repeat} alternated repeats, "
        f"{args.busy} busy processes; before = {args.commit[:10]}; OPENBLAS_* set: "
        f"{tuned or 'none'}; load {os.getloadavg()[0]:.1f}"
    )
    print(
        table(
            rows,
            ("run", "min s", "median s", "before --jobs 1 / this", "before same --jobs / this"),
        )
    )


if __name__ == "__main__":
    main()
