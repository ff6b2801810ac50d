"""A brief fuzzing run of every reader and glossary loader (the long run: python -m fuzz.readers).

Each target gets a few dozen Hypothesis examples (raw bytes and structure-aware
mutations of real seed files, see fuzz/strategies.py); the property is that the
target returns or fails with a one-line ProcessorError, within fuzz.targets.TIME_LIMIT.
Derandomized, so that a failure here is the same on every run.
"""

from __future__ import annotations

import pytest
from hypothesis import given

from fuzz.corpus import seeds
from fuzz.strategies import fuzz_settings, inputs
from fuzz.targets import TARGETS, check


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_seeds_read_cleanly(target):
    """The unmutated seeds are real files that read (the second PDF seed is encrypted)."""
    outcomes = [check(target, seed) for seed in seeds(target)]
    assert outcomes == (["ok", "error"] if target == "pdf" else ["ok"] * len(outcomes))


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_fuzz_briefly(target):
    @fuzz_settings(30, derandomize=True)
    @given(inputs(target))
    def prop(data: bytes) -> None:
        assert check(target, data) in ("ok", "error")

    prop()
