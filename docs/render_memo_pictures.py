"""Regenerate the README's pictures of the seed memo: ``docs/memo-page-*.png``.

    python docs/render_memo_pictures.py

Runs ``processor brief examples/zakon-tokayev-trump.ru.txt --lang ru``, renders the DOCX
with LibreOffice headless to PDF and each page with poppler's ``pdftoppm`` to PNG (80 dpi,
A4 at 662 x 936), so the pictures always show what the current code writes.  Needs
``soffice`` and ``pdftoppm`` on PATH; opens no network connection.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "zakon-tokayev-trump.ru.txt"
DOCS = REPO / "docs"
DPI = 80


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        sys.exit(f"error: {name} is not installed (LibreOffice and poppler-utils are needed)")
    return path


def render(outdir: Path = DOCS) -> list[Path]:
    """Write ``memo-page-<n>.png`` for every page of the Russian seed memo into ``outdir``."""
    soffice, pdftoppm = _tool("soffice"), _tool("pdftoppm")
    with tempfile.TemporaryDirectory(prefix="memo-pictures-") as tmp:
        work = Path(tmp)
        brief = [sys.executable, "-m", "processor", "brief", str(SEED), "--lang", "ru"]
        subprocess.run([*brief, "--format", "docx", "-o", str(work)], check=True, cwd=REPO)
        [memo] = work.glob("*.docx")
        # A LibreOffice profile of its own: a running LibreOffice is not disturbed.
        profile = f"-env:UserInstallation=file://{work / 'lo-profile'}"
        convert = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(work)]
        subprocess.run([*convert, str(memo)], check=True, capture_output=True)
        pdf = memo.with_suffix(".pdf")
        for old in outdir.glob("memo-page-*.png"):
            old.unlink()
        prefix = str(outdir / "memo-page")
        subprocess.run([pdftoppm, "-png", "-r", str(DPI), str(pdf), prefix], check=True)
    return sorted(outdir.glob("memo-page-*.png"))


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(REPO))
