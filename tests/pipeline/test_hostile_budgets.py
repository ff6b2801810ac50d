"""Issue 21 follow-up: ``glossary find`` and ``translate`` read each input in a worker
under a time budget and memory cap, like ``brief`` and ``summarize``: a huge file costs
one line, and the other inputs are still done."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from fuzz import cases
from processor.batch.executor import Limits
from processor.document_translation import TranslateOptions, translate_files
from tests.support.doubles import tagging
from tests.support.pipeline import article, lines


def test_glossary_find_has_a_time_budget(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(cases.paragraphs(30000))  # 36 MB: about 8 s to read and match
    small = article(tmp_path / "small.txt", 1, 8)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "processor", "glossary", "find", str(big), str(small),
         "--timeout", "2.5"],
        capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert time.monotonic() - started < 120
    assert result.returncode == 1, result.stderr
    (line,) = lines(result.stderr)
    assert line.startswith(f"error: {big}") and "2.5 s" in line, line
    # The other input is still searched (the small one fits its budget).
    found = [row.split("\t")[1] for row in result.stdout.splitlines() if row.startswith(str(small))]
    assert "tokayev" in found, result.stdout[:500]


def test_glossary_find_worker_keeps_its_matches(tmp_path: Path) -> None:
    small = article(tmp_path / "small.txt", 1, 8)
    rows = {}
    for timeout in ("0", "60"):  # in this process, then in a worker: the same lines
        result = subprocess.run(
            [sys.executable, "-m", "processor", "glossary", "find", str(small), "--json",
             "--timeout", timeout],
            capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        rows[timeout] = result.stdout
    assert rows["0"] == rows["60"] and '"id": "tokayev"' in rows["0"]


def test_translate_reads_each_input_under_the_budget(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(cases.paragraphs(30000))  # 36 MB of text: reading alone takes seconds
    small = article(tmp_path / "small.txt", 1, 3)
    out = tmp_path / "out"
    options = TranslateOptions(target="en", use_glossary=False)
    started = time.monotonic()
    results = translate_files(
        [big, small], out, options, translator_factory=lambda s, t: tagging(t, s),
        limits=Limits(jobs=1, timeout=1.5, memory_mb=2048),
    )  # fmt: skip
    assert time.monotonic() - started < 60
    failed, done = results
    assert not failed.ok and "took longer than 1.5 s" in str(failed.error), failed
    assert done.ok, done.error
    assert (out / "small.en.txt").read_text(encoding="utf-8").strip()
    assert not (out / "big.en.txt").exists()
