"""Issue 21 follow-up: ``glossary find`` and ``translate`` read each input in a worker
under a time budget and memory cap, like ``brief`` and ``summarize``: a huge file costs
one line, and the other inputs are still done."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from fuzz import cases
from processor.batch.executor import Limits
from processor.document_translation import TranslateOptions, translate_files
from tests.support.doubles import RecordingTranslator
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


class Slow(RecordingTranslator):
    """Takes 2 ms a sentence, like a model on a slow machine: the big input's translation
    spends the budget whatever the machine's speed, the small one's does not."""

    def __init__(self) -> None:
        super().__init__(lambda s: f"EN({s})", name="slow")

    def translate(self, sentences: Sequence[str]) -> list[str]:
        time.sleep(min(0.002 * len(sentences), 3.0))
        return super().translate(sentences)


def test_translate_has_a_time_budget_for_reading_and_translating(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(cases.paragraphs(30000))  # 36 MB of text: read in a worker, then cut
    small = article(tmp_path / "small.txt", 1, 3)
    out = tmp_path / "out"
    options = TranslateOptions(target="en", use_glossary=False)
    started = time.monotonic()
    results = translate_files(
        [big, small], out, options, translator_factory=lambda s, t: Slow(),
        limits=Limits(jobs=1, timeout=1.5, memory_mb=2048),
    )  # fmt: skip
    assert time.monotonic() - started < 60
    failed, done = results
    # Reading (in a worker) or translating (here) spends the budget: the same line.
    assert not failed.ok and "took longer than 1.5 s" in str(failed.error), failed
    assert str(big) in str(failed.error)
    assert done.ok, done.error
    assert (out / "small.en.txt").read_text(encoding="utf-8").strip()
    assert not (out / "big.en.txt").exists()
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no partial file


def test_the_engine_checks_the_budget_between_slices(tiny_ru_en, tiny_settings) -> None:
    """A real CTranslate2 model: a long input goes in slices, and a spent budget stops it
    at the next slice instead of at the end of the document."""
    from processor import deadline
    from processor.errors import InputError
    from processor.translation.engines.ct2 import SLICE_SENTENCES, CT2Translator

    engine = CT2Translator(tiny_ru_en, "ru", "en", tiny_settings)
    sentences = [f"Предложение номер {i}." for i in range(SLICE_SENTENCES * 3)]
    assert len(engine.translate(sentences)) == len(sentences)
    assert engine.batch_calls == 3
    engine.batch_calls = 0
    with deadline.within(0.0), pytest.raises(InputError, match="took longer than 0 s"):
        engine.translate(sentences)
    assert engine.batch_calls == 1  # the first slice, then the check
