"""Fuzz every reader and glossary loader for a while: ``python -m fuzz.readers --minutes N``.

Targets take turns in slices of a few seconds until the time is up; each
slice is a Hypothesis run (fresh random seed) over :func:`fuzz.strategies.inputs`.
At the end a table shows, per target, executions, executions per second,
results, one-line errors and crashes; crashing inputs are kept in
``fuzz/crashes/`` (see ``tests/data/hostile/README.md`` for what to do with them).
Exit status 1 when anything crashed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from hypothesis import Phase, given

from fuzz.strategies import fuzz_settings, inputs
from fuzz.targets import TARGETS, Crash, check


class _TimeUp(BaseException):
    """Ends a slice; not an Exception, so Hypothesis passes it through instead of shrinking."""


@dataclass
class Tally:
    seconds: float = 0.0
    outcomes: Counter[str] = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(self.outcomes.values())


def fuzz_slice(target: str, seconds: float, tally: Tally, *, shrink: bool = True) -> None:
    """Run one Hypothesis session on ``target`` for about ``seconds``."""
    end = time.monotonic() + seconds
    phases = [Phase.generate, Phase.shrink] if shrink else [Phase.generate]

    @fuzz_settings(1_000_000, phases=phases)
    @given(inputs(target))
    def prop(data: bytes) -> None:
        if time.monotonic() > end and not failing:
            raise _TimeUp  # but a failure found is always shrunk and reported
        try:
            tally.outcomes[check(target, data)] += 1
        except Crash:
            failing.append(True)
            raise

    failing: list[bool] = []
    start = time.monotonic()
    try:
        prop()
    except _TimeUp:
        pass
    except Crash as crash:
        tally.crashes.append(str(crash))
        tally.outcomes["crash"] += 1
    tally.seconds += time.monotonic() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fuzz.readers", description=__doc__)
    parser.add_argument("--minutes", type=float, default=1.0, help="total time (default 1)")
    parser.add_argument("--target", action="append", choices=sorted(TARGETS), help="repeatable")
    parser.add_argument("--slice", type=float, default=15.0, help="seconds per turn (15)")
    args = parser.parse_args(argv)
    targets = args.target or list(TARGETS)
    tallies = {t: Tally() for t in targets}
    end = time.monotonic() + args.minutes * 60
    while time.monotonic() < end:
        for target in targets:
            left = end - time.monotonic()
            if left <= 0:
                break
            fuzz_slice(target, min(args.slice, left), tallies[target])
    print(f"{'target':<14} {'execs':>8} {'exec/s':>8} {'ok':>7} {'error':>7} {'crash':>6}")
    for target, tally in tallies.items():
        rate = tally.count / tally.seconds if tally.seconds else 0.0
        o = tally.outcomes
        print(
            f"{target:<14} {tally.count:>8} {rate:>8.1f} {o['ok']:>7} {o['error']:>7} "
            f"{o['crash']:>6}"
        )
    total = sum(t.count for t in tallies.values())
    seconds = sum(t.seconds for t in tallies.values())
    print(f"{'total':<14} {total:>8} {total / max(seconds, 1e-9):>8.1f}  in {seconds:.0f} s")
    crashes = [c for t in tallies.values() for c in t.crashes]
    for crash in crashes:
        print("CRASH", crash)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
