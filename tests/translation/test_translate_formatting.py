"""Document translation keeps what the author formatted (issue 10).

One demanding DOCX, built here: a heading, a sentence spread over bold, italic,
underlined and coloured runs, a hyperlink, a content control and a tracked insertion
inside sentences, a tracked deletion, a table with a merged cell, a text box, a
comment, PAGE/NUMPAGES fields in the footer, a footnote, an endnote, core properties
and an image with alt text. It goes through two model doubles: one that keeps the
markers (as a good model does) and one that drops every marker.
"""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import RGBColor
from lxml import etree

from processor.glossary.romanize import romanize
from processor.translation.formats.docx import translate_docx
from tests.support.doubles import RecordingTranslator

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
MARKER = re.compile(r"</?x\d+/?>")


def word_model(keep_markers: bool) -> RecordingTranslator:
    """A 'model' that romanizes every Cyrillic word; it keeps or drops the markers."""

    def translate(sentence: str) -> str:
        out = re.sub(r"[А-Яа-яЁё]+", lambda m: romanize(m.group(0)), sentence)
        return out if keep_markers else re.sub(r"\s*</?x\d+/?>\s*", " ", out).strip()

    return RecordingTranslator(translate, name="words" if keep_markers else "no-markers")


def _notes_part(document, uri: str, content_type: str, rel: str, tag: str, text: str) -> None:
    xml = (
        f"<w:{tag}s {nsdecls('w')}>"
        f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
        f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{tag}>"
        f'<w:{tag} w:id="1"><w:p><w:r><w:{tag}Ref/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{tag}>'
        f"</w:{tag}s>"
    )
    part = Part(PackURI(uri), content_type, xml.encode(), document.part.package)
    document.part.relate_to(part, rel)


def _field(instr: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def build_demanding_docx(path: Path) -> None:
    d = docx.Document()
    d.core_properties.title = "Заявление президента о реформах"
    d.core_properties.subject = "Внутренняя политика"
    d.core_properties.keywords = "реформы, парламент"
    d.add_heading("Заявление президента", level=1)

    p = d.add_paragraph()
    p.add_run("Президент ")
    p.add_run("решительно").bold = True
    p.add_run(" заявил о ")
    p.add_run("новых").italic = True
    p.add_run(" ")
    p.add_run("важных").underline = True
    p.add_run(" ")
    red = p.add_run("реформах")
    red.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    p.add_run(" в стране.")
    p._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>'
        )
    )

    link = d.add_paragraph("Подробности опубликованы ")
    r_id = link.part.relate_to("https://akorda.kz/ru", RT.HYPERLINK, is_external=True)
    link._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"><w:r><w:rPr>'
            '<w:rStyle w:val="Hyperlink"/></w:rPr><w:t>на сайте Акорды</w:t></w:r></w:hyperlink>'
        )
    )
    link.add_run(" вчера вечером.")

    control = d.add_paragraph("Документ подписал ")
    control._p.append(
        parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Подписант"/><w:id w:val="77"/>'
            "</w:sdtPr><w:sdtContent><w:r><w:t>глава государства</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )
    control.add_run(" в Астане.")

    tracked = d.add_paragraph("Парламент ")
    tracked._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="11" w:author="Редактор" w:date="2025-01-01T00:00:00Z">'
            "<w:r><w:t>единогласно</w:t></w:r></w:ins>"
        )
    )
    tracked._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="12" w:author="Редактор" w:date="2025-01-01T00:00:00Z">'
            '<w:r><w:delText xml:space="preserve">вчера </w:delText></w:r></w:del>'
        )
    )
    tracked.add_run(" одобрил закон.")
    tracked._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:endnoteReference w:id="1"/></w:r>'
        )
    )

    commented = d.add_paragraph()
    run = commented.add_run("Министр прокомментировал решение.")
    d.add_comment(run, text="Проверить цитату министра.", author="Аналитик")

    table = d.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Объединённая ячейка таблицы"
    table.cell(1, 0).text = "Показатель"
    table.cell(1, 1).text = "Значение"

    box = d.add_paragraph("Текст до рамки.")
    box._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
            '<v:shape style="width:100pt;height:50pt"><v:textbox><w:txbxContent>'
            "<w:p><w:r><w:t>Текст в рамке.</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )

    picture = d.add_paragraph().add_run().add_picture(io.BytesIO(PNG))
    picture._inline.docPr.set("descr", "Фотография президента")

    footer = d.sections[0].footer.paragraphs[0]
    footer._p.append(
        parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">Страница </w:t></w:r>')
    )
    for xml in (
        _field("PAGE", "1"),
        '<w:r><w:t xml:space="preserve"> из </w:t></w:r>',
        _field("NUMPAGES", "2"),
    ):
        for element in list(etree.fromstring(f"<w:x {nsdecls('w')}>{xml}</w:x>")):
            footer._p.append(element)

    _notes_part(
        d,
        "/word/footnotes.xml",
        CT.WML_FOOTNOTES,
        RT.FOOTNOTES,
        "footnote",
        "Источник: агентство Казинформ.",
    )
    _notes_part(
        d,
        "/word/endnotes.xml",
        CT.WML_ENDNOTES,
        RT.ENDNOTES,
        "endnote",
        "Закон вступает в силу через десять дней.",
    )
    d.save(str(path))


def _xml(path: Path, name: str):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def _fields(path: Path, name: str) -> list[bytes]:
    """Every field of a part, from its begin to its end run, as bytes."""
    root = _xml(path, name)
    out, current = [], None
    for r in root.iter(f"{W}r"):
        char = r.find(f"{W}fldChar")
        kind = char.get(f"{W}fldCharType") if char is not None else None
        if kind == "begin":
            current = []
        if current is not None:
            current.append(etree.tostring(r))
        if kind == "end" and current is not None:
            out.append(b"".join(current))
            current = None
    return out


def _units(path: Path) -> list[str]:
    """Every text unit with letters, over all stories (document order)."""
    units = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(z.read(name))
                for p in root.iter(f"{W}p"):
                    own = [
                        t
                        for t in p.iter(f"{W}t", f"{W}delText")
                        if next(t.iterancestors(f"{W}p")) is p
                    ]
                    text = "".join(t.text or "" for t in own)
                    if any(ch.isalpha() for ch in text):
                        units.append(text)
    return units


def _cyrillic(text: str) -> bool:
    return bool(re.search(r"[А-Яа-яЁё]", text))


def _run_texts(paragraph) -> list[tuple[str, dict[str, object]]]:
    out = []
    for r in paragraph.runs:
        if r.text:
            color = r.font.color.rgb if r.font.color and r.font.color.type else None
            out.append((r.text, {"b": r.bold, "i": r.italic, "u": r.underline, "c": color}))
    return out


@pytest.fixture
def demanding(tmp_path: Path) -> Path:
    path = tmp_path / "demanding.docx"
    build_demanding_docx(path)
    return path


def test_every_unit_translated_and_every_span_kept(demanding: Path, tmp_path: Path) -> None:
    model = word_model(keep_markers=True)
    dest = tmp_path / "demanding.en.docx"
    report = translate_docx(demanding, dest, model)
    assert len(model.batches) == 1

    # Every text unit of every story is translated (no Cyrillic left anywhere).
    before, after = _units(demanding), _units(dest)
    assert len(after) == len(before) >= 14
    assert [u for u in after if _cyrillic(u)] == []

    out = docx.Document(str(dest))
    spans = dict(_run_texts(out.paragraphs[1]))
    assert spans[romanize("решительно")]["b"] is True
    assert spans[romanize("новых")]["i"] is True
    assert spans[romanize("важных")]["u"] is True
    assert spans[romanize("реформах")]["c"] == RGBColor(0xC0, 0x00, 0x00)
    assert out.paragraphs[1].text == romanize(
        "Президент решительно заявил о новых важных реформах в стране."
    )
    # The footnote reference stays after the sentence.
    body = _xml(dest, "word/document.xml")
    ref = body.find(f".//{W}footnoteReference").getparent()
    assert ref.getprevious().find(f"{W}t").text.endswith(".")

    # The link keeps its (translated) visible text and its target.
    link = body.find(f".//{W}hyperlink")
    assert "".join(t.text for t in link.iter(f"{W}t")) == romanize("на сайте Акорды")
    # The content control and the tracked insertion wrap their translated words.
    sdt = body.find(f".//{W}sdtContent")
    assert "".join(t.text for t in sdt.iter(f"{W}t")) == romanize("глава государства")
    assert sdt.getparent().find(f".//{W}id").get(f"{W}val") == "77"
    ins = body.find(f".//{W}ins")
    assert "".join(t.text for t in ins.iter(f"{W}t")) == romanize("единогласно")
    deleted = body.find(f".//{W}del")
    assert "".join(t.text for t in deleted.iter(f"{W}delText")).strip() == romanize("вчера")

    # Fields are byte-identical; comments, notes, properties and alt text translated.
    assert _fields(dest, "word/footer1.xml") == _fields(demanding, "word/footer1.xml")
    assert len(_fields(dest, "word/footer1.xml")) == 2
    assert out.core_properties.title == romanize("Заявление президента о реформах")
    assert out.core_properties.keywords == romanize("реформы, парламент")
    assert body.find(".//{*}docPr").get("descr") == romanize("Фотография президента")
    comments = _xml(dest, "word/comments.xml")
    assert "".join(t.text for t in comments.iter(f"{W}t")) == romanize("Проверить цитату министра.")

    assert report.fidelity.spans >= 8
    assert report.fidelity.kept == report.fidelity.spans
    assert report.fidelity.moved == report.fidelity.lost == 0


def test_a_model_that_drops_markers_loses_no_text(demanding: Path, tmp_path: Path) -> None:
    dest = tmp_path / "dropped.en.docx"
    report = translate_docx(demanding, dest, word_model(keep_markers=False))
    out = docx.Document(str(dest))
    # Every word is there, in order; the formatting sits on whole words near its place.
    assert out.paragraphs[1].text == romanize(
        "Президент решительно заявил о новых важных реформах в стране."
    )
    formatted = [
        t for t, f in _run_texts(out.paragraphs[1]) if f["b"] or f["i"] or f["u"] or f["c"]
    ]
    assert len(formatted) == 4 and all(t.strip() for t in formatted)
    assert [u for u in _units(dest) if _cyrillic(u)] == []
    assert not any(MARKER.search(u) for u in _units(dest))
    assert report.fidelity.kept == 0
    assert report.fidelity.moved == report.fidelity.spans >= 8


def test_the_plain_path_still_works(demanding: Path, tmp_path: Path) -> None:
    model = word_model(keep_markers=True)
    translate_docx(demanding, tmp_path / "plain.docx", model, inline=False)
    assert not any(MARKER.search(s) for s in model.seen)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_translated_file_opens_in_libreoffice(demanding: Path, tmp_path: Path) -> None:
    dest = tmp_path / "lo.en.docx"
    translate_docx(demanding, dest, word_model(keep_markers=True))
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path),
            str(dest),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "lo.en.txt").read_text(encoding="utf-8-sig")
    assert romanize("решительно") in text and romanize("глава государства") in text
