"""Commands in pipes: `| head` is no failure; `translate - -o -` writes to stdout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.data import SEED
from tests.support.pipeline import lines, run


def test_closed_stdout_is_not_a_failure(tmp_path: Path) -> None:
    """`processor summarize ... | head -1`: the reader leaves early; exit 0, no traceback."""
    inputs = [str(SEED)]
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        done = subprocess.run(
            [sys.executable, "-m", "processor", "summarize", *inputs],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


def test_translate_stdin_to_stdout_creates_no_folder(tmp_path: Path, monkeypatch) -> None:
    from tests.support.doubles import tagging

    monkeypatch.setattr(
        "processor.translation.engines.routes.get_translator",
        lambda source, target, settings=None: tagging(target=target, source=source),
    )
    monkeypatch.chdir(tmp_path)
    text = "Президент Казахстана провел совещание с членами правительства в Астане."
    result = run("translate", "-", "--to", "en", "-o", "-", "--no-glossary", stdin=text)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"EN({text})\n"
    assert list(tmp_path.iterdir()) == []
    assert lines(result.stderr) == ["ok: <stdin> -> done"]


def test_docx_cannot_go_to_stdout(tmp_path: Path) -> None:
    result = run("translate", SEED, "--to", "en", "-o", "-", "--format", "docx")
    assert result.exit_code == 2
    assert "-o - writes text" in result.stderr
