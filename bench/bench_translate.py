"""Benchmark: processor's translation engine against bare CTranslate2, same process.

Builds a random-weight model the size of an Argos package (6 layers, d_model 512,
ffn 2048, 8 heads, ~8000 SentencePiece pieces, int8), installs it as an Argos
package in a temporary store, and translates the seed article's sentences with
fixed decoding lengths (min == max) so both sides do identical work.  Prints
processor/bare throughput ratios (target >= 0.9x), tokens/second and peak RSS for
threads 1-2 and beam 1-4, and shows the model loads once for several documents.

Run from the repository root: ``python -m bench.bench_translate [--quick]``. The
random-weight model comes from the tests' support package (tests/support/tiny_models.py),
the one place that builds tiny real-format models.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench.harness import peak_rss_mib
from tests.support import tiny_models


def sentences_of(text: str) -> list[str]:
    from processor.segment import split_sentences

    return [s.text for para in text.split("\n\n") for s in split_sentences(para)]


def peak_rss_mb() -> float:
    return peak_rss_mib()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller model, fewer settings")
    parser.add_argument("--length", type=int, default=24, help="fixed decoding length")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-translate-"))
    os.environ.update(
        PROCESSOR_DATA_DIR=str(tmp / "processor"),
        ARGOS_PACKAGES_DIR=str(tmp / "argos"),
        XDG_DATA_HOME=str(tmp / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp / "xdg-config"),
        XDG_CACHE_HOME=str(tmp / "xdg-cache"),
    )
    import ctranslate2
    import sentencepiece as spm

    from processor.translation import TranslationSettings, get_translator
    from processor.translation.engines.ct2 import LOAD_COUNTS
    from processor.translation.models.store import ModelStore

    t0 = time.perf_counter()
    vocab_size = 2000 if args.quick else 8000
    lines = tiny_models.corpus(max_lines=997)
    sp_path = tiny_models.train_sentencepiece(tmp / "sp.model", vocab_size=vocab_size, lines=lines)
    size = (
        dict(num_layers=2, d_model=256, ffn=1024, heads=4)
        if args.quick
        else dict(num_layers=6, d_model=512, ffn=2048, heads=8)
    )
    pkg = tiny_models.build_argos_package_dir(
        tmp / "src" / "translate-ru_en-bench", sp_path, quantization="int8", **size
    )
    archive = tiny_models.zip_dir(pkg, tmp / "translate-ru_en-bench.argosmodel")
    ModelStore().install(str(archive))
    print(
        f"model built and installed in {time.perf_counter() - t0:.1f}s ({size}, vocab {vocab_size})"
    )

    text = tiny_models.SEED.read_text(encoding="utf-8")
    sentences = sentences_of(text)
    sp = spm.SentencePieceProcessor(model_file=str(sp_path))
    source_tokens = sum(len(p) for p in sp.encode(sentences, out_type=str))
    print(f"{len(sentences)} sentences, {source_tokens} source tokens, decode length {args.length}")

    threads = (1,) if args.quick else (1, 2)
    beams = (1,) if args.quick else (1, 4)
    print("thr beam  bare s  proc s  ratio   tok/s  rss MB")
    for intra in threads:
        for beam in beams:
            settings = TranslationSettings(
                beam_size=beam,
                intra_threads=intra,
                min_decoding_length=args.length,
                max_decoding_length=args.length,
            )
            translator = get_translator("ru", "en", settings)
            bare = ctranslate2.Translator(
                str(translator.model.model_dir),
                device="cpu",
                compute_type="int8",
                intra_threads=intra,
            )

            def run_bare(bare=bare, settings=settings) -> None:
                # The bare baseline tokenizes too: same work, no processor layers.
                tokens = sp.encode(sentences, out_type=str)
                results = bare.translate_batch(
                    tokens,
                    max_batch_size=settings.max_batch_tokens,
                    batch_type="tokens",
                    beam_size=settings.beam_size,
                    length_penalty=settings.length_penalty,
                    max_decoding_length=settings.max_decoding_length,
                    min_decoding_length=settings.min_decoding_length,
                    replace_unknowns=True,
                )
                [sp.decode_pieces(r.hypotheses[0]) for r in results]

            def run_proc(translator=translator) -> None:
                translator.translate(sentences)

            run_bare()
            run_proc()  # warm-up both
            best_bare = best_proc = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                run_bare()
                best_bare = min(best_bare, time.perf_counter() - start)
                start = time.perf_counter()
                run_proc()
                best_proc = min(best_proc, time.perf_counter() - start)
            out_tokens = len(sentences) * args.length
            print(
                f"{intra:>3} {beam:>4} {best_bare:>7.3f} {best_proc:>7.3f} "
                f"{best_bare / best_proc:>5.2f}x {out_tokens / best_proc:>7.0f} "
                f"{peak_rss_mb():>7.0f}"
            )
            del bare

    # Several documents in a row: the model loads once, each document is one batch call.
    settings = TranslationSettings(beam_size=1, min_decoding_length=8, max_decoding_length=8)
    path = str(translator.model.model_dir.resolve())
    before = LOAD_COUNTS[path]
    calls = 0
    for _ in range(5):
        t = get_translator("ru", "en", settings)
        t.translate(sentences)
        calls += t.batch_calls
    print(f"5 documents, 5 get_translator calls: {LOAD_COUNTS[path] - before} model load(s)")
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
