"""Faults while writing: a full disk, a file size limit, two runs in one folder, read-only
outputs.  Never a half-written or corrupt file, never a stray temporary file, and a re-run
completes the rest."""

import json
import resource
import subprocess
from contextlib import contextmanager

import docx
import pytest

from processor.batch.state import STATE_NAME
from tests.support.batch import REPO, brief_command, run_brief, stray_files, write_articles

ARGS = ("--lang", "ru", "--no-glossary", "--jobs", "2")


def assert_all_complete(out):
    for memo in out.glob("*.docx"):
        docx.Document(memo)
    if (out / STATE_NAME).exists():
        json.loads((out / STATE_NAME).read_text(encoding="utf-8"))
    assert not stray_files(out)


@contextmanager
def small_filesystem(folder, size):
    """A tmpfs of ``size`` at ``folder`` (needs root; the test is skipped otherwise)."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small filesystem here (needs root)")
    try:
        yield lambda options: subprocess.run(
            ["mount", "-o", f"remount,{options}", str(folder)], check=True
        )
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_full_disk_loses_nothing_and_a_rerun_completes(tmp_path):
    inputs = tmp_path / "in"
    write_articles(inputs, 60)  # about 24 KB a memo: 1 MB holds some of them, not all
    out = tmp_path / "out"
    with small_filesystem(out, "1m") as remount:
        full = run_brief(inputs, "-o", out, *ARGS)
        assert full.returncode == 1
        failures = [line for line in full.stderr.splitlines() if line.startswith("error: ")]
        assert failures and all("No space left on device" in line for line in failures)
        assert "Traceback" not in full.stderr
        assert_all_complete(out)

        remount("size=50m")
        rerun = run_brief(inputs, "-o", out, *ARGS)
        assert rerun.returncode == 0, rerun.stderr
        assert sorted(p.name for p in out.glob("*.docx")) == [
            f"article-{k:03d}.ru.docx" for k in range(60)
        ]
        assert_all_complete(out)


def test_file_size_limit_fails_each_memo_cleanly(tmp_path):
    """Unprivileged stand-in for a full disk: ``ulimit -f`` makes every big write fail."""
    inputs = tmp_path / "in"
    write_articles(inputs, 3)
    out = tmp_path / "out"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))

    limited = subprocess.run(
        brief_command(inputs, "-o", out, *ARGS),
        cwd=REPO,
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=300,
    )
    assert limited.returncode == 1
    assert limited.stderr.count("error: ") == 3
    assert "File too large" in limited.stderr and "Traceback" not in limited.stderr
    assert not list(out.glob("*.docx"))
    assert_all_complete(out)

    assert run_brief(inputs, "-o", out, *ARGS).returncode == 0
    assert len(list(out.glob("*.docx"))) == 3
    assert_all_complete(out)


def test_two_runs_writing_one_folder_at_once(tmp_path):
    inputs = tmp_path / "in"
    write_articles(inputs, 40)
    out = tmp_path / "out"
    runs = [
        subprocess.Popen(
            brief_command(inputs, "-o", out, *ARGS, "--jobs", "1"),
            cwd=REPO,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read() if run.stderr else ""
        if run.stderr:
            run.stderr.close()
    assert len(list(out.glob("*.docx"))) == 40
    assert_all_complete(out)
    # Both runs merged their entries: nothing is left to do.
    state = json.loads((out / STATE_NAME).read_text(encoding="utf-8"))
    assert len(state["inputs"]) == 40
    again = run_brief(inputs, "-o", out, *ARGS)
    assert again.stderr.count("up to date: ") == 40


def test_read_only_memo_is_not_replaced(tmp_path):
    paths = write_articles(tmp_path / "in", 2)
    out = tmp_path / "out"
    assert run_brief(*paths, "-o", out, *ARGS).returncode == 0
    locked = out / "article-000.ru.docx"
    kept = locked.read_bytes()
    locked.chmod(0o444)
    paths[0].write_text(paths[0].read_text(encoding="utf-8") + "\nНовый абзац.\n", "utf-8")

    blocked = run_brief(*paths, "-o", out, *ARGS)
    assert blocked.returncode == 1
    assert f"error: {locked}: is read-only; not replaced" in blocked.stderr
    assert f"up to date: {paths[1]}" in blocked.stderr
    assert locked.read_bytes() == kept
    assert_all_complete(out)

    locked.chmod(0o644)
    rerun = run_brief(*paths, "-o", out, *ARGS)
    assert rerun.returncode == 0
    assert f"ok: {paths[0]}" in rerun.stderr and f"up to date: {paths[1]}" in rerun.stderr
    assert locked.read_bytes() != kept


def test_read_only_output_folder(tmp_path):
    paths = write_articles(tmp_path / "in", 2)
    out = tmp_path / "out"
    with small_filesystem(out, "10m") as remount:
        assert run_brief(paths[0], "-o", out, *ARGS).returncode == 0
        before = {p.name: p.read_bytes() for p in out.iterdir()}
        remount("ro")
        blocked = run_brief(*paths, "-o", out, *ARGS)
        assert blocked.returncode == 1
        assert f"up to date: {paths[0]}" in blocked.stderr
        assert "Read-only file system" in blocked.stderr and "Traceback" not in blocked.stderr
        assert {p.name: p.read_bytes() for p in out.iterdir()} == before

        remount("rw")
        assert run_brief(*paths, "-o", out, *ARGS).returncode == 0
        assert len(list(out.glob("*.docx"))) == 2
        assert_all_complete(out)
