"""Write a :class:`~processor.memo.content.Memo` as a Word document.

Written into the memo language's template (:mod:`processor.memo.template`: A4, one
typeface for every script, the styles): a running header with the memo type and
handling marking; "Page X of Y" in the footer; tables whose header row repeats and whose
rows never split across pages. The package is then cleaned of template leftovers
(:mod:`processor.memo.package`). With ``SOURCE_DATE_EPOCH`` set, the same memo gives the
same bytes.
"""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path
from typing import IO, Any, Protocol

from processor.fileio import write_atomic
from processor.memo.content import Memo
from processor.memo.labels import label
from processor.memo.ooxml import borders, el, put
from processor.memo.package import timestamp
from processor.memo.sections import Section, Table, Text, sections
from processor.memo.template import INK, TEXT_MM, WORD_LANGUAGE, blank, template

_RULE = "8C96A8"
_SHADE = "EEF1F5"
_CORE_MAX = 255  # Word refuses longer core properties


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES): Word and LibreOffice fill it in at layout."""
    run = paragraph.add_run()._r
    run.append(el("w:fldChar", fldCharType="begin"))
    instr = el("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    run.append(instr)
    run.append(el("w:fldChar", fldCharType="separate"))
    text = el("w:t")
    text.text = "1"
    run.append(text)
    run.append(el("w:fldChar", fldCharType="end"))


def _right_tab(paragraph: Any) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm

    paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_MM), WD_TAB_ALIGNMENT.RIGHT)


class Furniture(Protocol):
    """What the running header and the footer show (a memo, or a digest)."""

    @property
    def language(self) -> str: ...
    @property
    def memo_type(self) -> str: ...
    @property
    def marking(self) -> str: ...
    @property
    def footer_notice(self) -> str: ...


def _header_footer(document: Any, memo: Furniture) -> None:
    section = document.sections[0]
    head = section.header.paragraphs[0]
    head.text = memo.memo_type + (f"\t{memo.marking}" if memo.marking else "")
    _right_tab(head)
    _bottom_rule(head)

    notice = section.footer.paragraphs[0]
    notice.text = memo.footer_notice
    page = _paragraph(section.footer, None, "Footer")
    _right_tab(page)
    # "Page {page} of {pages}": the placeholders become PAGE and NUMPAGES fields.
    template = label("page_of", memo.language, page="\0PAGE\0", pages="\0NUMPAGES\0")
    page.add_run("\t")
    for i, piece in enumerate(template.split("\0")):
        if i % 2:
            _field(page, piece)
        elif piece:
            page.add_run(piece)


def _bottom_rule(paragraph: Any) -> None:
    rule = {"val": "single", "sz": "4", "space": "2", "color": _RULE}
    put(paragraph._p.get_or_add_pPr(), borders("pBdr", bottom=rule))


def _lead(paragraph: Any) -> None:
    """The bottom line: a shaded block with a rule on its left, read first."""
    ppr = paragraph._p.get_or_add_pPr()
    put(ppr, borders("pBdr", left={"val": "single", "sz": "18", "space": "6", "color": INK}))
    put(ppr, el("w:shd", val="clear", color="auto", fill=_SHADE))


# Style ids by name, resolved once per process: every memo starts from python-docx's one
# template, and python-docx scans every style twice for each paragraph that names one.
_STYLE_IDS: dict[tuple[str, bool], str | None] = {}
# What a table cell's paragraph and runs carry, by (font size, bold): built once through
# python-docx and copied into each cell (setting each property is a schema-ordered search).
_CELL_PROPS: dict[tuple[float, bool], tuple[Any, Any]] = {}
_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _style_id(part: Any, name: str, *, table: bool = False) -> str | None:
    key = (name, table)
    if key not in _STYLE_IDS:
        from docx.enum.style import WD_STYLE_TYPE

        kind = WD_STYLE_TYPE.TABLE if table else WD_STYLE_TYPE.PARAGRAPH
        _STYLE_IDS[key] = part.get_style_id(name, kind)
    return _STYLE_IDS[key]


def _paragraph(container: Any, text: str | None, style: str | None) -> Any:
    """``container.add_paragraph(text, style)``, the style id looked up once per process."""
    paragraph = container.add_paragraph(text)
    if style is not None:
        paragraph._p.style = _style_id(container.part, style)
    return paragraph


def _cell_props(size: float, bold: bool) -> tuple[Any, Any]:
    if (size, bold) not in _CELL_PROPS:
        from docx.shared import Pt
        from docx.text.paragraph import Paragraph

        paragraph = Paragraph(el("w:p"), None)  # type: ignore[arg-type]  # no part: formats only
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.0
        run = paragraph.add_run()
        run.font.size = Pt(size)
        run.bold = bold
        _CELL_PROPS[size, bold] = (paragraph._p.pPr, run._r)
    return _CELL_PROPS[size, bold]


def _cell_text(tc: Any, table: Any, text: str, size: float, bold: bool = False) -> None:
    ppr, empty_run = _cell_props(size, bool(bold))
    p = tc.p_lst[0]
    p.insert(0, copy.deepcopy(ppr))
    # Lines of one cell ("55 млрд долларов\n80%") as line breaks, not paragraphs.
    for i, line in enumerate(text.split("\n")):
        run = copy.deepcopy(empty_run)
        if "\t" in line or "\r" in line:
            run.text = line  # python-docx turns these into w:tab / w:br
        else:  # what run.text does for plain text, without its searches
            t = run.makeelement(_T)
            t.text = line
            if len(line.strip()) < len(line):
                t.set(_SPACE, "preserve")
            run.append(t)
        if i:
            run.insert(1, el("w:br"))  # after the run's properties, before its text
        p.append(run)
    if re.fullmatch(r"https?://\S+", text):
        from docx.table import _Cell

        _link(_Cell(tc, table).paragraphs[0], text)


def _link(paragraph: Any, url: str) -> None:
    """Make the paragraph's run a hyperlink to ``url`` (a link in the header block)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    run = paragraph.runs[0]
    run.font.underline = True
    run.font.color.rgb = RGBColor.from_string("1F4E99")
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = el("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run._r.addprevious(link)
    link.append(run._r)


def _table(document: Any, table: Table, small: bool) -> None:
    from docx.shared import Mm

    size = 10
    cols = len(table.widths)
    rows = list(table.rows) if table.fields else [table.header, *table.rows]
    grid = document.add_table(rows=len(rows), cols=cols)
    grid._tbl.tblStyle_val = _style_id(document.part, "Table Grid", table=True)
    grid.autofit = False
    tbl_pr = grid._tbl.tblPr
    put(tbl_pr, el("w:tblW", w=str(round(TEXT_MM * 1440 / 25.4)), type="dxa"))
    # One look for every table: horizontal rules only, no vertical lines.
    rule = {"val": "single", "sz": "4", "space": "0", "color": _RULE}
    none = {"val": "nil"}
    edges = dict(top=rule, bottom=rule, insideH=rule, left=none, right=none, insideV=none)
    put(tbl_pr, borders("tblBorders", **edges))
    put(tbl_pr, el("w:tblLayout", type="fixed"))
    widths = [Mm(TEXT_MM * w) for w in table.widths]
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for r, (tr, texts) in enumerate(zip(grid._tbl.tr_lst, rows, strict=True)):
        tr_pr = tr.get_or_add_trPr()
        tr_pr.append(el("w:cantSplit"))
        header = r == 0 and not table.fields
        if header:
            tr_pr.append(el("w:tblHeader"))
        for c, (tc, text) in enumerate(zip(tr.tc_lst, texts, strict=True)):
            tc.width = widths[c]
            _cell_text(tc, grid, text, size, bold=header or (table.fields and c == 0))
            if header:
                put(tc.get_or_add_tcPr(), el("w:shd", val="clear", color="auto", fill=_SHADE))


def _text(document: Any, block: Text, small: bool) -> None:
    from docx.shared import Pt, RGBColor

    if block.style == "subheading":
        _paragraph(document, block.text, "Heading 2")
        return
    style = "List Bullet" if block.style == "bullet" else None
    paragraph = _paragraph(document, block.text, style)
    if block.style == "lead":
        _lead(paragraph)
    if block.style == "note" or small:
        for run in paragraph.runs:
            run.font.size = Pt(10)
            run.font.color.rgb = RGBColor.from_string("5A6478")


def _section(document: Any, section: Section) -> None:
    if section.heading:
        heading = _paragraph(document, section.heading, "Heading 1")
        # The full text is an annex: it starts on a page of its own, after the brief.
        heading.paragraph_format.page_break_before = section.key == "full_text"
    small = section.key == "method"
    for block in section.blocks:
        if isinstance(block, Table):
            _table(document, block, small)
        else:
            _text(document, block, small)


def _cap(text: str) -> str:
    """Core properties longer than Word allows make Word refuse the file."""
    return text if len(text) <= _CORE_MAX else text[: _CORE_MAX - 1].rstrip() + "…"


def build_docx(memo: Memo, document: Any = None) -> Any:
    """The memo as a python-docx ``Document`` (not yet saved), written into ``document``
    (a new one from the memo language's template by default)."""
    lang = memo.language
    document = template(lang) if document is None else document
    _paragraph(document, memo.title, "Title")
    for section in sections(memo):
        _section(document, section)
    _header_footer(document, memo)

    moment = timestamp()
    props = document.core_properties
    props.title = _cap(memo.title)
    props.subject = _cap(memo.memo_type)
    props.language = WORD_LANGUAGE.get(lang, lang)
    props.keywords = _cap(", ".join(memo.keywords))
    props.author = "processor"
    props.last_modified_by = "processor"
    props.comments = _cap(memo.footer_notice)
    props.category = _cap(memo.marking)
    props.created = moment
    props.modified = moment
    props.revision = 1
    return document


def docx_bytes(memo: Memo) -> bytes:
    """The memo's DOCX package: the bytes of :func:`build_docx` saved and cleaned."""
    opened = blank(memo.language)
    build_docx(memo, opened.reset())
    return opened.package()


def write_docx(memo: Memo, dest: str | os.PathLike[str]) -> Path:
    """Write the memo to ``dest`` atomically."""
    data = docx_bytes(memo)

    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    return write_atomic(dest, write)


# Building blocks for other documents in the memo's look (the daily digest calls them,
# after processor.memo.template.template).
header_footer = _header_footer
add_section = _section
cap = _cap
