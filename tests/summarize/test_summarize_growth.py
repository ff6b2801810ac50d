"""Issue 21, item 10: summarizing grows linearly and runs under a time budget.  sumy's
LexRank built an n x n matrix in pure Python (589 KB of text: 51 s; 5 MB: MemoryError)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from fuzz import cases
from processor.readers import read_bytes
from processor.summarize import ranking, select
from tests.support.pipeline import lines


def test_sumy_never_ranks_more_than_a_bounded_set(monkeypatch) -> None:
    seen: list[int] = []
    original = ranking.SumyRanker.rank

    def spy(self, doc, sentences):  # type: ignore[no-untyped-def]
        seen.append(len(sentences))
        return original(self, doc, sentences)

    monkeypatch.setattr(ranking.SumyRanker, "rank", spy)
    doc = read_bytes(cases.paragraphs(600), name="long.txt").segment()
    total = sum(1 for _ in doc.sentences())
    assert total > 2 * ranking.MAX_RANKED
    selection = select(doc)
    assert max(seen) <= ranking.MAX_RANKED
    assert selection.key_points, "a long text still has key points"


def test_an_article_is_ranked_as_sumy_ranks_it() -> None:
    """Up to MAX_RANKED sentences (every real article) nothing changes: one sumy ranking."""
    doc = read_bytes(cases.seed_text().encode(), name="seed.txt").segment()
    sentences = list(doc.sentences())
    assert len(sentences) <= ranking.MAX_RANKED
    ranker = ranking.ranker("lexrank")
    assert isinstance(ranker, ranking.SumyRanker)
    assert ranker(doc, sentences) == ranker.rank(doc, sentences)


def test_summarize_has_a_time_budget(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(cases.paragraphs(3000))
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "processor", "summarize", str(big), "--timeout", "1"],
        capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert time.monotonic() - started < 120
    assert result.returncode == 1
    (line,) = lines(result.stderr)
    assert line.startswith(f"error: {big}") and "1 s" in line, line
