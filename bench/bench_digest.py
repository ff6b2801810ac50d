"""Scale of the digest: preparation throughput per executor, grouping time and memory at N.

Run from the repository root: ``python -m bench.bench_digest --count 1000`` (and 10000).

Inputs are the 69 real articles of tests/data/digest, varied so that each is distinct:
variant k is moved to another day (100 articles a day: N/100 days) and gets its own figure
in the lead (copies of one article are look-alikes on other days, the hard case for
blocking; 1.4 copies of each text a day is denser than real news, so this is pessimistic).

* Preparation (read, segment, select, glossary, lead lemmas and vector) is independent per
  article: its rate is measured end to end on ``--prepare`` varied files through the same
  batch machinery as ``processor digest`` (worker processes with ``--jobs``, and Ray).
* Grouping, planning and the index run on all N records at once: measured at full N, with
  the peak traced memory, so its share of the total at N is measured, not extrapolated.
  The records for N are the prepared ones, varied the same way (date, figure, one lemma).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench.harness import REPO, peak_rss_mib, table

DATA = REPO / "tests" / "data" / "digest"
PER_DAY = 100  # articles a day: a heavy day of Russian-language news about Kazakhstan


def _day(k: int, count: int) -> str:
    import datetime as dt

    days = max(1, count // PER_DAY)
    return (dt.date(2025, 1, 1) + dt.timedelta(days=k % days)).isoformat()


def write_variants(folder: Path, count: int) -> list[str]:
    """``count`` TXT files: the labelled articles, each copy on its own day and figure."""
    sources = sorted(DATA.glob("*.ru.txt"))
    paths = []
    for k in range(count):
        text = sources[k % len(sources)].read_text(encoding="utf-8")
        head, _, body = text.partition("\n\n")
        lines = [ln for ln in head.splitlines() if not ln.startswith("Дата:")]
        lines.append(f"Дата: {_day(k, count)}")
        headline, _, rest = body.partition("\n\n")
        lead = f"По данным на {k % 24}:00, показатель составил {k + 0.5:.1f}%."
        path = folder / f"{k:05d}.ru.txt"
        path.write_text("\n".join(lines) + f"\n\n{headline}\n\n{lead} {rest}", encoding="utf-8")
        paths.append(str(path))
    return paths


def prepare_rate(paths: list[str], executor: str, jobs: int) -> tuple[float, float]:
    """Articles per second and seconds, preparing ``paths`` as ``processor digest`` does."""
    from processor.batch.executor import Limits
    from processor.batch.run import BatchSettings
    from processor.digest.run import DigestOptions, _prepared

    options = DigestOptions(languages=("ru",))
    settings = BatchSettings(limits=Limits(jobs=jobs), executor=executor)  # type: ignore[arg-type]
    began = time.perf_counter()
    failed = sum(isinstance(x, BaseException) for _, x in _prepared(paths, options, settings))
    seconds = time.perf_counter() - began
    assert not failed, f"{failed} inputs failed"
    return len(paths) / seconds, seconds


def varied_records(base: list, count: int) -> list:
    """``count`` records from the prepared ones, each on its own day with its own figure."""
    rng = random.Random(7)
    out = []
    for k in range(count):
        a = base[k % len(base)]
        lemmas = dict(a.lemmas)
        if lemmas:
            lemmas.pop(rng.choice(sorted(lemmas)))
        lemmas[f"вариант{k}"] = 1
        out.append(
            dataclasses.replace(
                a,
                input=f"{k:05d}.ru.txt",
                date=_day(k, count),
                lemmas=lemmas,
                numbers=a.numbers | {f"{k + 0.5:.1f}"},
            )
        )
    return out


def group_cost(records: list, repeat: int) -> tuple[list[float], float, int]:
    """Seconds of grouping + planning + the index (each repeat), peak MiB, stories."""
    from processor.digest.content import build_digest, plan
    from processor.digest.stories import group

    times = []
    stories = 0
    peak = 0.0
    for r in range(repeat):
        if r == repeat - 1:
            tracemalloc.start()
        began = time.perf_counter()
        plans = plan(records, group(records))
        build_digest(plans, "ru")
        times.append(time.perf_counter() - began)
        if r == repeat - 1:
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        stories = len(plans)
    return times, peak, stories


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="articles grouped")
    parser.add_argument("--prepare", type=int, default=60, help="articles prepared per executor")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--executors", default="local:1,local:2,ray:2")
    args = parser.parse_args()

    rates = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_variants(Path(tmp), args.prepare)
        from processor.digest.articles import prepare_article
        from processor.preparation import BriefOptions

        options = BriefOptions(languages=("ru",))
        base = [prepare_article(str(p), options) for p in sorted(DATA.glob("*.ru.txt"))]
        for spec in filter(None, args.executors.split(",")):
            executor, jobs = spec.split(":")
            rates[spec] = prepare_rate(paths, executor, int(jobs))

    records = varied_records(base, args.count)
    times, peak, stories = group_cost(records, args.repeat)
    group_s = min(times)
    print(f"{args.count} articles ({len(base)} real ones varied), {stories} stories")
    median = statistics.median(times)
    per_article = peak * 1024 / args.count
    print(f"grouping + plan + index: min {group_s:.2f} s, median {median:.2f} s over "
          f"{args.repeat} runs; peak traced {peak:.0f} MiB ({per_article:.1f} KiB per article);"
          f" process RSS {peak_rss_mib():.0f} MiB")  # fmt: skip
    rows = []
    for spec, (rate, seconds) in rates.items():
        prepare_s = args.count / rate
        share = group_s / (prepare_s + group_s)
        rows.append((spec, f"{rate:.2f}", f"{seconds:.0f}", f"{prepare_s:.0f}",
                     f"{group_s:.1f}", f"{100 * share:.1f}%"))  # fmt: skip
    header = ("executor:jobs", "articles/s", f"measured s ({args.prepare})",
              f"prepare s at {args.count}", "group s", "group share")  # fmt: skip
    print(table(rows, header))
    print("(machine shared with other engineers' test runs: rates vary between runs)")


if __name__ == "__main__":
    main()
