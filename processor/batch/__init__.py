"""Daily batches: run inputs in parallel worker processes with a time budget each,
show progress, and resume where an interrupted run stopped.

``brief_batch`` (:mod:`processor.batch.run`) is imported on first use: it pulls in the
whole pipeline, which the worker side of this package does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from processor.batch.executor import DEFAULT_TIMEOUT, Done, Limits, default_jobs, run_each

if TYPE_CHECKING:
    from processor.batch.run import BatchReport, BatchSettings, brief_batch

__all__ = [
    "DEFAULT_TIMEOUT",
    "BatchReport",
    "BatchSettings",
    "Done",
    "Limits",
    "brief_batch",
    "default_jobs",
    "run_each",
]


def __getattr__(name: str) -> Any:
    if name in ("brief_batch", "BatchSettings", "BatchReport"):
        from processor.batch import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
