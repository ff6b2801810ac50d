"""Daily batches: run inputs in parallel worker processes with a time budget each,
show progress, and resume where an interrupted run stopped."""

from processor.batch.executor import DEFAULT_TIMEOUT, Done, Limits, default_jobs, run_each

__all__ = ["DEFAULT_TIMEOUT", "Done", "Limits", "default_jobs", "run_each"]
