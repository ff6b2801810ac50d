"""Benchmark: size, load time and memory of the built-in glossaries; `glossary find` on the seed.

What a user pays before the first match: reading and validating the YAML files, then
building the matcher (every entry inflected in all cases and numbers).  Baselines measured
in the same process:

* parsing the same YAML with PyYAML alone (the floor any YAML glossary pays);
* the same steps for ``kazakhstan.yaml`` alone (the glossary before issue 17 widened it),
  so the cost of the extra entries is a ratio, not a guess.

The end-to-end time of ``processor glossary find`` on the seed (a fresh process: start-up,
pymorphy3, load, build, match) is measured against ``processor --help`` in a fresh process.

Run from the repository root:  python -m bench.bench_glossary_load [--repeat 5]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from bench.harness import SEED, peak_rss_mib, table
from processor.glossary import Glossary, load_glossaries
from processor.glossary.load import builtin_paths


def _times(func: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(min, median) wall seconds over ``repeat`` runs."""
    runs = []
    for _ in range(max(1, repeat)):
        gc.collect()
        start = time.perf_counter()
        func()
        runs.append(time.perf_counter() - start)
    return min(runs), statistics.median(runs)


def _memory(func: Callable[[], object]) -> tuple[float, float]:
    """(peak, retained) traced Python memory in MiB of one run, the result kept alive."""
    gc.collect()
    tracemalloc.start()
    try:
        kept = func()
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del kept
    return peak / 2**20, retained / 2**20


def _yaml_only(paths: list[Path]) -> object:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return [yaml.load(p.read_text(encoding="utf-8"), Loader=loader) for p in paths]


def _load_and_build(paths: list[Path]) -> Glossary:
    glossary = load_glossaries(paths, builtin=False)
    glossary.matcher  # noqa: B018 - what the first `find` builds
    return glossary


def _cli(args: list[str], repeat: int) -> tuple[float, float]:
    command = [sys.executable, "-m", "processor", *args]
    return _times(lambda: subprocess.run(command, check=True, capture_output=True), repeat)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from processor.morphology import analyzer

    t0 = time.perf_counter()
    analyzer()  # loaded once per process, reported apart
    morph_load = time.perf_counter() - t0

    every = builtin_paths()
    before = [p for p in every if p.name == "kazakhstan.yaml"]
    glossary = _load_and_build(every)
    kinds = Counter(e.type for e in glossary.entries)
    print(
        f"built-in glossaries: {len(every)} files, {len(glossary)} entries "
        f"({', '.join(f'{n} {k}' for k, n in kinds.most_common())}); "
        f"{glossary.matcher.size} surface forms; kazakhstan.yaml alone: "
        f"{len(load_glossaries(before, builtin=False))} entries"
    )
    rows: list[tuple[str, ...]] = [("pymorphy3 load", f"{morph_load:.2f}", "", "", "once")]
    base_yaml = _times(lambda: _yaml_only(before), args.repeat)
    for label, paths in (("kazakhstan.yaml", before), ("all built-ins", every)):
        y = _times(lambda p=paths: _yaml_only(p), args.repeat)  # type: ignore[misc]
        load = _times(lambda p=paths: load_glossaries(p, builtin=False), args.repeat)  # type: ignore[misc]
        build = _times(lambda p=paths: _load_and_build(p), args.repeat)  # type: ignore[misc]
        peak, kept = _memory(lambda p=paths: _load_and_build(p))  # type: ignore[misc]
        rows += [
            (f"{label}: PyYAML parse only", f"{y[0]:.3f}", f"{y[1]:.3f}",
             f"{y[1] / base_yaml[1]:.2f}", "baseline: kazakhstan.yaml" if paths is before else ""),
            (f"{label}: load_glossaries", f"{load[0]:.3f}", f"{load[1]:.3f}",
             f"{load[1] / base_yaml[1]:.2f}", "read + validate"),
            (f"{label}: load + matcher build", f"{build[0]:.3f}", f"{build[1]:.3f}",
             f"{build[1] / base_yaml[1]:.2f}",
             f"peak {peak:.0f} MiB, kept {kept:.0f} MiB (traced)"),
        ]  # fmt: skip
    text = SEED.read_text(encoding="utf-8")
    find = _times(lambda: glossary.find(text), args.repeat)
    rows.append(("find on the seed (warm matcher)", f"{find[0]:.4f}", f"{find[1]:.4f}", "",
                 f"{len(glossary.find(text))} matches"))  # fmt: skip
    cli_repeat = max(1, args.repeat // 2)
    helps = _cli(["--help"], cli_repeat)
    found = _cli(["glossary", "find", str(SEED)], cli_repeat)
    rows += [
        ("`processor --help` (fresh process)", f"{helps[0]:.2f}", f"{helps[1]:.2f}", "1.00",
         "baseline"),
        ("`processor glossary find` seed", f"{found[0]:.2f}", f"{found[1]:.2f}",
         f"{found[1] / helps[1]:.2f}", "fresh process: start, load, build, find"),
    ]  # fmt: skip
    print(table(rows, ("step", "min s", "median s", "x baseline", "note")))
    print(f"peak RSS of this process: {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
