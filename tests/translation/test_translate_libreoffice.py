"""Issue 19.2: a DOCX saved by LibreOffice Writer translates into a DOCX with one core.xml,
the source's own properties translated, not a second default one from python-docx.

LibreOffice relates docProps/core.xml with the transitional relationship type
(``.../officedocument/2006/relationships/metadata/core-properties``), which python-docx
does not know.
"""

from __future__ import annotations

import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from processor.cli import main
from tests.support.doubles import tagging
from tests.support.pipeline import seed_paragraphs

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def saved_by_libreoffice(tmp_path: Path) -> Path:
    """A real article with its properties, opened and saved as DOCX by LibreOffice Writer."""
    source = docx.Document()
    for paragraph in seed_paragraphs()[:4]:
        source.add_paragraph(paragraph)
    props = source.core_properties
    props.title = "Токаев провел переговоры с Трампом"
    props.subject = "Внешняя политика Казахстана"
    props.author = "Отдел анализа"
    props.keywords = "Казахстан, США"
    made = tmp_path / "made"
    made.mkdir()
    source.save(str(made / "report.docx"))
    out = tmp_path / "lo"
    profile = (tmp_path / "lo-profile").as_uri()  # no shared profile between runs
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
         "--outdir", str(out), str(made / "report.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    saved = out / "report.docx"
    rels = zipfile.ZipFile(saved).read("_rels/.rels").decode()
    assert "officedocument/2006/relationships/metadata/core-properties" in rels, rels
    return saved


def test_libreoffice_docx_translates_with_one_core_xml(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(
        "processor.translation.engines.routes.get_translator",
        lambda source, target, settings=None: tagging(target, source=source),
    )
    saved = saved_by_libreoffice(tmp_path)
    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # zipfile's "Duplicate name" is a UserWarning
        result = CliRunner().invoke(
            main, ["translate", str(saved), "--to", "en", "--no-glossary", "-o", str(out)]
        )
    assert result.exit_code == 0, result.output
    assert "Duplicate name" not in result.output
    written = out / "report.en.docx"
    names = zipfile.ZipFile(written).namelist()
    assert names.count("docProps/core.xml") == 1, names
    assert len(names) == len(set(names))
    props = docx.Document(str(written)).core_properties
    # The source's properties, translated; never python-docx's defaults.
    assert props.title == "EN(Токаев провел переговоры с Трампом)"
    assert props.subject == "EN(Внешняя политика Казахстана)"
    assert props.author == "Отдел анализа"
    assert props.title != "Word Document" and props.last_modified_by != "python-docx"
