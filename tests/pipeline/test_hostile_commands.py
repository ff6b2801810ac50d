"""Issue 21, items 1, 2, 7, 8 and 9: nothing a run writes replaces an input or is read back
as one; special files are refused at once; a control character never stops a memo; a
glossary is bounded once its aliases are expanded.  The cases come from fuzz/cases.py."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

from fuzz import cases
from processor.cli.common import EXIT_FAILED, EXIT_USAGE
from tests.support.pipeline import article, lines, run

SPECIAL_TIMEOUT = 60  # seconds; the bug was "waits forever"


def _cli(*args: object, cwd: Path, timeout: float = SPECIAL_TIMEOUT) -> subprocess.CompletedProcess:
    """``processor ARGS`` in a child process: a hang fails the test instead of stalling it."""
    return subprocess.run(
        [sys.executable, "-m", "processor", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def test_manifest_never_replaces_an_input(tmp_path: Path) -> None:
    victim = article(tmp_path / "victim.txt", 1, 8)
    before = victim.read_bytes()
    result = run("brief", victim, "--manifest", victim, "--lang", "ru", "-o", tmp_path / "out")
    assert result.exit_code == EXIT_USAGE, result.output
    assert "would replace the input" in result.stderr
    assert victim.read_bytes() == before
    assert not (tmp_path / "out").exists()


def test_output_folder_inside_the_input_folder_is_never_read(tmp_path: Path) -> None:
    news = tmp_path / "news"
    article(news / "a.txt", 1, 8)
    for day in range(2):  # run daily: the memos of day one are not day two's inputs
        result = run(
            "brief", news, "-o", news / "briefs", "--format", "docx,md", "--lang", "ru", "--force"
        )
        assert result.exit_code == 0, result.output
        assert len(lines(result.stderr)) == 1, (day, result.stderr)
    found = sorted(p.relative_to(news).as_posix() for p in news.rglob("*") if p.is_file())
    assert found == ["a.txt", "briefs/.processor-state.json", "briefs/a.ru.docx", "briefs/a.ru.md"]


def test_translate_output_folder_inside_the_input_folder_is_never_read(tmp_path: Path) -> None:
    from processor.outputs import collect_sources

    news = tmp_path / "news"
    article(news / "a.txt", 1, 8)
    article(news / "out" / "a.en.md", 1, 8)  # yesterday's output
    found = [s.path for s in collect_sources([str(news)], exclude=[news / "out"])]
    assert found == [str(news / "a.txt")]


def test_control_characters_never_stop_a_memo(tmp_path: Path) -> None:
    text = tmp_path / "controls.txt"
    text.write_bytes(cases.controls_in_text())
    page = tmp_path / "meta.html"
    page.write_bytes(cases.controls_in_html_meta())
    out = tmp_path / "out"
    result = run("brief", text, page, "-o", out, "--lang", "ru", "--marking", "ДСП\x01")
    assert result.exit_code == 0, result.output
    memo = docx.Document(str(out / "controls.ru.docx"))
    body = "\n".join(p.text for p in memo.paragraphs)
    assert "Токаев" in body and "\x01" not in body
    tables = [c.text for t in memo.tables for row in t.rows for c in row.cells]
    assert any("%" in c for c in tables), "the figures table lost its figures"
    header = memo.sections[0].header.paragraphs[0].text
    assert "ДСП" in header and "\x01" not in header
    memo = docx.Document(str(out / "meta.ru.docx"))
    assert "Zakon.kz" in [c.text for t in memo.tables for row in t.rows for c in row.cells]
    from processor.readers import read_document

    assert read_document(page).meta.author == "Иван Петров"


def test_glossary_check_refuses_what_a_memo_cannot_hold(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(cases.glossary_with_control())
    result = run("glossary", "check", bad)
    assert result.exit_code != 0
    assert "control character U+0001" in result.output and f"{bad}:" in result.output
    brief = run("brief", article(tmp_path / "a.txt", 1, 8), "-g", bad, "--lang", "ru")
    assert brief.exit_code == EXIT_FAILED
    assert len(lines(brief.stderr)) == 1 and "U+0001" in brief.stderr


def test_glossary_bounded_after_alias_expansion(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_bytes(cases.glossary_alias_repeat(chunk=10_000, repeats=3_000))
    assert bomb.stat().st_size < 100_000
    started = time.monotonic()
    check = run("glossary", "check", bomb)
    find = run("glossary", "find", article(tmp_path / "a.txt", 1, 8), "-g", bomb)
    assert time.monotonic() - started < 30
    for result in (check, find):
        assert result.exit_code == EXIT_FAILED, result.output
        assert "aliases are expanded" in result.output
        assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "command",
    [
        ["summarize", "{fifo}"],
        ["glossary", "find", "{fifo}"],
        ["glossary", "find", "{article}", "-g", "{fifo}"],
        ["glossary", "check", "{fifo}"],
        ["glossary", "check", "/dev/zero"],
        ["brief", "{fifo}", "--timeout", "0", "--jobs", "1", "--lang", "ru"],
        ["brief", "{article}", "-g", "{fifo}", "--lang", "ru"],
    ],
)
def test_special_files_are_refused_at_once(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    text = article(tmp_path / "a.txt", 1, 8)
    args = [c.format(fifo=fifo, article=text) for c in command]
    result = _cli(*args, cwd=tmp_path)
    assert result.returncode == EXIT_FAILED, result.stderr
    assert "Traceback" not in result.stderr
    said = lines(result.stderr + result.stdout)
    refused = [line for line in said if "give a regular file" in line]
    assert len(refused) == 1, result.stderr


def test_config_with_a_byte_order_mark(tmp_path: Path) -> None:
    from processor.config import load_config

    config = tmp_path / "processor.toml"
    config.write_bytes(b'\xef\xbb\xbfmarking = "DSP"\n')
    assert load_config(config).marking == "DSP"


def test_full_stdout_is_one_line_exit_1(tmp_path: Path) -> None:
    text = article(tmp_path / "a.txt", 1, 8)
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "processor", "summarize", str(text)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=SPECIAL_TIMEOUT,
        )
    assert result.returncode == EXIT_FAILED
    assert lines(result.stderr) == [
        "error: cannot write to standard output: No space left on device"
    ]


def test_closed_stderr_keeps_the_exit_code(tmp_path: Path) -> None:
    text = article(tmp_path / "a.txt", 1, 8)
    result = subprocess.run(
        [sys.executable, "-m", "processor", "brief", str(text), "--lang", "ru", "-o", "out"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=SPECIAL_TIMEOUT,
        preexec_fn=lambda: os.close(2),
    )
    assert result.returncode == 0
    assert (tmp_path / "out" / "a.ru.docx").is_file()


def test_source_date_epoch_out_of_range_is_one_line(tmp_path: Path) -> None:
    text = article(tmp_path / "a.txt", 1, 8)
    env = {"SOURCE_DATE_EPOCH": "99999999999999"}
    result = run("brief", text, "--lang", "ru", "-o", tmp_path / "out", env=env)
    assert result.exit_code == EXIT_FAILED
    (line,) = lines(result.stderr)
    assert "SOURCE_DATE_EPOCH" in line and "after 2107" in line
    assert not list((tmp_path / "out").glob("*.docx"))
