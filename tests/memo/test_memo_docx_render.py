"""The rendering mechanics: a template per memo language, table cells built from copies."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Pt

from processor.memo.docx import _cell_text, docx_bytes
from tests.support.memo import seed_memos


def test_cell_lines_tabs_and_edge_spaces_survive_with_size_and_weight():
    document = docx.Document()
    grid = document.add_table(rows=1, cols=2)
    tcs = grid._tbl.tr_lst[0].tc_lst
    _cell_text(tcs[0], grid, " 55 млрд долларов\tв год\n80% ", 9.5, bold=True)
    _cell_text(tcs[1], grid, "https://www.zakon.kz/a.html", 8.5)
    buffer = io.BytesIO()
    document.save(buffer)
    cells = docx.Document(io.BytesIO(buffer.getvalue())).tables[0].rows[0].cells
    assert cells[0].text == " 55 млрд долларов\tв год\n80% "
    runs = cells[0].paragraphs[0].runs
    assert len(runs) == 2 and all(r.bold is True and r.font.size == Pt(9.5) for r in runs)
    assert runs[0]._r.find(qn("w:t")).get(qn("xml:space")) == "preserve"
    assert cells[0].paragraphs[0].paragraph_format.space_after == Pt(0)
    link = cells[1].paragraphs[0]._p.find(qn("w:hyperlink"))
    assert link is not None and "zakon.kz" in cells[1].text
    assert (
        cells[1]
        .paragraphs[0]
        ._p.find(qn("w:hyperlink"))
        .find(qn("w:r"))
        .find(qn("w:rPr"))
        .find(qn("w:b"))
        .get(qn("w:val"))
        == "0"
    )


def test_each_language_keeps_its_own_template_within_one_process(tmp_path: Path):
    result = seed_memos(tmp_path, ("kk", "ru", "kk"))
    for memo in result.memos:
        proofing = docx.Document(io.BytesIO(docx_bytes(memo))).styles.element.find(
            qn("w:docDefaults")
        )
        lang = proofing.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
        assert lang.get(qn("w:val")) == {"ru": "ru-RU", "kk": "kk-KZ"}[memo.language]


def test_a_memo_is_compressed_once_and_is_the_same_package(tmp_path: Path, monkeypatch):
    """The memo's package comes straight from python-docx's parts, deflated once (the
    parent renders every memo of a batch): the bytes are those of python-docx's own save
    cleaned as before, and no part is deflated twice."""
    import zlib

    from processor.memo.docx import build_docx
    from processor.memo.package import clean_package

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    [memo] = seed_memos(tmp_path, ("ru",)).memos
    buffer = io.BytesIO()
    build_docx(memo).save(buffer)
    saved_then_cleaned = clean_package(buffer.getvalue())

    deflated: list[int] = []
    real = zlib.compressobj

    def counting(*args, **kwargs):
        deflated.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(zlib, "compressobj", counting)
    data = docx_bytes(memo)
    monkeypatch.undo()
    assert data == saved_then_cleaned
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert len(deflated) == len(package.infolist())  # one deflate per entry
    assert "Токаев" in "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
