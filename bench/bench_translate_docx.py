"""Benchmark: DOCX translation with inline formatting (markers) against the plain path.

Builds the seed article as a DOCX the way an editor would format it (questions in
bold, names in italics, a link, a header), repeated ``--copies`` times, then in the
same process times, with an instant translator so only our own work is measured:

* python-docx open + save of the same file (what any DOCX tool pays);
* the plain path (``inline=False``: each sentence into the run of its main formatting);
* the marker path (``inline=True``, the default), with a model that keeps the markers
  and with one that drops them all (the fallback that places spans by position).

Prints time and peak traced memory of each, and the ratios marker/plain (target: at
most 1.3x). Run: ``python -m bench.bench_translate_docx [--copies 1] [--repeat 5]``
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.harness import SEED, table, timed

_TAG = re.compile(r"\s*</?x\d+/?>\s*")


class InstantTranslator:
    """Upper-cases the text; keeps the markers, or drops them like a careless model."""

    source, target = "ru", "en"

    def __init__(self, keep_markers: bool = True) -> None:
        self.keep = keep_markers

    def translate(self, sentences: Sequence[str]) -> list[str]:
        if self.keep:
            return [s.upper().replace("<X", "<x").replace("</X", "</x") for s in sentences]
        return [_TAG.sub(" ", s).upper().strip() for s in sentences]

    def describe(self) -> str:
        return "instant"


def build(path: Path, copies: int) -> int:
    """The seed as an edited DOCX; returns the number of formatted runs."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Обзор прессы"
    formatted = 0
    for _ in range(copies):
        d.add_heading(paragraphs[0], level=1)
        for text in paragraphs[1:]:
            p = d.add_paragraph()
            if text.startswith(("–", "—")):
                p.add_run(text).bold = True  # the interviewer's questions, as printed
                formatted += 1
                continue
            words = text.split(" ")
            cut = max(1, len(words) // 3)
            p.add_run(" ".join(words[:cut]) + " ")
            p.add_run(" ".join(words[cut : cut + 2])).italic = True
            p.add_run(" " + " ".join(words[cut + 2 :]))
            formatted += 1
        link = d.add_paragraph("Полный текст интервью ")
        r_id = link.part.relate_to("https://www.zakon.kz", RT.HYPERLINK, is_external=True)
        link._p.append(
            parse_xml(
                f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"><w:r>'
                "<w:t>на сайте издания</w:t></w:r></w:hyperlink>"
            )
        )
        link.add_run(".")
        formatted += 1
    d.save(str(path))
    return formatted


def _peak_rss(src: str, dest: str, kind: str) -> float:
    """Peak resident memory (MiB) of a fresh process that runs one path once.

    tracemalloc sees only Python objects; lxml's trees live in C, so memory is read as
    the whole process's peak, in a process of its own for each path.
    """
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_run_once, args=(src, dest, kind, child))
    proc.start()
    peak = parent.recv()
    proc.join()
    return float(peak)


def _run_once(src: str, dest: str, kind: str, conn: object) -> None:
    import docx

    from bench.harness import peak_rss_mib
    from processor.translation.formats.docx import translate_docx

    if kind == "python-docx":
        docx.Document(src).save(dest)
    else:
        translate_docx(Path(src), Path(dest), InstantTranslator(), inline=kind == "markers")
    conn.send(peak_rss_mib())  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import docx

    from processor.translation.formats.docx import translate_docx

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.docx", Path(tmp) / "out.docx"
        formatted = build(src, args.copies)
        translate_docx(src, out, InstantTranslator())  # warm imports and razdel

        base = timed(lambda: docx.Document(str(src)).save(str(out)), args.repeat)
        plain = timed(
            lambda: translate_docx(src, out, InstantTranslator(), inline=False), args.repeat
        )
        kept = timed(lambda: translate_docx(src, out, InstantTranslator()), args.repeat)
        dropped = timed(
            lambda: translate_docx(src, out, InstantTranslator(keep_markers=False)), args.repeat
        )
        report = translate_docx(src, out, InstantTranslator())
        rss = {k: _peak_rss(str(src), str(out), k) for k in ("python-docx", "plain", "markers")}

    rows = [
        ("python-docx open+save", f"{base.seconds * 1000:.1f}", f"{base.peak_mib:.1f}", "-"),
        ("plain path", f"{plain.seconds * 1000:.1f}", f"{plain.peak_mib:.1f}", "1.00x"),
        (
            "markers kept",
            f"{kept.seconds * 1000:.1f}",
            f"{kept.peak_mib:.1f}",
            f"{kept.ratio(plain):.2f}x",
        ),
        (
            "markers dropped",
            f"{dropped.seconds * 1000:.1f}",
            f"{dropped.peak_mib:.1f}",
            f"{dropped.ratio(plain):.2f}x",
        ),
    ]
    print(
        f"seed as DOCX x{args.copies}: {report.sentences} sentences, {formatted} formatted runs, "
        f"{report.fidelity.spans} inline spans"
    )
    print(table(rows, ("path", "ms (median)", "peak MiB", "time vs plain")))
    print(
        "peak RSS of a fresh process, MiB: "
        + ", ".join(f"{k} {v:.0f}" for k, v in rss.items())
        + f"; markers/plain {rss['markers'] / rss['plain']:.2f}x"
    )


if __name__ == "__main__":
    main()
