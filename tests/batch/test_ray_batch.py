"""Batches on a local Ray instance (two workers): same memos as one machine, no input lost.

Each test runs ``processor brief --executor ray`` in a subprocess, which starts a local
Ray instance with two CPUs and shuts it down at exit.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import docx
import pytest

from tests.support.batch import brief_command, write_articles

ray = pytest.importorskip("ray", reason="the ray extra is not installed")

EPOCH = {"SOURCE_DATE_EPOCH": "1760000000", "RAY_USAGE_STATS_ENABLED": "0"}


def _env() -> dict[str, str]:
    return {**os.environ, **EPOCH}


def _memos(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.docx"))}


def test_fifty_articles_on_ray_give_the_single_machine_memos(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_articles(inputs, 50)
    common = ["--lang", "ru", "--no-progress"]
    here = subprocess.run(
        brief_command(inputs, "-o", tmp_path / "here", "--jobs", "1", *common),
        capture_output=True, text=True, timeout=600, env=_env(),
    )  # fmt: skip
    assert here.returncode == 0, here.stderr
    on_ray = subprocess.run(
        brief_command(inputs, "-o", tmp_path / "ray", "--executor", "ray", "--jobs", "2", *common),
        capture_output=True, text=True, timeout=600, env=_env(),
    )  # fmt: skip
    assert on_ray.returncode == 0, on_ray.stderr
    single, cluster = _memos(tmp_path / "here"), _memos(tmp_path / "ray")
    assert len(single) == 50
    assert cluster == single  # byte for byte, with SOURCE_DATE_EPOCH


def _ray_workers() -> list[int]:
    """Ray's task workers, busy ones first: their title is ``ray::_call`` while they run
    an input and ``ray::IDLE`` between inputs (Ray's own services have other titles)."""
    busy, idle = [], []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes().split(b"\0")[0].strip()
        except OSError:
            continue
        if title == b"ray::_call":
            busy.append(int(entry.name))
        elif title == b"ray::IDLE":
            idle.append(int(entry.name))
    return busy + idle


def test_killing_a_ray_worker_mid_batch_loses_no_input(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_articles(inputs, 50)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        brief_command(inputs, "-o", out, "--lang", "ru", "--executor", "ray", "--jobs", "2",
                      "--no-progress"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
    )  # fmt: skip
    killed = None
    deadline = time.monotonic() + 240
    # Wait until the batch is under way (some memos written), then kill a busy worker.
    while killed is None and time.monotonic() < deadline and proc.poll() is None:
        if len(list(out.glob("*.docx"))) >= 3:
            workers = _ray_workers()
            if workers:
                killed = workers[0]
                os.kill(killed, signal.SIGKILL)
        time.sleep(0.1)
    _, stderr = proc.communicate(timeout=600)
    assert killed is not None, "no Ray worker was seen to kill"
    assert proc.returncode == 0, stderr
    memos = sorted(out.glob("*.docx"))
    assert [p.name for p in memos] == [f"article-{k:03d}.ru.docx" for k in range(50)]
    for memo in memos:
        assert docx.Document(str(memo)).paragraphs  # complete, opens
    assert "error:" not in stderr


def test_the_service_runs_brief_jobs_on_ray(tmp_path: Path) -> None:
    import httpx

    from tests.service.test_service import post_brief, start_service, wait_for
    from tests.support.data import SEED

    proc, url = start_service(tmp_path / "data", "--executor", "ray")
    try:
        job = wait_for(url, post_brief(url, [(SEED.name, SEED.read_bytes())]).json())
        assert job["status"] == "done", job
        (outcome,) = job["outcomes"]
        assert outcome["status"] == "ok", outcome
        memo = httpx.get(job["files"][0], timeout=10)
        assert memo.status_code == 200 and memo.content.startswith(b"PK")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
