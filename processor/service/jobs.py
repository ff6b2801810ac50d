"""Jobs: long work (memos, document translation) run one at a time in a worker thread.

One worker keeps the memory bound predictable on an analyst's machine and lets every
translation model load once and stay loaded; requests only enqueue and poll.  A poll may
wait for the job's next change (:meth:`JobStore.wait`): the page learns that its memo is
ready when it is, not at its next timer tick (700 ms was more than a warm memo's work).  Each job
lives in its own folder under the data folder: ``in/`` (uploads), ``out/`` (results)
and ``job.json`` (its status, rewritten atomically at each step).
"""

from __future__ import annotations

import json
import queue
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from processor.fileio import write_text_atomic

Status = Literal["queued", "running", "done", "failed"]
# A job's work: (input paths, output folder, progress callback) -> per-input outcomes.
Work = Callable[[list[Path], Path, Callable[[int, int, str], None]], list[dict[str, Any]]]


@dataclass
class Job:
    """What a client sees of a job."""

    id: str
    kind: str
    status: Status = "queued"
    created: float = field(default_factory=time.time)
    finished: float | None = None
    total: int = 0
    done: int = 0
    current: str = ""
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    version: int = 0  # counts the changes a client has seen (``JobStore.wait``)

    def to_dict(self, base_url: str = "") -> dict[str, Any]:
        data = asdict(self)
        data["files"] = [
            f"{base_url}/api/jobs/{self.id}/files/{Path(name).name}"
            for outcome in self.outcomes
            for name in outcome.get("outputs", [])
        ]
        return data


class JobStore:
    """Creates job folders, runs jobs in order in one thread, answers status queries."""

    def __init__(self, root: Path) -> None:
        self.root = root / "jobs"
        self.root.mkdir(parents=True, exist_ok=True)
        self._jobs: dict[str, Job] = {}
        self._queue: queue.Queue[tuple[Job, Work] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="processor-jobs", daemon=True)
        self._thread.start()

    def folder(self, job_id: str) -> Path:
        return self.root / job_id

    def new(self, kind: str) -> Job:
        job = Job(id=secrets.token_hex(8), kind=kind)
        (self.folder(job.id) / "in").mkdir(parents=True)
        (self.folder(job.id) / "out").mkdir()
        with self._lock:
            self._jobs[job.id] = job
        return job

    def submit(self, job: Job, work: Work) -> None:
        job.total = len(list((self.folder(job.id) / "in").iterdir()))
        self._save(job)
        self._queue.put((job, work))

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def wait(self, job_id: str, after: int, timeout: float) -> Job | None:
        """The job once its version passes ``after`` (it changed since the client looked),
        or as it is after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while (job := self.get(job_id)) is not None and job.version <= after:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._changed.wait(left)
        return job

    def output(self, job_id: str, name: str) -> Path | None:
        """A result file of a finished job, never a path outside its ``out/``."""
        job = self.get(job_id)
        if job is None or Path(name).name != name:
            return None
        path = self.folder(job_id) / "out" / name
        return path if path.is_file() else None

    def pending(self) -> int:
        return self._queue.qsize()

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=5)

    def _changes(self, job: Job) -> None:
        with self._changed:
            job.version += 1
            self._changed.notify_all()

    def _save(self, job: Job) -> None:
        self._changes(job)
        text = json.dumps(job.to_dict(), ensure_ascii=False, indent=1)
        write_text_atomic(self.folder(job.id) / "job.json", text)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            job, work = item
            job.status = "running"
            self._save(job)

            def progress(done: int, total: int, current: str, job: Job = job) -> None:
                job.done, job.total, job.current = done, total, current
                self._changes(job)

            inputs = sorted((self.folder(job.id) / "in").iterdir())
            try:
                job.outcomes = work(inputs, self.folder(job.id) / "out", progress)
                job.status = "done"
                job.done = job.total
            except Exception as exc:  # the job fails, the service keeps serving
                job.status, job.error = (
                    "failed",
                    str(exc).splitlines()[0] if str(exc) else repr(exc),
                )
            job.finished = time.time()
            job.current = ""
            self._save(job)
