"""Benchmark: names natasha finds outside the glossary in tests/data/news/, in the
correct nominative before (natasha's spans normalised without a syntax parse) and after
(syntax parse: phrases normalised by their head, names built from their parts), and what
the syntax parse costs per article.

The expected nominatives are labelled by hand in tests/data/names/expected.tsv (one line
per occurrence; an empty nominative means "not a name": no row is right).  Both ways run
in this process, on the same texts, with the built-in glossary.

Run from the repository root:  python -m bench.bench_names [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from collections.abc import Callable

from bench.harness import REPO, peak_rss_mib, table
from processor.glossary import load_glossaries
from processor.glossary.entities import Entity, find_entities
from processor.nlp import parse, pipeline
from processor.readers import read_document

NEWS = REPO / "tests" / "data" / "news"
EXPECTED = REPO / "tests" / "data" / "names" / "expected.tsv"


def _labels() -> list[dict[str, str]]:
    with EXPECTED.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _found(label: dict[str, str], entities: list[Entity]) -> str:
    """The nominative the memo would show for the labelled occurrence ("" when none)."""
    index, start = int(label["paragraph"]), int(label["start"])
    stop = start + len(label["text"])
    hits = [e for e in entities if e.text_index == index and e.start < stop and start < e.stop]
    return hits[0].normal if hits else ""


def _times(func: Callable[[], object], repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        runs.append(time.perf_counter() - start)
    return min(runs), statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    glossary = load_glossaries()
    pipeline()  # natasha's models load once, outside every timing
    texts = {
        path.name: [p.text for p in read_document(path).paragraphs]
        for path in sorted(NEWS.glob("*.txt"))
    }
    labels = _labels()
    rows = []
    for way, syntax in (("before: no syntax parse", False), ("after: syntax parse", True)):
        found = {
            name: find_entities(paras, glossary, syntax=syntax) for name, paras in texts.items()
        }
        right = [lab for lab in labels if _found(lab, found[lab["file"]]) == lab["nominative"]]
        wrong = [
            f"{lab['text']} -> {_found(lab, found[lab['file']]) or '(none)'}"
            for lab in labels
            if lab not in right
        ]
        rows.append((way, f"{len(right)}/{len(labels)}", f"{len(right) / len(labels):.0%}",
                     "; ".join(wrong)))  # fmt: skip
    print(table(rows, ("names natasha finds outside the glossary", "right", "share", "wrong")))

    whole = ["\n\n".join(paras) for paras in texts.values()]
    timing = []
    base = _times(lambda: [parse(t, syntax=False) for t in whole], args.repeat)
    for label, func in (
        ("natasha: morphology + NER (baseline)", lambda: [parse(t, syntax=False) for t in whole]),
        ("natasha: + syntax parse", lambda: [parse(t, syntax=True) for t in whole]),
        ("names, before (no syntax)",
         lambda: [find_entities(p, glossary, syntax=False) for p in texts.values()]),
        ("names, after (syntax + patterns)",
         lambda: [find_entities(p, glossary, syntax=True) for p in texts.values()]),
    ):  # fmt: skip
        low, median = base if label.endswith("(baseline)") else _times(func, args.repeat)
        per = 1000 / len(whole)
        timing.append((label, f"{low * per:.0f}", f"{median * per:.0f}", f"{median / base[1]:.2f}"))
    print()
    print(table(timing, ("per article (ms)", "min", "median", "ratio to baseline (median)")))
    print(f"\n{len(whole)} articles, {args.repeat} repeats; peak RSS {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
