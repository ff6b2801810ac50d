"""Reading real TXT, Markdown, DOCX, HTML and PDF files written by the tests."""

from __future__ import annotations

import io
import textwrap

import docx
import pypdf
import pytest

from processor.readers import (
    decode_text,
    read_document,
)
from tests.support.data import seed_paragraphs, seed_path, seed_text
from tests.support.pdfs import make_pdf, make_pdf_without_text
from tests.support.readers import PAGE, assert_input_error, write_docx

SHORT = "Президент провёл встречу с министром иностранных дел. Стороны обсудили сотрудничество."


def _portable(text: str, encoding: str) -> str:
    """koi8-r and cp866 have no en dash: such files use a hyphen instead."""
    return text.replace("–", "-") if encoding in ("koi8-r", "cp866") else text


# ----------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8-r", "cp866", "utf-16"])
def test_seed_article_decodes_exactly_in_every_russian_encoding(tmp_path, encoding):
    original = _portable(seed_text(), encoding)
    path = tmp_path / f"seed-{encoding}.txt"
    path.write_bytes(original.encode(encoding))

    text, detected = decode_text(path.read_bytes())
    assert text.removeprefix("\ufeff") == original
    assert detected == encoding

    doc = read_document(path)
    assert doc.meta.encoding == encoding
    assert doc.meta.format == "txt"
    assert doc.meta.path == str(path)
    assert doc.meta.size_bytes == path.stat().st_size
    expected = [_portable(p, encoding) for p in seed_paragraphs()]
    assert [p.text for p in doc.paragraphs] == expected
    assert [p.index for p in doc.paragraphs] == list(range(len(expected)))


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r", "cp866", "mac-cyrillic"]
)
def test_short_text_in_every_encoding(tmp_path, encoding):
    path = tmp_path / "short.txt"
    path.write_bytes(SHORT.encode(encoding))
    doc = read_document(path)
    assert doc.meta.encoding == encoding
    assert [p.text for p in doc.paragraphs] == [SHORT]


def test_all_capitals_short_text_in_cp1251(tmp_path):
    # Capitals are what koi8-r garbage looks like; bigrams must still decide.
    text = "ЗАЯВЛЕНИЕ МИД. Глава государства подписал указ о назначении посла."
    path = tmp_path / "caps.txt"
    path.write_bytes(text.encode("cp1251"))
    assert read_document(path).meta.encoding == "cp1251"


# ---------------------------------------------------------------- plain text


def test_seed_first_paragraph_is_not_a_title():
    doc = read_document(seed_path())
    assert doc.title is None
    assert doc.paragraphs[0].kind == "body"
    assert doc.paragraphs[0].text.startswith("Касым-Жомарт Токаев подчеркнул")
    # Interview turns start with a dash: dialogue, not a list.
    assert {p.kind for p in doc.paragraphs} == {"body"}
    assert any(p.text.startswith("– Как Вы оцениваете") for p in doc.paragraphs)
    assert doc.language == "ru"


def test_text_headline_hard_wraps_lists_and_whitespace(tmp_path):
    raw = (
        "Токаев и Трамп обсудили Украину\r\n"
        "\r\n"
        "Президент\u00a0Казахстана провёл теле\u00adфонный разговор\r\n"
        "с   президентом США.\r\n"
        "\r\n"
        "Стороны обсудили:\r\n"
        "- энергетику;\r\n"
        "- торговлю и\r\n"
        "  инвестиции;\r\n"
        "• критические минералы.\r\n"
        "\r\n"
        "1. Первый пункт.\r\n"
        "2. Второй пункт.\r\n"
    )
    path = tmp_path / "news.txt"
    path.write_bytes(raw.encode("utf-8"))
    doc = read_document(path)
    assert doc.title == "Токаев и Трамп обсудили Украину"
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("title", "Токаев и Трамп обсудили Украину"),
        ("body", "Президент Казахстана провёл телефонный разговор с президентом США."),
        ("body", "Стороны обсудили:"),
        ("list_item", "энергетику;"),
        ("list_item", "торговлю и инвестиции;"),
        ("list_item", "критические минералы."),
        ("list_item", "Первый пункт."),
        ("list_item", "Второй пункт."),
    ]
    assert doc.body[0].text.startswith("Президент")


@pytest.mark.parametrize("width", [40, 72])
def test_hard_wrapped_seed_keeps_paragraphs_and_real_hyphens(tmp_path, width):
    # textwrap breaks lines after hyphens: "казахско-" / "американских" must stay one word.
    paragraphs = seed_paragraphs()
    path = tmp_path / "wrapped.txt"
    path.write_text("\n\n".join(textwrap.fill(p, width) for p in paragraphs), encoding="cp1251")
    doc = read_document(path)
    assert max(len(line) for line in path.read_text(encoding="cp1251").splitlines()) <= width
    assert [p.text for p in doc.paragraphs] == paragraphs


def test_one_paragraph_per_line_without_blank_lines(tmp_path):
    paragraphs = seed_paragraphs()
    path = tmp_path / "lines.txt"
    path.write_text("Токаев и Трамп обсудили Украину\n" + "\n".join(paragraphs), encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "Токаев и Трамп обсудили Украину"
    assert [p.text for p in doc.body] == paragraphs


def test_line_end_hyphenation_in_text_is_undone(tmp_path):
    path = tmp_path / "hyph.txt"
    path.write_text(
        "Стороны провели перего-\nворы о сотрудничестве, что-\nто обсудили по-\nрусски.\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert (
        doc.paragraphs[0].text
        == "Стороны провели переговоры о сотрудничестве, что-то обсудили по-русски."
    )


@pytest.mark.parametrize(
    ("first", "is_title"),
    [
        ("Токаев заявил о готовности к переговорам", True),
        ("«Мы готовы»: Токаев о переговорах", True),
        ("Он сказал: «Мы готовы».", False),
        ("Готовы ли стороны к миру?", False),
        ("Токаев заявил: «Мы готовы!»", False),
        ("Очень длинная первая строка " * 8, False),
    ],
)
def test_headline_detection(tmp_path, first, is_title):
    path = tmp_path / "a.txt"
    path.write_text(f"{first}\n\nПрезидент провёл встречу с министром.\n", encoding="utf-8")
    doc = read_document(path)
    assert (doc.paragraphs[0].kind == "title") is is_title
    assert (doc.title is not None) is is_title


def test_single_paragraph_text_is_not_a_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Токаев провёл встречу с министром иностранных дел\n", encoding="cp1251")
    doc = read_document(path)
    assert doc.title is None
    assert doc.paragraphs[0].kind == "body"


# ------------------------------------------------------------------ markdown


def test_markdown_front_matter_headings_lists_emphasis_links(tmp_path):
    md = """---
title: "Токаев и Трамп: телефонный разговор"
date: 2025-11-20
---

# Разговор президентов

Касым-Жомарт **Токаев** обсудил с *Дональдом Трампом* [урегулирование](https://example.com/a)
конфликта и `торговлю`. ![фото](img/photo.jpg)

## Темы

- энергетика
* критические _минералы_
1. инвестиции

> Мы готовы предоставить
> переговорную площадку.

Текст с snake_case_name и 2*3*4 остаётся.
"""
    path = tmp_path / "news.md"
    path.write_text(md, encoding="utf-8")
    doc = read_document(path)
    assert doc.meta.format == "md"
    assert doc.title == "Токаев и Трамп: телефонный разговор"
    assert [(p.kind, p.level, p.text) for p in doc.paragraphs] == [
        ("title", 0, "Разговор президентов"),
        (
            "body",
            0,
            "Касым-Жомарт Токаев обсудил с Дональдом Трампом урегулирование конфликта и торговлю.",
        ),
        ("heading", 2, "Темы"),
        ("list_item", 0, "энергетика"),
        ("list_item", 0, "критические минералы"),
        ("list_item", 0, "инвестиции"),
        ("quote", 0, "Мы готовы предоставить переговорную площадку."),
        ("body", 0, "Текст с snake_case_name и 2*3*4 остаётся."),
    ]
    assert "date:" not in doc.text and "---" not in doc.text


def test_markdown_without_front_matter_uses_headline(tmp_path):
    path = tmp_path / "n.markdown"
    path.write_text("## Глава государства\n\nТекст первой части.\n\n## Итоги\n\nКонец.\n")
    doc = read_document(path)
    assert doc.title is None  # a level-2 heading is a section, not the title
    assert [p.kind for p in doc.paragraphs] == ["heading", "body", "heading", "body"]


# ---------------------------------------------------------------------- docx


def test_docx_structure_order_and_table_cells_once(tmp_path):
    path = tmp_path / "memo.docx"
    write_docx(path)
    doc = read_document(path)
    assert doc.meta.format == "docx"
    assert doc.meta.encoding is None
    assert doc.title == "Токаев и Трамп обсудили Украину"
    assert [(p.kind, p.level, p.text) for p in doc.paragraphs] == [
        ("title", 0, "Токаев и Трамп обсудили Украину"),
        ("heading", 1, "Главное"),
        ("body", 0, "Первый абзац статьи о телефонном разговоре президентов."),
        ("list_item", 0, "энергетика"),
        ("list_item", 0, "торговля"),
        ("table_cell", 0, "Показатель"),
        ("table_cell", 0, "Значение"),
        ("table_cell", 0, "Компаний США"),
        ("table_cell", 0, "более 60"),
        ("table_cell", 0, "Источник: Zakon.kz"),
        ("body", 0, "Абзац после таблицы."),
        ("heading", 2, "Подробности"),
        ("body", 0, "Последний абзац."),
    ]


def test_docx_core_title_when_no_title_style(tmp_path):
    document = docx.Document()
    document.core_properties.title = "Заголовок из свойств"
    document.add_paragraph("Президент провёл встречу с министром иностранных дел.")
    path = tmp_path / "plain.docx"
    document.save(path)
    assert read_document(path).title == "Заголовок из свойств"


# ---------------------------------------------------------------------- html


def test_html_keeps_the_article_and_drops_site_chrome(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    doc = read_document(path)
    assert doc.meta.format == "html"
    assert doc.title == "Токаев и Трамп обсудили Украину"
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("title", "Токаев и Трамп обсудили Украину"),
        ("body", "Касым-Жомарт Токаев подчеркнул сложность урегулирования конфликта."),
        ("body", "Об этом президент заявил в ходе телефонного разговора."),
        ("heading", "Повестка"),
        ("list_item", "энергетика"),
        ("list_item", "торговля"),
        ("quote", "Мы готовы предоставить площадку."),
        ("table_cell", "Компаний США"),
        ("table_cell", "более 60"),
    ]
    for junk in ("Меню", "куки", "Поделиться", "Подвал", "Шапка", "Скрипт", "Реклама",
                 "Комментарий", "Читайте также", "Главная /"):  # fmt: skip
        assert junk not in doc.text


def test_html_charset_from_meta_and_title_fallbacks(tmp_path):
    page = PAGE.format(charset="windows-1251").replace("<h1>", "<h6>").replace("</h1>", "</h6>")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1251"))
    doc = read_document(path)
    assert doc.meta.encoding == "cp1251"
    assert doc.title == "OG заголовок"
    assert "Касым-Жомарт Токаев подчеркнул" in doc.text

    no_og = page.replace('<meta property="og:title" content="OG заголовок">', "")
    path.write_bytes(no_og.encode("cp1251"))
    assert read_document(path).title == "Токаев и Трамп обсудили Украину"


def test_html_without_article_uses_the_block_with_most_text(tmp_path):
    page = (
        "<html><head><meta charset='koi8-r'></head><body>"
        "<div class='menu'><p>Пункт меню</p></div>"
        "<div class='content'><p>Первый абзац новости о переговорах.</p>"
        "<p>Второй абзац новости с подробностями встречи.</p></div>"
        "<div><p>Коротко</p></div></body></html>"
    )
    path = tmp_path / "p.html"
    path.write_bytes(page.encode("koi8-r"))
    doc = read_document(path)
    assert [p.text for p in doc.paragraphs] == [
        "Первый абзац новости о переговорах.",
        "Второй абзац новости с подробностями встречи.",
    ]


def test_html_paragraphs_made_of_line_breaks(tmp_path):
    page = (
        "<html><body><main><div>Первый абзац новости о переговорах.<br>Его продолжение."
        "<br><br>Второй абзац после пустой строки.</div></main></body></html>"
    )
    path = tmp_path / "br.html"
    path.write_text(page, encoding="utf-8")
    assert [p.text for p in read_document(path).paragraphs] == [
        "Первый абзац новости о переговорах. Его продолжение.",
        "Второй абзац после пустой строки.",
    ]


# ----------------------------------------------------------------------- pdf

PDF_PAGES = [
    [
        "Zakon.kz — Политика",
        "Токаев и Трамп обсудили Украину",
        "Президент Казахстана подчеркнул, что мирные перего-",
        "воры требуют терпения, а казахско-",
        "американское сотрудничество в сфере энергетики растёт, сообщает",
        "пресс-служба Акорды. Касым-",
        "Жомарт Токаев отметил роль США.",
        "Второй абзац начинается на первой странице и продолжается на следую-",
        "1",
    ],
    [
        "Zakon.kz — Политика",
        "щей странице без разрыва и заканчивается здесь.",
        "Короткий последний абзац.",
        "Страница 2 из 2",
    ],
]


def test_pdf_text_layer_joins_lines_and_undoes_hyphenation(tmp_path):
    path = tmp_path / "article.pdf"
    path.write_bytes(make_pdf(PDF_PAGES))
    assert len(pypdf.PdfReader(path).pages) == 2
    doc = read_document(path)
    assert doc.meta.format == "pdf"
    assert doc.title == "Токаев и Трамп обсудили Украину"
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("title", "Токаев и Трамп обсудили Украину"),
        (
            "body",
            "Президент Казахстана подчеркнул, что мирные переговоры требуют терпения, "
            "а казахско-американское сотрудничество в сфере энергетики растёт, сообщает "
            "пресс-служба Акорды. Касым-Жомарт Токаев отметил роль США.",
        ),
        (
            "body",
            "Второй абзац начинается на первой странице и продолжается на следующей "
            "странице без разрыва и заканчивается здесь.",
        ),
        ("body", "Короткий последний абзац."),
    ]
    assert "Zakon.kz — Политика" not in doc.text


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf_without_text())
    assert_input_error(path, "PDF has no text layer (scanned?); run OCR first")


def test_encrypted_pdf_needs_a_password(tmp_path):
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(PDF_PAGES))))
    writer.encrypt("secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    assert_input_error(path, "encrypted")
