"""The worker processes of the batch executor: their loop, their handle, the warm pool.

A worker applies the run's thread budget (:mod:`processor.threads`) and memory cap once,
then serves inputs until told to stop.  Each input travels with its function, so a worker
kept warm between runs (``Limits.warm``: the service) serves the next job with its
glossary, matcher and natasha already loaded.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from processor.errors import InputError, ProcessorError


def work(
    conn: Connection, memory_mb: int | None, env: dict[str, str], threads: int, owner: int
) -> None:
    """A worker's life: receive (index, func, item), send back (index, ok, value or error).

    The function travels with each input, so a warm worker serves the next run too.
    ``owner`` is the process that started the run: when it is gone, so is this worker.
    """
    # Ctrl-C reaches the whole process group; the parent decides what stops, and kills us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_outlive_not, args=(owner,), daemon=True).start()
    # The fork server kept the environment of its own start; the parent's may have changed
    # since (settings, data folders), and a worker must see what the parent sees now.
    os.environ.clear()
    os.environ.update(env)
    from processor.threads import limit_blas

    limit_blas(threads)
    if memory_mb is not None:
        import resource

        cap = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if task is None:
            return
        index, func, item = task
        try:
            reply = (index, True, func(item))
        except MemoryError:
            reply = (index, False, memory_error(memory_mb))
        except BaseException as exc:
            reply = (index, False, portable(exc))
        try:
            conn.send(reply)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            conn.send((index, False, ProcessorError(f"its result cannot be sent back: {exc}")))
        except (BrokenPipeError, OSError):
            return


_WATCH_SECONDS = 1.0  # how often a worker looks for its owner


def _outlive_not(owner: int) -> None:
    """Exit once ``owner`` is gone, even in the middle of an input.

    A killed ``processor serve`` left its worker preparing a 19 MB upload for 20 minutes
    (nobody watched its clock any more); between inputs the closed pipe ends a worker,
    during one only this does.
    """
    while True:
        time.sleep(_WATCH_SECONDS)
        try:
            os.kill(owner, 0)
        except (ProcessLookupError, PermissionError):  # gone (its number now another's)
            os._exit(1)


def memory_error(memory_mb: int | None) -> ProcessorError:
    if memory_mb is None:
        return InputError("ran out of memory; skipped")
    return InputError(f"needs more than the {memory_mb} MB memory limit; skipped")


def portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling (as the parent will receive it), else its gist."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        if isinstance(exc, ProcessorError):
            return ProcessorError(exc.reason, path=exc.path, hint=exc.hint)
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


@dataclass
class Worker:
    process: Any  # multiprocessing.Process of the fork-server context
    conn: Connection
    index: int | None = None  # the input it holds
    started: float = 0.0

    def kill(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
        self.process.join()
        self.conn.close()


# Idle workers kept between runs (``Limits.warm``), by what they were started with.
_WARM: dict[tuple[Any, ...], list[Worker]] = {}
_LOCK = threading.Lock()


def park(key: tuple[Any, ...], workers: list[Worker]) -> None:
    with _LOCK:
        _WARM.setdefault(key, []).extend(workers)


def unpark(key: tuple[Any, ...]) -> Worker | None:
    with _LOCK:
        kept = _WARM.get(key, [])
        while kept:
            worker = kept.pop()
            if worker.process.is_alive():
                return worker
            worker.kill()
    return None


def stop_warm_workers() -> None:
    """Stop the workers kept between runs (the service calls this when it shuts down)."""
    with _LOCK:
        kept = [w for ws in _WARM.values() for w in ws]
        _WARM.clear()
    for worker in kept:
        with contextlib.suppress(OSError):
            worker.conn.send(None)
    for worker in kept:
        worker.process.join(timeout=1.0)
        worker.kill()
