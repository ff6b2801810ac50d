"""The memo as a reader sees it: rendered by LibreOffice to PDF, then checked page by page.

Skipped where LibreOffice or poppler-utils are not installed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.memo import (
    SEED_STEM,
    family,
    fonts,
    need,
    page_count,
    page_size_mm,
    page_texts,
    seed_memos,
    split_rows,
    to_pdf,
)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    need("soffice")
    need("pdffonts")
    outdir = tmp_path_factory.mktemp("memo-pdf")
    seed_memos(outdir)
    out = {}
    for lang in ("ru", "en", "kk"):
        docx_path = outdir / f"{SEED_STEM}.{lang}.docx"
        out[lang] = (docx_path, to_pdf(docx_path))
    return out


@pytest.mark.parametrize("lang", ["ru", "en", "kk"])
def test_a4_one_typeface_no_split_rows(rendered, lang):
    docx_path, pdf = rendered[lang]
    width, height = page_size_mm(pdf)
    assert abs(width - 210) < 1 and abs(height - 297) < 1
    used = fonts(pdf)
    # One family for Latin, Cyrillic and Kazakh alike: a missing glyph would have made
    # LibreOffice fall back to a second family here.
    assert {family(f["name"]) for f in used} == {"LiberationSerif"}, used
    assert all(f["emb"] == "yes" and f["uni"] == "yes" for f in used), used
    assert split_rows(docx_path, pdf) == []


def test_russian_seed_memo_fits_two_pages(rendered):
    _, pdf = rendered["ru"]
    assert page_count(pdf) <= 2  # without the full text


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_pages_show_header_block_and_page_x_of_y(rendered, lang):
    _, pdf = rendered[lang]
    pages = page_texts(pdf)
    total = len(pages)
    expected = {
        "ru": ("Аналитическая справка", "Для внутреннего пользования", "Стр. {i} из {n}"),
        "kk": ("Талдамалық анықтама", "Ішкі пайдалану үшін", "{n} беттің {i}-беті"),
    }[lang]
    for i, text in enumerate(pages, start=1):
        assert expected[0] in text and expected[1] in text
        assert expected[2].format(i=i, n=total) in text
    first = " ".join(pages[0].split())
    assert {"ru": "Главное", "kk": "Басты түйін"}[lang] in first
    assert "Қазақша" in " ".join(pages).replace("\n", " ")


def test_every_kazakh_letter_in_the_one_typeface(tmp_path):
    from processor.memo import build_memo
    from processor.memo.docx import write_docx
    from processor.pipeline import BriefOptions, prepare
    from tests.support.data import SEED

    need("pdffonts")
    prepared = prepare(SEED, BriefOptions())
    title = "Әділет, ғылым, қоғам, өңір, ұлттық, үкімет, һәм, іс: ӘҒҚҢӨҰҮҺІ"
    memo = build_memo(prepared.doc, prepared.selection, language="kk", title=title)
    pdf = to_pdf(write_docx(memo, tmp_path / "letters.kk.docx"))
    assert title in " ".join(page_texts(pdf)[0].split())
    assert {family(f["name"]) for f in fonts(pdf)} == {"LiberationSerif"}


def test_split_row_check_sees_a_split(tmp_path):
    """The row check itself: a row taller than a page, allowed to split, is reported."""
    import docx

    need("soffice")
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Голова", "Хвост"
    table.cell(1, 0).text = "Первая строка"
    table.cell(1, 1).text = "\n".join(f"строка номер {i} длинной ячейки" for i in range(90))
    path = tmp_path / "split.docx"
    document.save(path)
    pdf = to_pdf(path)
    assert page_count(pdf) >= 2
    assert len(split_rows(path, pdf)) == 1


def test_memos_from_real_tiny_models_render_in_one_typeface(
    tmp_path, tiny_ru_en, tiny_multilingual, tiny_settings, no_network
):
    """Through the real engine (random weights: any token of the tiny vocabulary can come
    out), the en and kk memos still need no second typeface and split no row."""
    from processor.pipeline import BriefOptions, brief
    from tests.support.data import SEED

    need("soffice")
    options = BriefOptions(languages=("en", "kk"), translation=tiny_settings)
    [result] = brief([SEED], tmp_path, options)
    assert result.ok and not result.missing
    for lang in ("en", "kk"):
        docx_path = tmp_path / f"{SEED_STEM}.{lang}.docx"
        pdf = to_pdf(docx_path)
        assert {family(f["name"]) for f in fonts(pdf)} == {"LiberationSerif"}
        assert split_rows(docx_path, pdf) == []
        assert page_count(pdf) <= 4
    kk = next(m for m in result.memos if m.language == "kk")
    route = dict(kk.method_rows())["Аударма"]
    assert "арқылы" in route and "лицензия" in route
    assert not {"via", "licence", "non", "commercial", "then", "pivot"} & set(
        re.findall(r"[a-z]+", route)
    )
