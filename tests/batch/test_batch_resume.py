"""A re-run skips inputs whose memos are up to date, and redoes exactly what changed."""

import json
import os

import docx
from click.testing import CliRunner

from processor.batch.state import STATE_NAME
from processor.cli import main
from tests.support.batch import mtimes, stray_files, write_articles


def brief(*args):
    result = CliRunner().invoke(
        main, ["brief", *map(str, args), "--lang", "ru", "--no-glossary", "--jobs", "2"]
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_second_identical_run_rewrites_nothing(tmp_path):
    inputs = tmp_path / "in"
    write_articles(inputs, 4)
    out = tmp_path / "out"
    first = brief(inputs, "-o", out)
    assert first.count("ok: ") == 4
    before = mtimes(out)
    assert sorted(before) == [STATE_NAME] + [f"article-{k:03d}.ru.docx" for k in range(4)]

    second = brief(inputs, "-o", out)
    assert mtimes(out) == before  # not one file written, the state file included
    assert second.count("up to date: ") == 4 and "ok: " not in second
    for k in range(4):
        assert f"article-{k:03d}.ru.docx" in second
    assert not stray_files(out)


def test_state_file_records_each_input_and_its_outputs(tmp_path):
    paths = write_articles(tmp_path / "in", 2)
    out = tmp_path / "out"
    brief(*paths, "-o", out, "-f", "docx,md")
    data = json.loads((out / STATE_NAME).read_text(encoding="utf-8"))
    assert data["schema"] == "processor.state/1"
    entry = data["inputs"][str(paths[0].resolve())]
    assert entry["size"] == paths[0].stat().st_size
    assert entry["mtime_ns"] == paths[0].stat().st_mtime_ns
    assert sorted(entry["outputs"]) == ["article-000.ru.docx", "article-000.ru.md"]
    assert len(entry["sha256"]) == 64 and len(entry["options"]) == 16


def test_what_changed_is_redone(tmp_path):
    paths = write_articles(tmp_path / "in", 4)
    out = tmp_path / "out"
    brief(*paths, "-o", out)

    # content changed; touched with the same content; a memo deleted; a memo edited
    paths[0].write_text(paths[0].read_text(encoding="utf-8") + "\nДобавлен абзац.\n", "utf-8")
    os.utime(paths[1], ns=(1, 1))
    (out / "article-002.ru.docx").unlink()
    (out / "article-003.ru.docx").write_bytes(b"not a memo")

    output = brief(*paths, "-o", out)
    assert f"up to date: {paths[1]}" in output
    for k in (0, 2, 3):
        assert f"ok: {paths[k]}" in output
        docx.Document(out / f"article-{k:03d}.ru.docx")  # a complete memo again


def test_other_options_or_force_redo_everything(tmp_path):
    paths = write_articles(tmp_path / "in", 2)
    out = tmp_path / "out"
    brief(*paths, "-o", out)
    assert brief(*paths, "-o", out, "--sentences", "3").count("ok: ") == 2
    assert brief(*paths, "-o", out, "--sentences", "3").count("up to date: ") == 2
    assert brief(*paths, "-o", out, "--sentences", "3", "--force").count("ok: ") == 2


def test_a_failed_input_is_tried_again(tmp_path):
    paths = write_articles(tmp_path / "in", 1)
    broken = tmp_path / "in" / "broken.docx"
    broken.write_bytes(b"PK not really")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["brief", str(paths[0]), str(broken), "-o", str(out), "--lang", "ru"]
    )
    assert result.exit_code == 1
    again = CliRunner().invoke(
        main, ["brief", str(paths[0]), str(broken), "-o", str(out), "--lang", "ru"]
    )
    assert again.exit_code == 1
    assert f"up to date: {paths[0]}" in again.output
    assert "error: " in again.output and "broken.docx" in again.output


def test_standard_input_is_read_here_and_never_skipped(tmp_path):
    article = write_articles(tmp_path / "in", 1)[0].read_text(encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):
        result = CliRunner().invoke(
            main, ["brief", "-", "-o", str(out), "--lang", "ru", "--jobs", "2"], input=article
        )
        assert result.exit_code == 0, result.output
        assert result.output.startswith("ok: <stdin> -> ")
    assert docx.Document(out / "stdin.ru.docx").paragraphs[0].text
    assert json.loads((out / STATE_NAME).read_text(encoding="utf-8"))["inputs"] == {}
