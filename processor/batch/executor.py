"""Run one function over many inputs: in this process, or each input in a worker process.

:func:`run_each` yields a :class:`Done` for every input as it finishes (completion order;
``Done.index`` says which input, so callers keep their outputs in input order).

Isolated mode (any of: more than one job, a time budget, a memory cap) runs the inputs in
worker processes that this module starts and watches itself.  ``ProcessPoolExecutor``
cannot stop one hung task: a running future cannot be cancelled, and killing its worker
breaks the whole pool.  Here each worker is a plain process with its own pipe; a worker
that overruns the budget is killed and replaced, and only its input fails.  A worker that
dies (segfault, ``os._exit``, the memory cap) likewise costs only the input it held.

Workers live for the whole run (imports are paid once per worker, not per input) and are
started by a fork server: they never inherit the parent's threads or loaded models.  A
thread of the parent hands out inputs and watches the clocks, so the workers keep going
while the caller is busy with finished results (e.g. writing memos).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import queue
import signal
import threading
import time
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Any, Generic, TypeVar

from processor import deadline
from processor.batch.workers import Worker, park, unpark, work
from processor.errors import InputError, ProcessorError
from processor.threads import blas_threads, cores

A = TypeVar("A")
T = TypeVar("T")

DEFAULT_TIMEOUT = 120.0
# Address space of one worker (RLIMIT_AS), MB: an article needs a few hundred; a 320 KB
# Markdown file once took 2.1 GB.  A run may raise it (--max-memory).
DEFAULT_MEMORY_MB = 2048
_TICK = 0.2  # how often the scheduler looks at the clocks and the stop flag


def default_jobs() -> int:
    """Workers for a batch: one per core this process may use.

    The main process translates and writes memos while the workers read; with one BLAS
    thread per process (:mod:`processor.threads`) a worker per core is faster than leaving
    the main process a core of its own: on 2 cores, 200 articles took 9.8 s with 2 workers
    and 13.4 s with 1 (bench_batch, issue 20).  Translation is unaffected: CTranslate2 in
    the main process gets at least one thread (:func:`processor.threads.translation_threads`).
    """
    return max(1, cores())


@dataclass(frozen=True)
class Limits:
    """How inputs are run: parallel jobs, seconds per input, memory per worker."""

    jobs: int = field(default_factory=default_jobs)
    timeout: float | None = DEFAULT_TIMEOUT  # None: no time budget
    memory_mb: int | None = None  # None: no cap (RLIMIT_AS of each worker)
    # BLAS threads of each worker (processor.threads): one unless configured.
    threads: int = field(default_factory=blas_threads)
    # Keep idle workers for the next run of this process (the service): the glossary,
    # its matcher and natasha stay loaded between jobs.
    warm: bool = False

    @property
    def isolated(self) -> bool:
        return self.jobs > 1 or self.timeout is not None or self.memory_mb is not None


@dataclass
class Done(Generic[T]):
    """One input finished: its value, or the exception that is its failure."""

    index: int
    value: T | None = None
    error: BaseException | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def run_each(
    func: Callable[[A], T],
    items: Sequence[A],
    limits: Limits,
    *,
    names: Sequence[str] | None = None,
    on_start: Callable[[int], None] | None = None,
    preload: Sequence[str] = (),
    ahead: int | None = None,
) -> Generator[Done[T], None, None]:
    """``func(item)`` for every item; a :class:`Done` per item as each finishes.

    ``func`` and the items must pickle in isolated mode (a module-level function, or a
    ``functools.partial`` of one).  ``names`` (e.g. file paths) start the one-line
    failures of inputs that overran the budget or whose worker died.  Closing the
    iterator early (or Ctrl-C while iterating) stops and reaps every worker.  ``preload``
    names modules that the fork server imports once, when it starts (the first isolated
    run of the process): workers then fork with them ready instead of importing each.
    ``ahead`` bounds how many inputs may be handed out before the caller has taken their
    results (memory stays bounded when the caller is slower than the workers).
    """
    shown = list(names) if names is not None else [str(i) for i in range(len(items))]
    if not limits.isolated:
        return _serial(func, items, on_start)
    scheduler = _Scheduler(func, items, limits, shown, on_start, preload, ahead)
    return _isolated(scheduler)


def _serial(
    func: Callable[[A], T], items: Sequence[A], on_start: Callable[[int], None] | None
) -> Generator[Done[T], None, None]:
    for index, item in enumerate(items):
        if on_start is not None:
            on_start(index)
        start = time.perf_counter()
        try:
            value = func(item)
        except Exception as exc:  # one input's failure is its own
            yield Done(index, error=exc, seconds=time.perf_counter() - start)
        else:
            yield Done(index, value=value, seconds=time.perf_counter() - start)


def _isolated(scheduler: _Scheduler[A, T]) -> Generator[Done[T], None, None]:
    if not scheduler.items:
        return
    thread = threading.Thread(target=scheduler.run, name="processor-batch", daemon=True)
    thread.start()
    try:
        for _ in range(len(scheduler.items)):
            done = scheduler.finished.get()
            if isinstance(done, BaseException):  # the scheduler itself broke
                raise done
            scheduler.taken()
            yield done
    finally:
        scheduler.stop.set()
        scheduler.taken()
        thread.join()
        scheduler.close()


class _Scheduler(Generic[A, T]):
    """Runs in a thread of the parent: hands out inputs, watches budgets and deaths."""

    def __init__(
        self,
        func: Callable[[A], T],
        items: Sequence[A],
        limits: Limits,
        names: list[str],
        on_start: Callable[[int], None] | None,
        preload: Sequence[str] = (),
        ahead: int | None = None,
    ):
        self.func = func
        self.items = items
        self.limits = limits
        self.names = names
        self.on_start = on_start
        self.finished: queue.Queue[Done[T] | BaseException] = queue.Queue()
        self.stop = threading.Event()
        self.ahead = ahead
        self.given = 0  # inputs handed out (or refused)
        self.yielded = 0  # results the caller has taken
        # The caller writes a byte here when it takes a result: the scheduler wakes at once.
        self._wake_r, self._wake_w = os.pipe()
        self.context = multiprocessing.get_context("forkserver")
        # The server imports the function's module once; every worker forks ready to run.
        module = getattr(func, "func", func).__module__
        self.context.set_forkserver_preload([module, *preload])

    def taken(self) -> None:
        self.yielded += 1
        with contextlib.suppress(OSError):
            os.write(self._wake_w, b".")

    def close(self) -> None:
        for fd in (self._wake_r, self._wake_w):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _may_give(self) -> bool:
        return self.ahead is None or self.given - self.yielded < self.ahead

    def run(self) -> None:
        workers: list[Worker] = []
        try:
            self._loop(workers)
        except BaseException as exc:  # surfaced in the consuming thread
            self.finished.put(exc)
        finally:
            idle = [w for w in workers if w.index is None and w.process.is_alive()]
            if self.limits.warm:
                park(self._key(), idle)
                workers = [w for w in workers if w not in idle]
            for worker in workers:
                if worker.index is None:
                    with contextlib.suppress(OSError):
                        worker.conn.send(None)
            for worker in workers:
                worker.process.join(timeout=0 if worker.index is not None else 1.0)
                worker.kill()

    def _key(self) -> tuple[Any, ...]:
        """What a warm worker was started with: a later run may reuse it if this matches."""
        limits = self.limits
        return (limits.memory_mb, limits.threads, tuple(sorted(os.environ.items())))

    def _spawn(self) -> Worker:
        if self.limits.warm:
            worker = unpark(self._key())
            if worker is not None:
                return worker
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=work,
            args=(child, self.limits.memory_mb, dict(os.environ), self.limits.threads, os.getpid()),
            daemon=True,
        )
        process.start()
        child.close()
        return Worker(process, parent)

    def _loop(self, workers: list[Worker]) -> None:
        pending = list(range(len(self.items)))
        pending.reverse()  # pop() from the end hands inputs out in order
        remaining = len(self.items)
        while remaining and not self.stop.is_set():
            idle = sum(w.index is None for w in workers)
            while len(workers) < self.limits.jobs and idle < len(pending):
                workers.append(self._spawn())
                idle += 1
            for worker in workers:
                while worker.index is None and pending and self._may_give():
                    self.given += 1
                    refused = self._give(worker, pending.pop())
                    if refused is not None:
                        remaining -= 1
                        self.finished.put(refused)
            busy = [w for w in workers if w.index is not None]
            watched = [w.conn for w in busy] + [w.process.sentinel for w in busy]
            ready = wait([*watched, self._wake_r], _TICK)
            if self._wake_r in ready:
                os.read(self._wake_r, 4096)
            now = time.monotonic()
            kept: list[Worker] = []
            for worker in workers:
                done = None if worker.index is None else self._check(worker, ready, now)
                if done is not None:
                    remaining -= 1
                    self.finished.put(done)
                if worker.index is None:
                    kept.append(worker)
                elif done is not None:
                    worker.kill()  # overran or died; a fresh worker takes the next input
                else:
                    kept.append(worker)
            workers[:] = kept

    def _give(self, worker: Worker, index: int) -> Done[T] | None:
        """Hand input ``index`` to ``worker``; a Done (its failure) if it cannot travel."""
        if self.on_start is not None:
            self.on_start(index)
        worker.index, worker.started = index, time.monotonic()
        try:
            worker.conn.send((index, self.func, self.items[index]))
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            worker.index = None
            name = self.names[index]
            return Done(index, error=ProcessorError(f"cannot be handed out: {exc}", path=name))
        except OSError:
            pass  # the worker is dead: its sentinel says so in this round
        return None

    def _check(self, worker: Worker, ready: list[Any], now: float) -> Done[T] | None:
        """A Done when the worker's input finished, overran or died; else None."""
        index = worker.index
        assert index is not None
        seconds = now - worker.started
        if worker.conn in ready:
            try:
                got, ok, payload = worker.conn.recv()
            except (EOFError, OSError):
                return Done(index, error=self._died(worker), seconds=seconds)
            worker.index = None
            if ok:
                return Done(got, value=payload, seconds=seconds)
            return Done(got, error=payload, seconds=seconds)
        if worker.process.sentinel in ready:
            return Done(index, error=self._died(worker), seconds=seconds)
        budget = self.limits.timeout
        if budget is not None and seconds > budget:
            return Done(
                index,
                error=deadline.spent(budget, path=self.names[index]),
                seconds=seconds,
            )
        return None

    def _died(self, worker: Worker) -> ProcessorError:
        worker.process.join(timeout=1.0)
        code = worker.process.exitcode
        if code is not None and code < 0:
            how = f"signal {signal.Signals(-code).name}"
        else:
            how = f"exit code {code}"
        if code == -signal.SIGKILL and self.limits.memory_mb is not None:
            how += f"; it may have passed the {self.limits.memory_mb} MB memory limit"
        assert worker.index is not None
        return InputError(
            f"its worker process stopped ({how}); skipped", path=self.names[worker.index]
        )
