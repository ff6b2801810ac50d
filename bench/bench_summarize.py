"""Benchmark: selecting key points of the seed article and of a 100-document batch.

Run from the repository root: ``python -m bench.bench_summarize [--repeat 5]``

Ratios against baselines measured in the same process:

* selection vs bare sumy LexRank over the same, already segmented sentences
  (what the briefing rules, the morphology included, cost on top of the ranking);
* ``processor --help`` vs bare ``python -c pass`` start-up.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from bench.harness import SEED, Timing, shared_data, table, timed
from processor.model import Document, Paragraph, SourceMeta


def flores_documents(count: int = 100) -> list[Document]:
    """FLORES lines come in runs from one source article: ~10 lines make a document."""
    path = shared_data("flores", "flores-dev.ru-en.ru")
    if path is None:
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    size = max(1, len(lines) // count)
    docs = []
    for i in range(count):
        chunk = lines[i * size : (i + 1) * size]
        paragraphs = [
            Paragraph(j, " ".join(chunk[k : k + 3])) for j, k in enumerate(range(0, len(chunk), 3))
        ]
        docs.append(Document(paragraphs, SourceMeta(f"flores-{i}", "txt")).segment())
    return docs


def bare_lexrank(doc: Document) -> None:
    from processor.summarize.ranking import sumy_document, sumy_summarizer

    sentences = list(doc.sentences())
    sumy_summarizer("lex_rank", "LexRankSummarizer")(sumy_document(doc, sentences)[0], 7)


def startup(cmd: list[str], repeat: int) -> Timing:
    def run() -> None:
        subprocess.run(cmd, check=True, capture_output=True)

    return timed(run, repeat, trace_memory=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from processor.pipeline import read
    from processor.summarize import select

    doc = read(SEED)  # warm imports: the target is "after start-up"
    start = time.perf_counter()
    select(read(SEED))
    first = Timing(time.perf_counter() - start, 0.0)  # loads sumy and pymorphy3 once
    seed_read = timed(lambda: read(SEED), args.repeat)
    base = timed(lambda: bare_lexrank(doc), args.repeat)
    ours = timed(lambda: select(doc), args.repeat)

    rows: list[tuple[str, Timing, Timing | None]] = [
        ("seed: first select in a process (loads models)", first, None),
        ("seed: read + segment", seed_read, None),
        ("seed: bare sumy LexRank (baseline)", base, base),
        ("seed: processor select (LexRank + rules)", ours, base),
    ]
    docs = flores_documents()
    if docs:
        batch_base = timed(lambda: [bare_lexrank(d) for d in docs], 1)
        batch = timed(lambda: [select(d) for d in docs], 1)
        rows += [
            ("100 FLORES docs: bare LexRank (baseline)", batch_base, batch_base),
            ("100 FLORES docs: processor select", batch, batch_base),
        ]
    python = startup([sys.executable, "-c", "pass"], args.repeat)
    helptime = startup([sys.executable, "-m", "processor", "--help"], args.repeat)
    rows += [
        ("start-up: python -c pass (baseline)", python, python),
        ("start-up: processor --help", helptime, python),
    ]
    print(
        table(
            [
                (
                    name,
                    f"{t.seconds:.3f}",
                    f"{t.peak_mib:.1f}",
                    f"{t.ratio(b):.2f}x" if b is not None else "-",
                )
                for name, t, b in rows
            ],
            ("case", "median s", "peak MiB", "ratio"),
        )
    )
    summary = seed_read.seconds + ours.seconds
    print(
        f"\ntargets: --help < 0.3 s ({'met' if helptime.seconds < 0.3 else 'MISSED'}); "
        f"seed summary < 0.5 s after start-up ({'met' if summary < 0.5 else 'MISSED'}: "
        f"{summary:.3f} s); select <= 1.5x bare LexRank "
        f"({'met' if ours.ratio(base) <= 1.5 else 'MISSED'}: {ours.ratio(base):.2f}x)"
    )


if __name__ == "__main__":
    main()
