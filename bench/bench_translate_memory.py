"""Benchmark: peak memory of ``translate`` on a 10-page DOCX against argos-translate-files.

Builds a transformer-base-sized random-weight model (6 layers, d_model 512, ffn 2048,
8 heads, 6000 SentencePiece pieces, int8; its end-of-sentence logit raised so sentences end
after a few dozen tokens, as with a trained model) as an Argos package, installs it in a
temporary store, and builds the seed article as an edited DOCX of about ``--pages`` pages.
Each path then runs in a fresh process, whose peak RSS and wall time are measured:

* processor's ``translate_files`` with each ``--batch-tokens`` (``max_batch_tokens``: how
  many source tokens CTranslate2 decodes together; the engine's default is chosen here);
* argos-translate-files on the same package, in its own virtual environment
  (``--argos-python``; left out when not given), its sentence splitter (MiniSBD, which
  downloads a model) replaced by a regular expression.  Set it up once, without torch/stanza::

    python3 -m venv /tmp/argos-venv
    /tmp/argos-venv/bin/pip install --no-deps argos-translate-files argos-translate-lt
    /tmp/argos-venv/bin/pip install ctranslate2 sentencepiece minisbd packaging \\
        "sacremoses<0.2" beautifulsoup4 lxml pysrt PyMuPDF

Run: ``python -m bench.bench_translate_memory --argos-python /tmp/argos-venv/bin/python``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_translate_docx import build
from bench.harness import REPO, table
from tests.support import tiny_models

_PROCESSOR = """
import sys
from processor.document_translation import TranslateOptions, translate_files
from processor.translation.engines.ct2 import TranslationSettings
settings = TranslationSettings(max_batch_tokens=int(sys.argv[3]))
options = TranslateOptions(target="en", use_glossary=False, translation=settings)
[result] = translate_files([sys.argv[1]], sys.argv[2], options)
assert result.ok, result.error
"""
_ARGOS = """
import re
import sys
from argostranslate import sbd, translate
# MiniSBD would download an ONNX model at first use: a plain splitter instead (cheap next
# to decoding, which is what this measures).
sbd.MiniSBDSentencizer.__init__ = lambda self, pkg: setattr(self, "pkg", pkg)
sbd.MiniSBDSentencizer.split_sentences = lambda self, text: [
    s for s in re.split(r"(?<=[.!?])\\s+", text) if s
]
from argostranslatefiles import argostranslatefiles
languages = translate.get_installed_languages()
ru = next(x for x in languages if x.code == "ru")
en = next(x for x in languages if x.code == "en")
argostranslatefiles.translate_file(ru.get_translation(en), sys.argv[1])
"""


def _fresh(python: str, code: str, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of ``code`` in a new process."""
    start = time.perf_counter()
    process = subprocess.Popen([python, "-c", code, *args], env=env, cwd=REPO)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{python} failed ({process.returncode})")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--argos-python", help="python of a venv with argos-translate-files")
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--batch-tokens", default="64,256,4096")
    parser.add_argument("--repeat", type=int, default=2)
    # 4.0: about 100 target tokens per 30-token sentence with this model (4.5: 3; 3.0: 235).
    parser.add_argument("--eos-bias", type=float, default=4.0)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(tmp / "argos"), ARGOS_DEVICE_TYPE="cpu")
    env.update(PROCESSOR_DATA_DIR=str(tmp / "processor"), XDG_DATA_HOME=str(tmp / "xdg"))
    os.environ.update(env)
    from processor.translation.models.store import ModelStore

    sp = tiny_models.train_sentencepiece(
        tmp / "sp.model", vocab_size=6000, lines=tiny_models.corpus(max_lines=997)
    )
    size = dict(num_layers=6, d_model=512, ffn=2048, heads=8)
    pkg = tiny_models.build_argos_package_dir(
        tmp / "src" / "translate-ru_en-bench", sp, quantization="int8", eos_bias=args.eos_bias,
        **size,
    )  # fmt: skip
    ModelStore().install(str(tiny_models.zip_dir(pkg, tmp / "translate-ru_en.argosmodel")))
    src = tmp / "ten-pages.docx"
    build(src, copies=max(1, round(args.pages / 2)))  # the seed is about two pages
    words = len(tiny_models.SEED.read_text(encoding="utf-8").split())
    print(f"{src.name}: {round(args.pages / 2)} copies of the seed (~{words} words each)")

    runs: dict[str, list[tuple[float, float]]] = {}
    for n in range(max(1, args.repeat)):  # alternated: the machine's load hits each path
        for tokens in args.batch_tokens.split(","):
            out = tmp / f"out-{tokens}-{n}.docx"
            code_args = [str(src), str(out), tokens]
            name = f"processor, max_batch_tokens {tokens}"
            runs.setdefault(name, []).append(_fresh(sys.executable, _PROCESSOR, code_args, env))
            print(name, "s, MiB:", runs[name][-1], flush=True)
        if args.argos_python:
            name = "argos-translate-files"
            runs.setdefault(name, []).append(_fresh(args.argos_python, _ARGOS, [str(src)], env))
            print(name, "s, MiB:", runs[name][-1], flush=True)
    rows = []
    base = runs.get("argos-translate-files")
    for name, got in runs.items():
        seconds = [s for s, _ in got]
        rss = [r for _, r in got]
        ratio = statistics.median(seconds) / statistics.median([s for s, _ in base]) if base else 0
        rows.append(
            (
                name,
                f"{min(seconds):.1f}",
                f"{statistics.median(seconds):.1f}",
                f"{max(rss):.0f}",
                f"{ratio:.2f}" if base else "-",
            )
        )
    print(f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {args.repeat} repeats")
    print(table(rows, ("path", "min s", "median s", "peak RSS MiB", "time / argos")))


if __name__ == "__main__":
    main()
