"""How many threads each process of a run may start: workers x threads <= cores.

natasha (slovnet, navec) multiplies small numpy matrices; OpenBLAS starts a pool as wide
as the machine in every process that loads numpy, and on a busy machine those pools fight
the workers and the parent for the cores.  With one BLAS thread per process, name
recognition ran 5.3x faster and a 200-article batch 3x (issue 20; bench/bench_batch.py),
even in a single process, so the default is one BLAS thread per process.  CTranslate2 keeps
its own pool (``intra_threads``): in the parent it gets the cores the workers leave.

The number is set with ``blas_threads`` in processor.toml or ``$PROCESSOR_BLAS_THREADS``
(the variable wins, so a service unit can set it).  threadpoolctl applies it to libraries
already loaded (the fork server preloads numpy); the OpenMP/OpenBLAS variables are set too,
for libraries loaded later and for child processes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

THREADS_ENV = "PROCESSOR_BLAS_THREADS"
# Read by OpenBLAS, OpenMP runtimes and MKL when they load.
_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def blas_threads(configured: int | None = None) -> int:
    """BLAS threads per process: ``$PROCESSOR_BLAS_THREADS``, else ``configured``, else 1."""
    raw = os.environ.get(THREADS_ENV, "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    if configured:
        return configured
    return 1


def translation_threads(requested: int, workers: int) -> int:
    """CTranslate2 threads of the parent: ``requested``, or (0) the cores workers leave."""
    if requested > 0:
        return requested
    return max(1, cores() - workers)


_applied: int | None = None  # what limit_blas set in this process


def limit_blas(threads: int) -> None:
    """Keep this worker process's BLAS/OpenMP pools to ``threads`` (now and later loads)."""
    global _applied
    if _applied == threads:
        return
    for name in _VARIABLES:
        os.environ[name] = str(threads)
    import numpy  # noqa: F401  (loads OpenBLAS, so that the limit below reaches it)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads)
    _applied = threads


@contextlib.contextmanager
def blas_limited(threads: int) -> Iterator[None]:
    """The parent's BLAS pools at ``threads`` while a run lasts; restored afterwards.

    Its environment is left alone (it is the caller's); numpy is loaded first so that the
    limit reaches OpenBLAS even when nothing in the parent has used it yet.
    """
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=threads):
        yield


def blas_info() -> list[dict[str, object]]:
    """What threadpoolctl sees in this process: library, kernel (architecture), threads."""
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_info

    return [
        {k: i.get(k) for k in ("internal_api", "architecture", "num_threads", "version")}
        for i in threadpool_info()
    ]
