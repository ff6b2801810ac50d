"""The worst time of ``/api/glossary/find`` at its text bound (processor.service.app.
FIND_MAX_BYTES): ``python -m bench.bench_find_bound``.

Glossary matching is linear in the text, but each surname matched alone asks the morphology
dictionary about its neighbours; the worst text is a glossary surname before thousands of
distinct words.  Ratios are against the seed article (real text) of the same size.
"""

from __future__ import annotations

import random
import statistics
import time

from bench.harness import SEED, table
from processor.glossary.load import load_glossaries
from processor.service.app import FIND_MAX_BYTES


def _sized(unit: str, size: int) -> str:
    return (unit * (size // len(unit.encode()) + 1)).encode()[:size].decode("utf-8", "ignore")


def main() -> None:
    glossary = load_glossaries([], builtin=True)
    rng = random.Random(1)
    letters = "абвгдежзиклмнопрстуфх"
    words = " ".join(
        f"Токаев {''.join(rng.choice(letters) for _ in range(7)).capitalize()}"
        for _ in range(FIND_MAX_BYTES // 20)
    )
    texts = {
        "seed article": _sized(SEED.read_text(encoding="utf-8"), FIND_MAX_BYTES),
        "one surname": _sized("Токаев ", FIND_MAX_BYTES),
        "surname + distinct": _sized(words, FIND_MAX_BYTES),
    }
    rows = []
    base = None
    for name, text in texts.items():
        times = []
        for _ in range(3):
            glossary.find("Токаев")  # warm
            from processor.glossary import surnames

            surnames.is_first_name.cache_clear()  # every repeat pays the dictionary
            surnames.names_a_woman.cache_clear()
            start = time.perf_counter()
            found = glossary.find(text)
            times.append(time.perf_counter() - start)
        base = base or statistics.median(times)
        rows.append(
            (name, str(len(found)), f"{min(times):.2f}", f"{statistics.median(times):.2f}",
             f"{statistics.median(times) / base:.1f}x")
        )  # fmt: skip
    print(f"text bound: {FIND_MAX_BYTES // 1024} KB")
    print(table(rows, ("text", "matches", "min s", "median s", "vs seed")))


if __name__ == "__main__":
    main()
