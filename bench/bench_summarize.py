"""Benchmark: summarizing the seed article and a 100-document batch.

Run: python bench/bench_summarize.py [--repeat 5]

Reports absolute times and peak memory, and ratios against baselines measured
in the same process, so the numbers mean something on any machine:

* selection vs bare sumy LexRank over the same, already segmented sentences
  (what the briefing rules cost on top of the ranking);
* `processor --help` vs bare `python -c pass` start-up (targets: --help < 0.3 s,
  seed summary < 0.5 s after start-up).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "examples" / "zakon-tokayev-trump.ru.txt"
FLORES = REPO.parent / "shared" / "data" / "flores" / "flores-dev.ru-en.ru"


def timed(func, repeat: int) -> tuple[float, float]:
    """Median seconds over ``repeat`` runs and peak traced memory (MiB) of one run."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak


def flores_documents(count: int = 100) -> list:
    """FLORES lines come in runs from one source article: ~10 lines make a document."""
    from processor.model import Document, Paragraph, SourceMeta

    lines = FLORES.read_text(encoding="utf-8").splitlines()
    size = max(1, len(lines) // count)
    docs = []
    for i in range(count):
        chunk = lines[i * size : (i + 1) * size]
        paragraphs = [
            Paragraph(j, " ".join(chunk[k : k + 3])) for j, k in enumerate(range(0, len(chunk), 3))
        ]
        docs.append(Document(paragraphs, SourceMeta(f"flores-{i}", "txt")).segment())
    return docs


def bare_lexrank(doc) -> None:
    from processor.summarize import _summarizer, _sumy_document

    sentences = list(doc.sentences())
    _summarizer("lexrank")(_sumy_document(doc, sentences)[0], 7)


def startup(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from processor.pipeline import read
    from processor.summarize import select

    read(SEED)  # warm imports: the target is "after start-up"
    seed_read, seed_read_mem = timed(lambda: read(SEED), args.repeat)
    doc = read(SEED)
    base, base_mem = timed(lambda: bare_lexrank(doc), args.repeat)
    ours, ours_mem = timed(lambda: select(doc), args.repeat)

    rows = [
        ("seed: read + segment", seed_read, seed_read_mem, None),
        ("seed: bare sumy LexRank (baseline)", base, base_mem, 1.0),
        ("seed: processor select (LexRank + rules)", ours, ours_mem, ours / base),
    ]
    if FLORES.exists():
        docs = flores_documents()
        batch_base, batch_base_mem = timed(lambda: [bare_lexrank(d) for d in docs], 1)
        batch, batch_mem = timed(lambda: [select(d) for d in docs], 1)
        rows += [
            ("100 FLORES docs: bare LexRank (baseline)", batch_base, batch_base_mem, 1.0),
            ("100 FLORES docs: processor select", batch, batch_mem, batch / batch_base),
        ]
    python = startup([sys.executable, "-c", "pass"], args.repeat)
    helptime = startup([sys.executable, "-m", "processor", "--help"], args.repeat)
    rows += [
        ("start-up: python -c pass (baseline)", python, 0.0, 1.0),
        ("start-up: processor --help", helptime, 0.0, helptime / python),
    ]

    print(f"{'case':46} {'median s':>9} {'peak MiB':>9} {'ratio':>7}")
    for name, seconds, mem, ratio in rows:
        shown = f"{ratio:6.2f}x" if ratio is not None else "      -"
        print(f"{name:46} {seconds:9.3f} {mem:9.1f} {shown}")
    print()
    print(
        f"targets: --help < 0.3 s ({'met' if helptime < 0.3 else 'MISSED'}); "
        f"seed summary < 0.5 s after start-up "
        f"({'met' if seed_read + ours < 0.5 else 'MISSED'}: {seed_read + ours:.3f} s)"
    )


if __name__ == "__main__":
    main()
