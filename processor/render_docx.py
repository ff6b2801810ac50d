"""Write a :class:`~processor.memo.Memo` as a Word document.

Real Word styles (Title, Heading 1, List Bullet, a table style), core
properties, a footer with page numbers and the machine-processing notice, and
the memo language set on the styles so Word proofs it in the right language.
With ``SOURCE_DATE_EPOCH`` set, the same memo gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path
from typing import Any

from processor.fileio import write_atomic
from processor.labels import label
from processor.memo import Memo, entity_type, processing_time

_WORD_LANGUAGE = {"en": "en-GB", "ru": "ru-RU", "kk": "kk-KZ"}
_TABLE_STYLE = "Light Grid Accent 1"


def _timestamp() -> dt.datetime:
    # Naive UTC: what python-docx and zip entry times expect.
    return processing_time().replace(tzinfo=None)


def _set_language(document: Any, language: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tag = _WORD_LANGUAGE.get(language, language)
    for style_name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet"):
        rpr = document.styles[style_name].element.get_or_add_rPr()
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        for attr in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attr), tag)


def _page_field(paragraph: Any) -> None:
    """Append a PAGE field: Word fills in the number when it lays the page out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _footer(document: Any, memo: Memo) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    footer = document.sections[0].footer
    notice = footer.paragraphs[0]
    notice.text = memo.footer_notice
    for run in notice.runs:
        run.font.size = Pt(8)
    page = footer.add_paragraph(f"{label('page', memo.language)} ")
    page.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_field(page)


def _table(document: Any, header: list[str], rows: list[list[str]]) -> Any:
    table = document.add_table(rows=1, cols=len(header))
    table.style = document.styles[_TABLE_STYLE]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    return table


def build_docx(memo: Memo) -> Any:
    """The memo as a python-docx ``Document`` (not yet saved)."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    lang = memo.language
    _set_language(document, lang)
    document.styles["Normal"].font.size = Pt(11)

    document.add_paragraph(memo.title, style="Title")
    document.add_paragraph(label("memo", lang), style="Subtitle")

    meta = document.add_table(rows=0, cols=2)
    meta.style = document.styles["Table Grid"]
    for key, value in memo.metadata_rows():
        cells = meta.add_row().cells
        cells[0].text, cells[1].text = key, value
        cells[0].paragraphs[0].runs[0].bold = True

    document.add_heading(label("key_points", lang), level=1)
    for item in memo.key_points:
        document.add_paragraph(item.text, style="List Bullet")

    if memo.key_figures:
        document.add_heading(label("key_figures", lang), level=1)
        for item in memo.key_figures:
            document.add_paragraph(item.text, style="List Bullet")

    if memo.entities:
        document.add_heading(label("entities", lang), level=1)
        _table(
            document,
            ["ru", "en", "kk", label("type", lang)],
            [[e.ru, e.en, e.kk, entity_type(e, lang)] for e in memo.entities],
        )

    if memo.notices:
        document.add_heading(label("notices", lang), level=1)
        for notice in memo.notices:
            document.add_paragraph(notice, style="List Bullet")

    if memo.full_text is not None:
        document.add_heading(label("full_text", lang), level=1)
        for kind, text in memo.full_text:
            if kind in ("title", "heading"):
                document.add_heading(text, level=2)
            elif kind == "list_item":
                document.add_paragraph(text, style="List Bullet")
            else:
                document.add_paragraph(text)

    if memo.terms:
        document.add_heading(label("terminology", lang), level=1)
        _table(
            document,
            [label("term", lang), "ru", label("occurrences", lang), label("correct", lang)],
            [
                [
                    t.term,
                    t.source,
                    str(t.occurrences),
                    label("not_translated", lang)
                    if t.correct is None
                    else label("yes" if t.correct else "no", lang),
                ]
                for t in memo.terms
            ],
        )

    _footer(document, memo)
    moment = _timestamp()
    props = document.core_properties
    props.title = memo.title
    props.subject = label("memo", lang)
    props.language = _WORD_LANGUAGE.get(lang, lang)
    props.keywords = ", ".join(memo.keywords)
    props.author = "processor"
    props.last_modified_by = "processor"
    props.comments = memo.footer_notice
    props.created = moment
    props.modified = moment
    props.revision = 1
    return document


def _reproducible_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry times: same memo, same bytes."""
    moment = _timestamp()
    stamp = (
        max(moment.year, 1980),
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def docx_bytes(memo: Memo) -> bytes:
    buffer = io.BytesIO()
    build_docx(memo).save(buffer)
    return _reproducible_zip(buffer.getvalue())


def write_docx(memo: Memo, dest: str | os.PathLike[str]) -> Path:
    """Write the memo to ``dest`` atomically."""
    data = docx_bytes(memo)
    return write_atomic(dest, lambda fh: fh.write(data))
