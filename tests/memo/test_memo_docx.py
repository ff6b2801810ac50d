"""The memo's DOCX opened and read back: page, fonts, header and footer, tables, package."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from processor.memo import build_memo
from processor.memo.docx import write_docx
from processor.memo.package import FONT
from processor.memo.text import markdown
from processor.pipeline import BriefOptions, prepare
from tests.support.data import SEED
from tests.support.memo import SEED_STEM, seed_memos


@pytest.fixture(scope="module")
def memos(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("memo-docx")
    seed_memos(outdir)
    return outdir


def _open(outdir: Path, lang: str):
    return docx.Document(outdir / f"{SEED_STEM}.{lang}.docx")


def test_a4_with_margins(memos):
    section = _open(memos, "ru").sections[0]
    # Word stores twips: compare to a tenth of a millimetre.
    for value, mm in (
        (section.page_width, 210),
        (section.page_height, 297),
        (section.left_margin, 25),
        (section.right_margin, 15),
        (section.top_margin, 20),
        (section.bottom_margin, 20),
    ):
        assert abs(value - Mm(mm)) < Mm(0.1), (value, mm)


def test_fonts_declared_for_every_script_without_theme(memos):
    document = _open(memos, "kk")
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    used = {p.style.name for p in document.paragraphs} | {"Header", "Footer", "Table Grid"}
    elements = [defaults] + [document.styles[name].element.rPr for name in used]
    for rpr in elements:
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert fonts.get(qn(f"w:{attr}")) == FONT
        assert not [a for a in fonts.attrib if a.endswith("Theme")]
        assert rpr.find(qn("w:lang")).get(qn("w:val")) == "kk-KZ"


def test_running_header_and_page_x_of_y(memos):
    section = _open(memos, "ru").sections[0]
    assert section.header.paragraphs[0].text == "Аналитическая справка\tДля внутреннего пользования"
    footer = section.footer._element.xml
    instructions = re.findall(r"<w:instrText[^>]*>\s*(\w+)\s*<", footer)
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "Стр. " in footer and " из " in footer


def test_tables_repeat_header_rows_never_split_and_have_own_widths(memos):
    document = _open(memos, "en")
    tables = document.tables
    assert len(tables) >= 3  # header block, figures, names (the method is one line)
    widths = set()
    for table in tables:
        rows = table._tbl.findall(qn("w:tr"))
        assert all(r.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for r in rows)
        widths.add(
            tuple(int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol")))
        )
        styles = table._tbl.tblPr.find(qn("w:tblStyle")).get(qn("w:val"))
        assert styles == "TableGrid"  # one table style across the memo
    assert len(widths) >= 3
    names = next(t for t in tables if t.rows[0].cells[0].text == "Русский")
    assert [c.text for c in names.rows[0].cells] == ["Русский", "English", "Қазақша", "Type"]
    header_row = names._tbl.findall(qn("w:tr"))[0]
    assert header_row.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    first_widths = [c.width for c in names.rows[0].cells]
    assert len(set(first_widths)) > 1  # not equal columns


def test_template_leftovers_removed(memos):
    with zipfile.ZipFile(memos / f"{SEED_STEM}.ru.docx") as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
        settings = package.read("word/settings.xml").decode()
        rels = package.read("_rels/.rels").decode()
        numbering = package.read("word/numbering.xml").decode()
        font_table = package.read("word/fontTable.xml").decode()
    assert "docProps/thumbnail.jpeg" not in names and "thumbnail" not in rels
    assert "word/stylesWithEffects.xml" not in names
    assert not [n for n in names if n.startswith("customXml/")]
    with zipfile.ZipFile(memos / f"{SEED_STEM}.ru.docx") as package:
        content_types = package.read("[Content_Types].xml").decode()
        document_rels = package.read("word/_rels/document.xml.rels").decode()
        theme = package.read("word/theme/theme1.xml").decode()
    assert "stylesWithEffects" not in content_types + document_rels
    assert "customXml" not in content_types + document_rels
    assert "Cambria" not in theme and "Calibri" not in theme
    # Every part a relationship points at is still in the package.
    for target in re.findall(r'Target="([^"]+)"', document_rels):
        if not target.startswith("http"):
            assert f"word/{target}" in names, target
    assert "Macintosh" not in app and "<Application>processor</Application>" in app
    assert 'w:name="compatibilityMode"' in settings
    assert re.search(r'compatibilityMode" w:uri="[^"]+" w:val="15"', settings)
    assert "Symbol" not in numbering
    assert f'w:name="{FONT}"' in font_table and 'w:altName w:val="Times New Roman"' in font_table


def test_a_300_character_headline_is_written_and_capped(tmp_path):
    prepared = prepare(SEED, BriefOptions())
    headline = ("Очень длинный заголовок статьи о переговорах и инвестициях " * 6)[:300]
    memo = build_memo(prepared.doc, prepared.selection, language="ru", title=headline)
    path = write_docx(memo, tmp_path / "long.docx")
    document = docx.Document(path)
    subject = document.paragraphs[0].text
    assert 40 <= len(subject) <= 120  # two title lines
    assert subject.endswith("…") and headline.startswith(subject[:-1])  # the cut is shown
    assert len(document.core_properties.title) <= 255
    memo.title = headline  # even handed a 300-character title, the writer caps what Word caps
    document = docx.Document(write_docx(memo, tmp_path / "long2.docx"))
    assert document.paragraphs[0].text == headline
    assert len(document.core_properties.title) <= 255


def test_header_block_link_is_a_hyperlink(tmp_path):
    prepared = prepare(SEED, BriefOptions())
    prepared.doc.meta.url = "https://www.zakon.kz/politika/6497155.html"
    prepared.doc.meta.published = "2025-11-07"
    memo = build_memo(prepared.doc, prepared.selection, language="kk")
    document = docx.Document(write_docx(memo, tmp_path / "link.kk.docx"))
    rows = {r.cells[0].text: r.cells[1] for r in document.tables[0].rows}
    assert rows["Жарияланған күні"].text == "07.11.2025"
    cell = rows["Сілтеме"]
    [link] = cell._tc.iter(qn("w:hyperlink"))
    target = document.part.rels[link.get(qn("r:id"))].target_ref
    assert target == "https://www.zakon.kz/politika/6497155.html" == cell.text


def test_markdown_says_what_the_docx_says(memos):
    for lang in ("ru", "en", "kk"):
        document = _open(memos, lang)
        md = (memos / f"{SEED_STEM}.{lang}.md").read_text(encoding="utf-8")
        headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
        assert re.findall(r"^## (.+)$", md, flags=re.M) == headings
        assert f"# {document.paragraphs[0].text}" in md
        for table in document.tables:
            for row in table.rows:
                first = row.cells[0].text.split("\n")[0]
                assert first.replace("|", "\\|") in md, first
        for p in document.paragraphs:
            if p.style.name == "List Bullet":
                assert f"- {p.text}" in md


def test_markdown_and_json_name_the_bottom_line(memos):
    import json

    data = json.loads((memos / f"{SEED_STEM}.ru.json").read_text(encoding="utf-8"))
    lead = " ".join(item["text"] for item in data["bottom_line"])
    md = (memos / f"{SEED_STEM}.ru.md").read_text(encoding="utf-8")
    assert f"> {lead}" in md
    assert data["marking"] == "Для внутреннего пользования"
    assert data["memo_type"] == "Аналитическая справка"


def test_markdown_of_a_memo_matches_its_sections():
    prepared = prepare(SEED, BriefOptions())
    memo = build_memo(prepared.doc, prepared.selection, language="en", marking="")
    md = markdown(memo)
    assert md.startswith("*Briefing memo*\n\n# ")


def test_property_elements_in_schema_order(memos):
    """Word refuses a file whose property elements are out of order (LibreOffice does not)."""
    from lxml import etree

    from processor.memo.ooxml import ORDER

    with zipfile.ZipFile(memos / f"{SEED_STEM}.kk.docx") as package:
        parts = [n for n in package.namelist() if n.startswith("word/") and n.endswith(".xml")]
        checked = 0
        for name in parts:
            root = etree.fromstring(package.read(name))
            for parent in root.iter():
                local = etree.QName(parent).localname
                if local not in ORDER or not isinstance(parent.tag, str):
                    continue
                order = ORDER[local]
                seen = [etree.QName(c).localname for c in parent if isinstance(c.tag, str)]
                positions = [order.index(n) for n in seen if n in order]
                assert positions == sorted(positions), (name, local, seen)
                checked += 1
    assert checked > 100


def test_body_12_pt_tables_10_pt_and_method_one_line(memos):
    document = _open(memos, "ru")
    assert document.styles["Normal"].font.size.pt == 12
    cell_sizes = {
        run.font.size.pt
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    }
    assert cell_sizes and min(cell_sizes) >= 10  # was 8.5 and 9.5
    method = [p.text for p in document.paragraphs if p.text.startswith("Метод.")]
    assert len(method) == 1 and "Файл: zakon-tokayev-trump.ru.txt (txt)" in method[0]
    assert not any(p.text == "Метод" for p in document.paragraphs)  # no heading of its own
