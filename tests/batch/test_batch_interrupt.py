"""Ctrl-C or SIGTERM in the middle of a batch, then a re-run: one complete memo per input.

Real subprocesses and real signals: the CLI, its worker processes and the fork server.
"""

import json
import os
import re
import signal
import subprocess
import time

import docx
import pytest

from processor.batch.cli import EXIT_INTERRUPTED
from processor.batch.run import BatchSettings
from tests.support.batch import (
    REPO,
    brief_command,
    interruptible,
    mtimes,
    run_brief,
    stray_files,
    write_articles,
)

ARGS = ("--lang", "ru", "--no-glossary", "--jobs", "2")


def interrupt_midway(
    inputs, out, signum, *, group: bool, after: int = 45, args: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """Start the batch, wait for ``after`` memos, send ``signum``; the finished process."""
    process = subprocess.Popen(
        brief_command(inputs, "-o", out, *ARGS, *args),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives it
        preexec_fn=interruptible,  # even when this test runs with SIGINT ignored
    )
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < after:
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    if group:  # Ctrl-C: the terminal signals the whole foreground group
        os.killpg(process.pid, signum)
    else:  # SIGTERM from a service manager: only the main process
        os.kill(process.pid, signum)
    stdout, stderr = process.communicate(timeout=60)
    _wait_group_gone(process.pid)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def _wait_group_gone(pgid: int) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    pytest.fail("a worker process outlived the interrupted batch")


def assert_one_complete_memo_each(out, count):
    memos = sorted(p.name for p in out.glob("*.docx"))
    assert memos == [f"article-{k:03d}.ru.docx" for k in range(count)]
    for name in memos:
        document = docx.Document(out / name)
        assert document.paragraphs[0].style.name == "Title"
    assert not stray_files(out)


@pytest.mark.parametrize(
    ("signum", "group"), [(signal.SIGINT, True), (signal.SIGTERM, False)], ids=["ctrl-c", "term"]
)
def test_interrupted_batch_is_finished_by_a_rerun(tmp_path, signum, group):
    count = 200 if signum == signal.SIGINT else 80
    inputs = tmp_path / "in"
    write_articles(inputs, count)
    out = tmp_path / "out"

    stopped = interrupt_midway(inputs, out, signum, group=group)
    assert stopped.returncode == EXIT_INTERRUPTED, stopped.stderr
    assert "interrupted after" in stopped.stderr
    assert "Traceback" not in stopped.stderr
    assert not stray_files(out)
    written = len(list(out.glob("*.docx")))
    assert 45 <= written < count
    for memo in out.glob("*.docx"):
        docx.Document(memo)  # every memo there is complete

    rerun = run_brief(inputs, "-o", out, *ARGS)
    assert rerun.returncode == 0, rerun.stderr
    # Inputs are recorded round by round: at most the round under way is done again.
    assert rerun.stderr.count("up to date: ") >= written - BatchSettings().round_size
    assert rerun.stderr.count("up to date: ") + rerun.stderr.count("ok: ") == count
    assert_one_complete_memo_each(out, count)

    before = mtimes(out)
    again = run_brief(inputs, "-o", out, *ARGS)
    assert again.returncode == 0
    assert again.stderr.count("up to date: ") == count
    assert mtimes(out) == before


def test_interrupt_in_the_first_round_counts_and_lists_the_finished_inputs(tmp_path):
    """Issue 19.10: Ctrl-C after some memos of the first round (32 inputs) says how many
    inputs are finished, not 0, and the manifest lists them."""
    inputs = tmp_path / "in"
    write_articles(inputs, 30)
    out = tmp_path / "out"
    manifest = tmp_path / "manifest.json"
    stopped = interrupt_midway(
        inputs, out, signal.SIGINT, group=True, after=12, args=("--manifest", str(manifest))
    )
    assert stopped.returncode == EXIT_INTERRUPTED, stopped.stderr
    said = re.search(r"interrupted after (\d+) of 30 inputs", stopped.stderr)
    assert said, stopped.stderr
    written = len(list(out.glob("*.docx")))
    finished = int(said.group(1))
    # A memo renamed into place just as Ctrl-C came may not be counted yet.
    assert 12 <= finished <= written <= finished + 1 and written < 30
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data["exit_code"] == EXIT_INTERRUPTED
    assert data["interrupted"] == {"done": finished, "total": 30}
    assert len(data["items"]) == finished
    for item in data["items"]:
        assert item["status"] == "ok" and all(os.path.isfile(p) for p in item["outputs"])
    # The finished inputs are recorded: a re-run does only the rest.
    rerun = run_brief(inputs, "-o", out, *ARGS)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stderr.count("up to date: ") == finished
    assert_one_complete_memo_each(out, 30)
