"""Reading real TXT, Markdown, DOCX, HTML and PDF files written by the tests."""

from __future__ import annotations

import io
import os
import sys
import textwrap
import types
from pathlib import Path

import docx
import pypdf
import pytest

from processor.errors import InputError
from processor.readers import (
    SUPPORTED_SUFFIXES,
    decode_text,
    expand_inputs,
    read_bytes,
    read_document,
)
from tests._docs_pdf import make_pdf, make_pdf_without_text
from tests._docs_seed import seed_paragraphs, seed_path, seed_text

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


def _write_docx(path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Свойство заголовка"
    document.add_paragraph("Токаев и Трамп обсудили Украину", style="Title")
    document.add_paragraph("Главное", style="Heading 1")
    document.add_paragraph("Первый абзац статьи о телефонном разговоре президентов.")
    document.add_paragraph("энергетика", style="List Bullet")
    document.add_paragraph("торговля", style="List Bullet")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "Показатель"
    table.cell(0, 1).text = "Значение"
    table.cell(1, 0).text = "Компаний США"
    table.cell(1, 1).text = "более 60"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Источник: Zakon.kz"
    document.add_paragraph("Абзац после таблицы.")
    document.add_paragraph("Подробности", style="Heading 2")
    document.add_paragraph("   ")  # empty paragraphs are skipped
    document.add_paragraph("Последний абзац.")
    document.save(path)


def test_docx_structure_order_and_table_cells_once(tmp_path):
    path = tmp_path / "memo.docx"
    _write_docx(path)
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

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}">
<title>Токаев и Трамп обсудили Украину | Zakon.kz</title>
<meta property="og:title" content="OG заголовок">
<style>.x {{ color: red }}</style><script>var menu = "Скрипт";</script>
</head><body>
<header class="site-header"><a href="/">Логотип</a> Шапка сайта</header>
<nav><ul><li><a href="/news">Меню новости</a></li>
<li><a href="/sport">Меню спорт</a></li></ul></nav>
<div class="cookie-banner">Мы используем куки</div>
<div class="breadcrumbs">Главная / Политика</div>
<article>
  <h1>Токаев и Трамп обсудили Украину</h1>
  <div class="share-buttons"><a>Поделиться ВКонтакте</a></div>
  <p>Касым-Жомарт Токаев подчеркнул сложность <b>урегулирования</b> конфликта.</p>
  <p>Об этом президент заявил<br>в ходе телефонного разговора.</p>
  <h2>Повестка</h2>
  <ul><li>энергетика</li><li><p>торговля</p></li></ul>
  <blockquote><p>Мы готовы предоставить площадку.</p></blockquote>
  <table><tr><td>Компаний США</td><td>более 60</td></tr></table>
  <div class="related-news"><p>Читайте также: другая новость</p></div>
  <div id="comments"><p>Комментарий читателя</p></div>
</article>
<aside class="sidebar"><p>Реклама в сайдбаре</p></aside>
<footer>Подвал сайта © 2025</footer>
</body></html>
"""


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
    _assert_input_error(path, "PDF has no text layer (scanned?); run OCR first")


def test_encrypted_pdf_needs_a_password(tmp_path):
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(PDF_PAGES))))
    writer.encrypt("secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    _assert_input_error(path, "encrypted")


# --------------------------------------------------------------------- stdin


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))


def test_stdin_plain_text_in_cp1251(monkeypatch):
    _stdin(monkeypatch, f"Заголовок новости\n\n{SHORT}\n".encode("cp1251"))
    doc = read_document("-")
    assert doc.meta.path == "-"
    assert doc.meta.name == "<stdin>"
    assert doc.meta.format == "txt"
    assert doc.meta.encoding == "cp1251"
    assert doc.title == "Заголовок новости"
    assert doc.body[0].text == SHORT


def test_stdin_html_is_sniffed(monkeypatch):
    _stdin(monkeypatch, PAGE.format(charset="utf-8").encode("utf-8"))
    doc = read_document("-")
    assert doc.meta.format == "html"
    assert doc.title == "Токаев и Трамп обсудили Украину"
    assert "Меню" not in doc.text


def test_read_bytes_with_explicit_format():
    doc = read_bytes(f"# Заголовок\n\n{SHORT}\n".encode(), name="note", format="md")
    assert doc.meta.format == "md"
    assert doc.title == "Заголовок"
    assert doc.meta.path == "note"


# -------------------------------------------------------------------- errors


def _assert_input_error(path: Path | str, reason: str) -> InputError:
    with pytest.raises(InputError) as info:
        read_document(path)
    assert type(info.value) is InputError
    message = str(info.value)
    assert str(path) in message
    assert reason in message
    assert "\n" not in message
    return info.value


def test_missing_file(tmp_path):
    _assert_input_error(tmp_path / "nope.txt", "no such file")


def test_directory_given_to_read_document(tmp_path):
    _assert_input_error(tmp_path, "is a directory")


@pytest.mark.parametrize("content", [b"", b"  \r\n\t\n", "\ufeff \u00a0\n".encode()])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    _assert_input_error(path, "file is empty")


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01\x02binary\x00data" * 20,
        bytes(range(1, 32)) * 10 + "текст".encode(),
        b"%PDF-1.4\n" + bytes(range(256)) * 4,
    ],
)
def test_binary_content(tmp_path, content):
    path = tmp_path / "junk.md"
    path.write_bytes(content)
    _assert_input_error(path, "not a text file (binary content)")


def test_unsupported_extension(tmp_path):
    path = tmp_path / "article.xyz"
    path.write_text(SHORT, encoding="utf-8")
    err = _assert_input_error(path, "unsupported file type '.xyz'; supported: ")
    assert all(suffix in str(err) for suffix in SUPPORTED_SUFFIXES)


@pytest.mark.parametrize("content", [b"this is not a zip", b"PK\x03\x04truncated"])
def test_broken_docx(tmp_path, content):
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    _assert_input_error(path, "not a valid DOCX file (")


def test_truncated_docx(tmp_path):
    good = tmp_path / "good.docx"
    _write_docx(good)
    path = tmp_path / "truncated.docx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _assert_input_error(path, "not a valid DOCX file (")


def test_broken_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    _assert_input_error(path, "not a valid PDF file")


def test_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(SHORT, encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: make the OS answer as for a user

        def deny(self: Path, *args: object, **kwargs: object) -> bytes:
            raise PermissionError(13, "Permission denied", str(self))

        # The reader opens the file itself to read no more than the size limit.
        monkeypatch.setattr(Path, "open", deny)
    try:
        _assert_input_error(path, "permission denied")
    finally:
        path.chmod(0o644)


# ------------------------------------------------------------ expand_inputs


def test_expand_inputs_walks_directories(tmp_path):
    root = tmp_path / "in"
    for rel in [
        "b.txt",
        "a.DOCX",
        "sub/c.md",
        "sub/deeper/d.html",
        "sub/e.pdf",
        "notes.xyz",
        ".hidden.txt",
        ".git/config.txt",
        "~$lock.docx",
        "sub/~$other.docx",
    ]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    single = tmp_path / "single.htm"
    single.write_text("x", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")

    got = expand_inputs(
        [str(single), str(root), "-", missing, str(tmp_path / "empty"), str(single)]
    )
    assert got == [
        str(single),
        str(root / "a.DOCX"),
        str(root / "b.txt"),
        str(root / "sub" / "c.md"),
        str(root / "sub" / "deeper" / "d.html"),
        str(root / "sub" / "e.pdf"),
        "-",
        missing,
        str(tmp_path / "empty"),
    ]
    _assert_input_error(missing, "no such file")
    _assert_input_error(tmp_path / "empty", "no supported files")


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
