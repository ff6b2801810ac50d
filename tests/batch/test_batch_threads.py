"""Thread pools sized to the work: workers x BLAS threads <= cores, and warm workers."""

import os
import time

import pytest

from processor.batch import Limits, run_each
from processor.batch.workers import stop_warm_workers
from processor.config import load_config
from processor.errors import InputError
from processor.threads import THREADS_ENV, blas_limited, blas_threads, cores, translation_threads
from tests.support.batch import blas_pools, pid, shout


@pytest.fixture(autouse=True)
def _no_warm_workers_left():
    yield
    stop_warm_workers()


@pytest.mark.skipif(cores() < 2, reason="one core: every pool is one thread anyway")
@pytest.mark.parametrize("threads", [1, 2])
def test_each_worker_keeps_its_blas_pool_to_the_budget(threads):
    dones = list(run_each(blas_pools, [0, 1], Limits(jobs=2, timeout=60, threads=threads)))
    pools = [n for d in dones for n in d.value]
    assert pools, "numpy's BLAS is loaded in the worker"
    assert set(pools) == {threads}


@pytest.mark.skipif(cores() < 2, reason="one core: every pool is one thread anyway")
def test_the_parent_pool_is_sized_during_a_run_and_restored_after(monkeypatch):
    before = blas_pools(None)
    with blas_limited(1):
        assert set(blas_pools(None)) == {1}
    assert blas_pools(None) == before


def test_blas_threads_default_one_then_config_then_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(THREADS_ENV, raising=False)
    assert blas_threads() == 1
    config = tmp_path / "processor.toml"
    config.write_text("blas_threads = 2\n", encoding="utf-8")
    assert blas_threads(load_config(config).blas_threads) == 2
    monkeypatch.setenv(THREADS_ENV, "3")
    assert blas_threads(2) == 3


def test_translation_threads_are_the_cores_the_workers_leave():
    assert translation_threads(0, 0) == cores()
    assert translation_threads(0, cores()) == 1
    assert translation_threads(0, cores() - 1) == 1
    assert translation_threads(3, 8) == 3  # asked for: kept


def test_warm_workers_serve_the_next_run():
    warm = Limits(jobs=1, timeout=60, warm=True)
    first = {d.value for d in run_each(pid, [0, 1], warm)}
    second = {d.value for d in run_each(pid, [2], warm)}
    assert len(first) == 1 and second == first
    cold = Limits(jobs=1, timeout=60)
    assert {d.value for d in run_each(pid, [3], cold)} != first


def test_a_warm_worker_still_has_the_time_budget():
    warm = Limits(jobs=1, timeout=1.5, warm=True)
    before = {d.value for d in run_each(pid, [0], warm)}
    start = time.monotonic()
    words = ["hang", "a"]
    dones = {d.index: d for d in run_each(shout, words, warm, names=words)}
    assert time.monotonic() - start < 20
    assert isinstance(dones[0].error, InputError)
    assert str(dones[0].error) == "hang: took longer than 1.5 s; skipped"
    assert dones[1].value == "A"
    after = {d.value for d in run_each(pid, [1], warm)}
    assert after and after != before  # the overrunning worker was killed, not kept
    assert os.getpid() not in after
