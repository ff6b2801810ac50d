"""Benchmark: size, load time and memory of the built-in glossaries; `glossary find` on the seed.

What a user pays before the first match, in a fresh process (cold caches): reading and
validating the YAML files, then building the matcher (every entry inflected in all cases and
numbers).  Each configuration runs in its own fresh process, several times (min and median):

* ``kazakhstan.yaml`` alone, the glossary before issue 17 widened it: the baseline;
* all built-in glossaries;
* (peak traced memory comes from one more run under tracemalloc, which is not timed);
* the first text with a class word ("села Береке"): what reading the place tables of
  villages and rural districts costs (``glossaries/*.tsv``, read only then), in time and
  traced memory;
* with ``--before DIR`` (a source tree of an older commit, e.g. ``git archive <commit> |
  tar -x -C DIR``), the same with that tree's code and glossaries, so code and data before
  and after are compared on the same machine at the same time.

``processor glossary find`` on the seed is timed end to end (start-up, pymorphy3, load,
build, match) against ``processor --help``.

Run from the repository root:  python -m bench.bench_glossary_load [--repeat 5] [--before DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import REPO, SEED, table

# Runs in a fresh interpreter: times one load + build + find, prints them as JSON.
_PROBE = """
import json, sys, time, tracemalloc
from processor.morphology import analyzer
analyzer()
from processor.glossary import load_glossaries
trace, paths = sys.argv[2] == "trace", sys.argv[3:]
if trace:  # a separate run: tracing slows allocation-heavy code several times
    tracemalloc.start()
t0 = time.perf_counter()
g = load_glossaries(paths, builtin=False)
t1 = time.perf_counter()
size = g.matcher.size
t2 = time.perf_counter()
peak = tracemalloc.get_traced_memory()[1] if trace else 0
text = open(sys.argv[1], encoding="utf-8").read()
t3 = time.perf_counter()
n = len(g.find(text))
t4 = time.perf_counter()
g.find("Жители села Береке.")  # a class word: the place tables (*.tsv) are read now, if any
t5 = time.perf_counter()
after = tracemalloc.get_traced_memory()[1] if trace else 0
tracemalloc.stop()
print(json.dumps({"entries": len(g), "forms": size, "load": t1 - t0, "build": t2 - t1,
                  "find": t4 - t3, "matches": n, "place": t5 - t4, "peak_mib": peak / 2**20,
                  "place_mib": after / 2**20}))
"""


def _probe(src: Path, paths: list[Path], repeat: int) -> dict[str, list[float]]:
    runs: dict[str, list[float]] = {}
    for i in range(max(1, repeat) + 1):
        trace = "trace" if i == 0 else "time"  # run 0 measures memory only
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, str(SEED), trace, *map(str, paths)],
            cwd=src,
            capture_output=True,
            text=True,
            check=True,
        )
        for key, value in json.loads(done.stdout.splitlines()[-1]).items():
            if key.endswith("_mib") == (trace == "trace"):
                runs.setdefault(key, []).append(value)
    return runs


def _cli(args: list[str], repeat: int, src: Path = REPO) -> tuple[float, float]:
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        command = [sys.executable, "-m", "processor", *args]
        subprocess.run(command, cwd=src, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def _row(label: str, runs: dict[str, list[float]], base: float) -> tuple[str, ...]:
    total = [a + b for a, b in zip(runs["load"], runs["build"], strict=True)]
    med = statistics.median(total)
    return (
        label,
        f"{int(runs['entries'][0])}",
        f"{int(runs['forms'][0])}",
        f"{min(runs['load']):.2f} / {statistics.median(runs['load']):.2f}",
        f"{min(runs['build']):.2f} / {statistics.median(runs['build']):.2f}",
        f"{min(total):.2f} / {med:.2f}",
        f"{med / base:.2f}",
        f"{statistics.median(runs['peak_mib']):.1f}",
        f"{statistics.median(runs['find']) * 1000:.1f} ({int(runs['matches'][0])})",
        f"{statistics.median(runs['place']) * 1000:.0f}",
        f"{statistics.median(runs['place_mib']):.1f}",
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--before", type=Path, help="source tree of an older commit")
    args = ap.parse_args()

    configs: list[tuple[str, Path]] = []
    if args.before:
        configs.append(("before: code and glossaries of --before", args.before.resolve()))
    configs.append(("now", REPO))
    rows = []
    base = 0.0
    for label, src in configs:
        folder = src / "glossaries"  # the YAML files, then the place tables (*.tsv), if any
        every = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.tsv"))
        alone = [p for p in every if p.name == "kazakhstan.yaml"]
        for what, paths in (("kazakhstan.yaml alone", alone), ("all built-ins", every)):
            runs = _probe(src, paths, args.repeat)
            if not base:
                pairs = zip(runs["load"], runs["build"], strict=True)
                base = statistics.median(a + b for a, b in pairs)
            rows.append(_row(f"{label}: {what} ({len(paths)} files)", runs, base))
    print("fresh process per run; seconds as min / median; x: median load+build / first row's")
    header = ("configuration", "entries", "forms", "load s", "build s", "load+build s", "x",
              "peak MiB (traced)", "find seed ms (matches)", "1st village ms",
              "MiB after it")  # fmt: skip
    print(table(rows, header))
    cli_repeat = max(3, args.repeat // 2)
    helps = _cli(["--help"], cli_repeat)
    cli = [("`processor --help` (now)", f"{helps[0]:.2f}", f"{helps[1]:.2f}", "1.00")]
    for label, src in configs:  # `python -m processor` from src imports that tree's code
        found = _cli(["glossary", "find", str(SEED)], cli_repeat, src)
        name = f"`processor glossary find` seed ({label.split(':')[0]})"
        cli.append((name, f"{found[0]:.2f}", f"{found[1]:.2f}", f"{found[1] / helps[1]:.2f}"))
    print(table(cli, ("fresh process", "min s", "median s", "x --help")))


if __name__ == "__main__":
    main()
