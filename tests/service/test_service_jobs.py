"""Service jobs: a poll that waits for the job's next change, and the warm worker kept."""

from __future__ import annotations

import io
import multiprocessing
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx

from processor.batch.executor import DEFAULT_MEMORY_MB
from tests.support.data import SEED


def blocked_work(
    release: threading.Event,
) -> Callable[[list[Path], Path, Callable[[int, int, str], None]], list[dict[str, Any]]]:
    def work(
        inputs: list[Path], out: Path, progress: Callable[[int, int, str], None]
    ) -> list[dict[str, Any]]:
        assert release.wait(10)
        return [{"source": p.name} for p in inputs]

    return work


def test_a_poll_answers_when_the_job_changes_not_at_its_deadline(tmp_path: Path) -> None:
    from processor.service.jobs import JobStore

    store = JobStore(tmp_path)
    release = threading.Event()
    job = store.new("brief")
    (store.folder(job.id) / "in" / "a.txt").write_text("x", encoding="utf-8")
    store.submit(job, blocked_work(release))
    running = store.wait(job.id, job.version, timeout=5)  # queued -> running
    assert running is not None and running.status == "running"
    seen = running.version
    # Nothing changes: the poll gives up after its own wait, with the job as it was.
    start = time.monotonic()
    same = store.wait(job.id, seen, timeout=0.3)
    assert same is not None and same.status == "running" and same.version == seen
    assert time.monotonic() - start >= 0.3
    # The job finishes 0.3 s into a 5 s poll: the poll answers then.
    threading.Timer(0.3, release.set).start()
    start = time.monotonic()
    done = store.wait(job.id, seen, timeout=5)
    waited = time.monotonic() - start
    assert done is not None and done.status == "done" and done.outcomes == [{"source": "a.txt"}]
    assert 0.2 < waited < 3, waited
    assert done.version > seen
    assert store.wait("nosuchjob", 0, timeout=0.1) is None
    store.close()


def test_the_page_long_polls_and_the_warm_worker_serves_the_second_job(tmp_path: Path) -> None:
    """Over HTTP: every poll answers a change (none spins), both memos are real, and
    the second job's article was prepared by the first job's worker process."""
    from fastapi.testclient import TestClient

    from processor.batch.workers import stop_warm_workers
    from processor.service.app import ServiceConfig, create_app

    def brief(client: TestClient) -> tuple[dict[str, Any], int]:
        response = client.post(
            "/api/briefs",
            files=[("files", (SEED.name, SEED.read_bytes()))],
            data={"languages": "ru", "formats": "docx"},
        )
        assert response.status_code == 202, response.text
        job, polls = response.json(), 0
        while job["status"] in ("queued", "running"):
            polls += 1
            assert polls < 40, job  # 40 polls of up to 5 s: the job is stuck
            answer = client.get(f"/api/jobs/{job['id']}?after={job['version']}&wait=5")
            assert answer.status_code == 200
            job = answer.json()
        return job, polls

    def children() -> set[int]:
        return {p.pid for p in multiprocessing.active_children() if p.pid is not None}

    # Children that earlier tests of this process left are not this service's workers.
    before = children()
    app = create_app(ServiceConfig(tmp_path / "data"))
    try:
        with TestClient(app, base_url="http://127.0.0.1") as client:
            first, _ = brief(client)
            workers = children() - before
            # Capped like the CLI's workers: a killed service's uncapped worker once held
            # 12 GB for a 19 MB upload.
            for pid in workers:
                assert address_space_mb(pid) in (None, DEFAULT_MEMORY_MB)
            second, polls = brief(client)
            assert children() - before == workers
            # queued -> running -> progress -> done: a handful of answers, not a spin.
            assert polls <= 6, polls
            for job in (first, second):
                assert job["status"] == "done", job
                link = next(f for f in job["files"] if f.endswith(".docx"))
                memo = docx.Document(io.BytesIO(client.get(link).content))
                assert "Токаев" in "\n".join(p.text for p in memo.paragraphs)
    finally:
        stop_warm_workers()
    assert len(workers) == 1  # the one warm worker, kept between the jobs


def address_space_mb(pid: int) -> int | None:
    """The process's RLIMIT_AS in MB, from /proc (None where there is no /proc)."""
    try:
        lines = Path(f"/proc/{pid}/limits").read_text().splitlines()
    except OSError:
        return None
    [line] = [x for x in lines if x.startswith("Max address space")]
    soft = line.split()[3]
    return -1 if soft == "unlimited" else int(soft) // 2**20
