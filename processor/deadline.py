"""A time budget for work done in this process, checked between steps.

Reading, summarizing and rendering run in workers that the executor stops when their
budget is spent (:mod:`processor.batch.executor`).  Translation runs where the model is
loaded, in this process, so it cannot be stopped from outside; instead the engine checks
the budget between its batches (:func:`check`) and the input fails with the same line a
worker's timeout gives.  Outside :func:`within`, :func:`check` costs one lookup.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from processor.errors import InputError


@dataclass(frozen=True)
class _Budget:
    seconds: float
    ends: float  # time.monotonic() at which it is spent


_CURRENT: ContextVar[_Budget | None] = ContextVar("processor_deadline", default=None)


@contextmanager
def within(seconds: float | None, *, used: float = 0.0) -> Iterator[None]:
    """Run the block under a budget of ``seconds`` (``None``: no budget), of which ``used``
    seconds were already spent elsewhere (reading the input in a worker, say).

    A budget inside another keeps the earlier end: an inner step never extends its caller.
    """
    if seconds is None:
        yield
        return
    ends = time.monotonic() + seconds - used
    outer = _CURRENT.get()
    budget = outer if outer is not None and outer.ends <= ends else _Budget(seconds, ends)
    token = _CURRENT.set(budget)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def check() -> None:
    """Raise :class:`~processor.errors.InputError` if the current budget is spent."""
    budget = _CURRENT.get()
    if budget is not None and time.monotonic() > budget.ends:
        raise spent(budget.seconds)


def spent(seconds: float, path: str | None = None) -> InputError:
    """The error of an input whose budget of ``seconds`` ran out, here or in a worker."""
    return InputError(f"took longer than {seconds:g} s; skipped", path=path)
