"""The batch executor: one input's hang, crash or error is that input's failure only."""

import multiprocessing
import os
import subprocess
import sys
import time

import pytest

from processor.batch import Limits, run_each
from processor.errors import InputError
from tests.support.batch import Unpicklable, env, pid, shout
from tests.support.data import REPO

ISOLATED = Limits(jobs=2, timeout=3)


def by_index(dones):
    return {d.index: d for d in dones}


def test_serial_runs_in_this_process_in_order():
    started = []
    dones = list(
        run_each(pid, ["a", "b", "c"], Limits(jobs=1, timeout=None), on_start=started.append)
    )
    assert [d.index for d in dones] == [0, 1, 2]
    assert {d.value for d in dones} == {os.getpid()}
    assert started == [0, 1, 2]


def test_serial_failure_is_the_inputs_own():
    dones = by_index(run_each(shout, ["a", "bad", "b"], Limits(jobs=1, timeout=None)))
    assert [dones[0].value, dones[2].value] == ["A", "B"]
    assert isinstance(dones[1].error, ValueError)


def test_isolated_runs_in_worker_processes():
    dones = list(run_each(pid, list(range(6)), ISOLATED))
    assert sorted(d.index for d in dones) == list(range(6))
    workers = {d.value for d in dones}
    assert os.getpid() not in workers
    assert 1 <= len(workers) <= 2  # workers are reused, never more than --jobs


def test_a_hung_input_is_killed_after_its_budget_and_the_batch_goes_on():
    words = ["a", "hang", "b", "c"]
    start = time.monotonic()
    dones = by_index(run_each(shout, words, Limits(jobs=1, timeout=1.5), names=words))
    assert time.monotonic() - start < 20
    assert [dones[i].value for i in (0, 2, 3)] == ["A", "B", "C"]
    error = dones[1].error
    assert isinstance(error, InputError)
    assert str(error) == "hang: took longer than 1.5 s; skipped"
    assert dones[1].seconds >= 1.5


@pytest.mark.parametrize(("word", "why"), [("exit", "exit code 3"), ("segfault", "signal SIGSEGV")])
def test_a_dying_worker_costs_only_its_input(word, why):
    words = ["a", word, "b"]
    dones = by_index(run_each(shout, words, ISOLATED, names=words))
    assert [dones[0].value, dones[2].value] == ["A", "B"]
    assert str(dones[1].error) == f"{word}: its worker process stopped ({why}); skipped"


def test_memory_cap_fails_only_the_greedy_input():
    words = ["a", "hog", "b"]
    dones = by_index(run_each(shout, words, Limits(jobs=1, timeout=30, memory_mb=400), names=words))
    assert [dones[0].value, dones[2].value] == ["A", "B"]
    assert "400 MB memory limit" in str(dones[1].error)


def test_errors_come_back_with_their_type_or_their_gist():
    dones = by_index(run_each(shout, ["bad", "unpicklable"], ISOLATED))
    assert isinstance(dones[0].error, ValueError)
    assert str(dones[0].error) == "bad word"
    assert not isinstance(dones[1].error, Unpicklable)
    assert str(dones[1].error) == "Unpicklable: one two"


def test_results_stream_as_inputs_finish():
    words = ["hang", "a"]
    stream = run_each(shout, words, Limits(jobs=2, timeout=30), names=words)
    start = time.monotonic()
    first = next(stream)
    assert first.index == 1 and first.value == "A"
    assert time.monotonic() - start < 15  # did not wait for the hung input
    stream.close()


def test_closing_early_reaps_every_worker():
    stream = run_each(shout, ["hang", "hang", "a"], Limits(jobs=2, timeout=60))
    time.sleep(1.0)
    stream.close()
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert multiprocessing.active_children() == []


def test_workers_see_the_environment_of_now(monkeypatch):
    list(run_each(env, ["X"], ISOLATED))  # the fork server starts with the old environment
    monkeypatch.setenv("PROCESSOR_BATCH_PROBE", "now")
    dones = list(run_each(env, ["PROCESSOR_BATCH_PROBE"], ISOLATED))
    assert dones[0].value == "now"


def test_inputs_are_handed_out_at_most_ahead_of_the_caller():
    started = []
    taken = 0
    stream = run_each(shout, list("abcdefgh"), ISOLATED, on_start=started.append, ahead=3)
    for _ in stream:
        time.sleep(0.3)  # a slow caller: the workers would otherwise run far ahead
        assert len(started) <= taken + 1 + 3
        taken += 1
    assert taken == 8 and sorted(started) == list(range(8))


def test_a_worker_does_not_outlive_the_process_that_started_it(tmp_path):
    """A killed `processor serve` left its worker preparing an upload for 20 minutes: a
    worker busy with an input exits once the run's owner is gone (SIGKILL: no clean-up)."""
    noted = tmp_path / "worker.pid"
    owner = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from processor.batch.executor import Limits, run_each; "
            "from tests.support.batch import note_pid_and_hang; "
            "list(run_each(note_pid_and_hang, [sys.argv[1]], Limits(jobs=1, timeout=900)))",
            str(noted),
        ],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not noted.exists() or not noted.read_text():
            assert time.monotonic() < deadline and owner.poll() is None
            time.sleep(0.1)
        worker = int(noted.read_text())
    finally:
        owner.kill()
        owner.wait()
    deadline = time.monotonic() + 15
    while _alive(worker):
        assert time.monotonic() < deadline, "the worker outlived its run's owner"
        time.sleep(0.2)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie has exited; only its parent (the fork server) has not reaped it yet.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
