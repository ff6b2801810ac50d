"""Benchmark: the cost of translate_docx around the model, against python-docx itself.

Builds a DOCX from the seed article repeated N times (every paragraph split into
plain/bold/italic runs, a table, a header), then, in the same process, times:

* baseline: python-docx open + save of the same file (what any DOCX tool pays);
* translate_docx with an instant translator (so only our work is measured:
  walking the parts, segmenting, choosing runs, writing back, atomic save).

Prints both and the ratio, plus paragraphs/s and sentences/s of our overhead.

    /work/venv/bin/python bench/bench_translate_docx.py [--copies 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SEED = REPO / "examples" / "zakon-tokayev-trump.ru.txt"


class InstantTranslator:
    source, target = "ru", "en"

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return [s[::-1] for s in sentences]

    def describe(self) -> str:
        return "instant"


def build(path: Path, copies: int) -> int:
    import docx

    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Обзор прессы"
    count = 0
    for _ in range(copies):
        d.add_heading(paragraphs[0], level=1)
        for text in paragraphs[1:]:
            p = d.add_paragraph()
            third = max(1, len(text) // 3)
            p.add_run(text[:third])
            p.add_run(text[third : 2 * third]).bold = True
            p.add_run(text[2 * third :]).italic = True
            count += 1
        table = d.add_table(rows=2, cols=2)
        for cell in table._cells:
            cell.text = "Ячейка таблицы с текстом."
    d.save(str(path))
    return count


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import docx

    from processor.translation.document import translate_docx

    with tempfile.TemporaryDirectory() as tmp:
        src, base_out, out = Path(tmp) / "in.docx", Path(tmp) / "b.docx", Path(tmp) / "o.docx"
        n_paragraphs = build(src, args.copies)
        translate_docx(src, out, InstantTranslator())  # warm imports and razdel

        def baseline() -> None:
            docx.Document(str(src)).save(str(base_out))

        report = None

        def ours() -> None:
            nonlocal report
            report = translate_docx(src, out, InstantTranslator())

        t_base = best_of(args.repeat, baseline)
        t_ours = best_of(args.repeat, ours)
    print(f"document: {n_paragraphs} body paragraphs x 3 runs, {report.sentences} sentences")
    print(f"baseline python-docx open+save: {t_base * 1000:8.1f} ms")
    print(f"translate_docx (instant model): {t_ours * 1000:8.1f} ms")
    print(f"ratio ours/baseline: {t_ours / t_base:.2f}x")
    print(
        f"overhead throughput: {report.total_paragraphs / t_ours:.0f} paragraphs/s, "
        f"{report.sentences / t_ours:.0f} sentences/s"
    )


if __name__ == "__main__":
    main()
