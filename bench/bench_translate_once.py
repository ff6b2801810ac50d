"""Sentence translations of ``brief --lang en,kk`` on the seed, Kazakh by pivot through en.

Builds tiny random-weight Argos packages ru->en and en->kk (tests/support/tiny_models.py)
into a temporary store, briefs the seed with the glossary on, and counts the sentences
each engine decoded (``processor.translation.engines.ct2.DECODED``): without the run's
translation cache (as before issue 20) and with it, in the same process, with the wall
time of each (repeats, min and median).  A random model loses every placeholder, so the
held path's retries are the worst case.  Run: ``python -m bench.bench_translate_once``
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path
from unittest import mock

from bench.harness import SEED, table
from tests.support import tiny_models


def _install(tmp: Path) -> None:
    from processor.translation.models.store import ModelStore

    os.environ.update(
        PROCESSOR_DATA_DIR=str(tmp / "processor"),
        ARGOS_PACKAGES_DIR=str(tmp / "argos"),
        XDG_DATA_HOME=str(tmp / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp / "xdg-config"),
        XDG_CACHE_HOME=str(tmp / "xdg-cache"),
    )
    sp = tiny_models.train_sentencepiece(tmp / "sp" / "sentencepiece.model")
    for source, target, seed in (("ru", "en", 1), ("en", "kk", 2)):
        name = f"translate-{source}_{target}-1_0"
        pkg = tiny_models.build_argos_package_dir(
            tmp / "src" / name, sp, from_code=source, to_code=target, version="1.0", seed=seed
        )
        ModelStore().install(str(tiny_models.zip_dir(pkg, tmp / f"{name}.argosmodel")))


def _run(out: Path, cached: bool) -> tuple[dict[tuple[str, str], int], float, int]:
    from processor.pipeline import BriefOptions, brief
    from processor.translation.engines import ct2 as engine
    from processor.translation.engines.cache import RunCache
    from processor.translation.engines.ct2 import TranslationSettings

    settings = TranslationSettings(beam_size=2, max_decoding_length=12)  # as the tests
    options = BriefOptions(languages=("en", "kk"), formats=("docx",), translation=settings)
    engine.DECODED.clear()
    with mock.patch.object(RunCache, "wrap", lambda self, t: t) if not cached else nullcontext():
        start = time.perf_counter()
        [result] = brief([SEED], out, options)
        seconds = time.perf_counter() - start
    assert result.ok and not result.missing, (result.error, result.missing)
    lost = (result.report or {}).get("placeholder_lost_translated_again", {})
    assert isinstance(lost, dict)
    return dict(engine.DECODED), seconds, sum(lost.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        _install(tmp)
        _run(tmp / "warm", True)  # imports, model loads, glossary: paid once for both
        counts: dict[bool, dict[tuple[str, str], int]] = {}
        times: dict[bool, list[float]] = {False: [], True: []}
        retried: dict[bool, int] = {}
        for n in range(max(1, args.repeat)):
            for cached in (False, True):  # alternated: the load of the machine hits both
                counts[cached], seconds, retried[cached] = _run(tmp / f"{cached}{n}", cached)
                times[cached].append(seconds)
    rows = []
    for cached in (False, True):
        c, t = counts[cached], times[cached]
        rows.append(
            (
                "per-run cache" if cached else "no cache (before)",
                str(c.get(("ru", "en"), 0)),
                str(c.get(("en", "kk"), 0)),
                str(sum(c.values())),
                str(retried[cached]),
                f"{min(t):.2f}",
                f"{statistics.median(t):.2f}",
            )
        )
    print(f"seed, --lang en,kk, kk by pivot through en, glossary on; load {os.getloadavg()[0]:.1f}")
    header = ("run", "ru->en", "en->kk", "decoded", "placeholder retries", "min s", "median s")
    print(table(rows, header))


if __name__ == "__main__":
    main()
