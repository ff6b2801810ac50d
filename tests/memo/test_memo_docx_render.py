"""The rendering mechanics: a template per memo language, table cells built from copies."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
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


def _saved_and_cleaned(memo) -> bytes:
    """The memo as python-docx saves it from a template of its own, cleaned: the package
    ``docx_bytes`` must write whatever it rendered before."""
    from processor.memo.docx import build_docx
    from processor.memo.package import clean_package

    buffer = io.BytesIO()
    build_docx(memo).save(buffer)
    return clean_package(buffer.getvalue())


def test_a_memo_is_the_same_package_whatever_was_rendered_before(tmp_path: Path, monkeypatch):
    """Each memo resets one opened template (a batch's parent renders every memo): no
    link, text or property of the memo before survives into the next."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    [seed] = seed_memos(tmp_path, ("ru",)).memos
    first = replace(seed, url="https://www.zakon.kz/first.html", title="Первая записка")
    second = replace(seed, url="https://kaztag.kz/second.html", keywords=("Акорда",))
    expected = _saved_and_cleaned(second)
    docx_bytes(first)
    data = docx_bytes(second)
    assert data == expected
    assert b"first.html" not in b"".join(_entries(data).values())
    rendered = docx.Document(io.BytesIO(data))
    assert "Токаев" in "\n".join(p.text for p in rendered.paragraphs)
    assert rendered.core_properties.keywords == "Акорда"


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        return {name: package.read(name) for name in package.namelist()}


def test_the_template_parts_are_deflated_once_per_process(tmp_path: Path, monkeypatch):
    """After the first memo, only what a memo writes is serialized and deflated: the body
    with its links, the header, the footer and the core properties."""
    import zlib

    [memo] = seed_memos(tmp_path, ("ru",)).memos
    docx_bytes(memo)
    deflated: list[int] = []
    real = zlib.compressobj

    def counting(*args, **kwargs):
        deflated.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(zlib, "compressobj", counting)
    data = docx_bytes(memo)
    monkeypatch.undo()
    assert len(deflated) == 5
    assert len(_entries(data)) == 14  # the other nine came from the first memo


def test_threads_render_their_own_memos(tmp_path: Path, monkeypatch):
    """The service may render in several threads: each has its own opened template."""
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    [seed] = seed_memos(tmp_path, ("ru",)).memos
    memos = [replace(seed, url=f"https://www.zakon.kz/{i}.html") for i in range(8)]
    expected = [_saved_and_cleaned(memo) for memo in memos]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(docx_bytes, memos * 3)) == expected * 3


def test_the_zip_is_the_one_zipfile_writes(monkeypatch):
    """The memo's zip is written from entries deflated once; its bytes are those Python's
    zipfile writes for the same entries (Word reads those), non-ASCII names included."""
    from processor.memo.package import deflated, timestamp, zipped

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000001")
    items = [("word/document.xml", "<w:t>Токаев</w:t>".encode() * 50), ("media/ä.bin", b"\0\1")]
    moment = timestamp()
    stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    expected = io.BytesIO()
    with zipfile.ZipFile(expected, "w") as package:
        for name, body in items:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            package.writestr(entry, body)
    assert zipped([deflated(name, body) for name, body in items]) == expected.getvalue()
