"""A brief run of the model-install fuzzer, ``fuzz/models.py``.

Long runs: ``python -m fuzz.models --minutes N``.

Every mutated archive must install or fail in one ModelError line, leave the
store unchanged on failure and write nothing outside it.
"""

from __future__ import annotations

from pathlib import Path

from fuzz.models import Harness, make_test, scratch


def test_mutated_archives_install_or_fail_cleanly() -> None:
    with scratch() as tmp:
        harness = Harness(Path(tmp))
        make_test(harness, max_examples=60, derandomize=True)()
    assert harness.executions >= 50
    # Both sides of the property were exercised: some mutants are still valid packages.
    assert harness.outcomes["refused"] > 0 and harness.outcomes["installed"] > 0
