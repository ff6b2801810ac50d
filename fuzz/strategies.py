"""Hypothesis strategies: for each target, raw bytes and mutations of its real seed files."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from fuzz.corpus import seeds
from fuzz.mutate import mutate


def _mutated(target: str, rounds: int) -> st.SearchStrategy[bytes]:
    pool = seeds(target)

    def build(first: int, second: int, rnd: random.Random) -> bytes:
        data = pool[first]
        for _ in range(rounds):
            data = mutate(target, data, rnd, pool[second])
        return data

    index = st.integers(0, len(pool) - 1)
    return st.builds(build, index, index, st.randoms(use_true_random=False))


def inputs(target: str) -> st.SearchStrategy[bytes]:
    """What a fuzzer feeds ``target``: mostly mutated seeds, some raw bytes, the seeds as is."""
    return st.one_of(
        _mutated(target, 1),
        _mutated(target, 3),
        _mutated(target, 1),
        st.binary(max_size=2048),
        st.sampled_from(seeds(target)),
    )


def fuzz_settings(max_examples: int, **extra: Any) -> settings:
    """Settings for fuzzing: no deadline (the targets have their own), no example database."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        **extra,
    )
