"""Benchmark: how summarizing grows with the length of the text (issue 21, item 10).

Run from the repository root: ``python -m bench.bench_summarize_growth [--repeat 3]``
(``--sumy-whole`` also times sumy ranking the whole text at once, the previous
behaviour, up to 1,000 paragraphs: it is quadratic).

Texts of 100, 1,000 and 10,000 paragraphs are the seed article's paragraphs repeated
(``fuzz.cases.paragraphs``); each is read, segmented and summarized with the default
algorithm (LexRank) as ``processor summarize`` does.  Ratios are against the 100-paragraph
text, measured in the same process: linear growth is about 10x per row.
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.harness import peak_rss_mib, table
from fuzz.cases import paragraphs

SIZES = (100, 1_000, 10_000)


def _times(func: object, repeat: int) -> list[float]:
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sumy-whole", action="store_true")
    args = parser.parse_args()

    from processor.readers import read_bytes
    from processor.summarize import ranking, select

    docs = {n: read_bytes(paragraphs(n), name=f"growth-{n}.txt").segment() for n in SIZES}
    select(docs[100])  # warm: models and stop words load once
    rows = []
    base = None
    for n in SIZES:
        doc = docs[n]
        sentences = sum(1 for _ in doc.sentences())
        times = _times(lambda doc=doc: select(doc), args.repeat)
        median = statistics.median(times)
        base = base or median
        rows.append(
            (
                f"{n:,}",
                f"{sentences:,}",
                f"{min(times):.2f}",
                f"{median:.2f}",
                f"{median / base:.1f}x",
            )
        )
    print(table(rows, ("paragraphs", "sentences", "min s", "median s", "vs 100")))
    print(f"peak RSS of this process: {peak_rss_mib():.0f} MiB")
    if args.sumy_whole:
        ranking.MAX_RANKED = 10**9  # the previous behaviour: one ranking of every sentence
        whole = []
        for n in SIZES[:2]:
            times = _times(lambda n=n: select(docs[n]), 1)
            whole.append((f"{n:,}", f"{times[0]:.2f}"))
            print(*whole[-1], sep="\t", flush=True)
        print(table(whole, ("paragraphs", "whole-text sumy s")))


if __name__ == "__main__":
    main()
