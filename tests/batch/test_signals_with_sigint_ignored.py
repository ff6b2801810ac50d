"""Issue 19.4: the signal tests pass when the test run itself ignores SIGINT, as it does
when started as a background job (``cmd &``), under nohup, or by a runner that ignores it.

Each of those tests gives the child it interrupts SIGINT's default handler
(``tests.support.batch.interruptible``); this runs them in a pytest whose SIGINT is ignored.
"""

from __future__ import annotations

import signal
import subprocess
import sys

from tests.support.data import REPO

SIGNAL_TESTS = (
    "tests/batch/test_batch_interrupt.py::test_interrupted_batch_is_finished_by_a_rerun[ctrl-c]",
    "tests/translation/test_models_hostile.py::test_signal_during_install_leaves_the_store_unchanged",
)


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def test_signal_tests_pass_with_sigint_ignored_in_the_parent() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SIGNAL_TESTS],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
        preexec_fn=_ignore_sigint,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "3 passed" in run.stdout, run.stdout[-2000:]
