"""A short run of the command fuzzer (the long run: ``python -m fuzz.commands``): every
command shape it draws (summarize, brief, translate with a tiny real model, glossary find
and check) on a small hostile input of fuzz/cases.py gives a result or one line: no
traceback, no exit code outside 0-3, no hang."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from fuzz import cases
from fuzz.commands import N_COMMANDS, command, run_cli

SMALL = [
    ("txt", cases.controls_in_text),
    ("html", cases.controls_in_html_meta),
    ("txt", lambda: cases.cut_utf8(3000)),
    ("txt", lambda: cases.utf16_without_bom(True)),
    ("txt", lambda: cases.punctuation(2000)),
    ("html", lambda: cases.html_declared("koi8-r", "utf-8")),
]


@pytest.mark.parametrize("which", range(N_COMMANDS))
def test_every_command_survives_a_hostile_input(
    which: int, tmp_path: Path, tiny_ru_en: object
) -> None:
    suffix, make = SMALL[which % len(SMALL)]
    path = tmp_path / f"in.{suffix}"
    path.write_bytes(make())
    args = command(random.Random(which), path, tmp_path, which, which)
    outcome, detail = run_cli(args, tmp_path, dict(os.environ))
    assert outcome == "ok", detail
