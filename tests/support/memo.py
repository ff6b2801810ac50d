"""Memo tests' helpers: write seed memos with translator doubles, render DOCX to PDF with
LibreOffice, and read the PDF back (pages, fonts, the text of each page)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from processor.pipeline import BriefOptions, brief
from processor.results import Result
from tests.support.data import SEED
from tests.support.doubles import identity

SEED_STEM = "zakon-tokayev-trump"


def seed_memos(
    outdir: Path, languages: tuple[str, ...] = ("ru", "en", "kk"), *, full_text: bool = False
) -> Result:
    """The seed memo in ``languages``, glossary on; en/kk through an identity double
    (the sentences stay Russian, everything the memo adds is in its language)."""
    options = BriefOptions(languages=languages, formats=("docx", "md", "json"), full_text=full_text)
    [result] = brief(
        [SEED], outdir, options, translator_factory=lambda s, t: identity(target=t, source=s)
    )
    assert result.ok and not result.missing, (result.error, result.missing)
    return result


def docx_text(path: Path) -> str:
    """Every text a reader sees in a DOCX: body, table cells, headers and footers."""
    import docx

    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed")
    return path


def to_pdf(docx_path: Path) -> Path:
    """Render with LibreOffice headless, in a profile of its own (parallel runs are safe)."""
    soffice = need("soffice")
    profile = docx_path.parent / ".lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(docx_path.parent),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = docx_path.with_suffix(".pdf")
    assert pdf.is_file(), f"LibreOffice wrote no {pdf.name}"
    return pdf


def _run(*args: str) -> str:
    need(args[0])
    return subprocess.run(list(args), check=True, capture_output=True, text=True).stdout


def page_count(pdf: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(pdf)))[1])


def page_size_mm(pdf: Path) -> tuple[float, float]:
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", _run("pdfinfo", str(pdf)))
    assert match, "pdfinfo shows no page size"
    return float(match[1]) * 25.4 / 72, float(match[2]) * 25.4 / 72


def fonts(pdf: Path) -> list[dict[str, str]]:
    """``pdffonts`` rows: name (subset tag removed), type, emb, uni."""
    rows = []
    for line in _run("pdffonts", str(pdf)).splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: read from the right.
        rows.append({"name": parts[0].split("+")[-1], "emb": parts[-5], "uni": parts[-3]})
    return rows


def family(font_name: str) -> str:
    return font_name.split("-")[0].split(",")[0]


def page_texts(pdf: Path) -> list[str]:
    return [
        _run("pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-")
        for i in range(1, page_count(pdf) + 1)
    ]


def split_rows(docx_path: Path, pdf: Path) -> list[list[str]]:
    """Table rows whose text is not whole on one page.  A cell is on a page when its
    text is (spaces and hyphens left out: pdftotext joins "АҚШ-" / "пен" into "АҚШпен"),
    or when every word of it is (pdftotext may interleave the lines of neighbouring
    cells)."""
    import docx

    def compact(text: str) -> str:
        return re.sub(r"[\s\-]+", "", text)

    def words(text: str) -> set[str]:
        return set(re.sub(r"-\s*", "", text).split())

    texts = page_texts(pdf)
    pages = [(compact(t), words(t)) for t in texts]
    bad = []
    for table in docx.Document(docx_path).tables:
        for row in table.rows:
            cells = [c.text for c in row.cells if c.text.strip()]
            homes = [
                {
                    i
                    for i, (flat, seen) in enumerate(pages)
                    if compact(c) in flat or words(c) <= seen
                }
                for c in cells
            ]
            if homes and not set.intersection(*homes):
                bad.append([cell.text for cell in row.cells])
    return bad
