"""Source metadata (outlet, date, address, author) from real files of every format."""

from __future__ import annotations

import datetime as dt
import json

import docx
import pytest

from processor.readers import read_bytes, read_document
from processor.readers.meta import iso_date

BODY = (
    "Президент Казахстана провёл телефонный разговор с президентом США. "
    "Стороны обсудили сотрудничество в энергетике и торговле."
)
MORE = "Также обсуждались вопросы региональной безопасности и инвестиций в экономику."


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025-03-12T10:00:00+05:00", "2025-03-12"),
        ("2025-03-12", "2025-03-12"),
        ("12.03.2025", "2025-03-12"),
        ("1/3/2025", "2025-03-01"),
        ("12 марта 2025 г.", "2025-03-12"),
        ("3 мая 2024 года, 09:15", "2024-05-03"),
        ("28 февраля 2025", "2025-02-28"),
        ("7 December 2024", "2024-12-07"),
        ("31.02.2025", None),  # no such day
        ("12 мартобря 2025", None),
        ("вчера", None),
        ("", None),
    ],
)
def test_iso_date(text, iso):
    assert iso_date(text) == iso


# ----------------------------------------------------------------------- txt


def test_txt_header_lines_go_to_meta_not_body(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(
        "https://www.zakon.kz/politika/6412345-tokaev.html\n"
        "Источник: Zakon.kz\n"
        "Автор: Айгерим Сейткали\n"
        "12 марта 2025 года, 14:30\n\n"
        "Токаев провёл переговоры с Трампом\n\n"
        f"{BODY}\n\n{MORE}\n",
        encoding="cp1251",
    )
    doc = read_document(path)
    assert doc.meta.url == "https://www.zakon.kz/politika/6412345-tokaev.html"
    assert doc.meta.outlet == "Zakon.kz"  # the named source wins over the address
    assert doc.meta.author == "Айгерим Сейткали"
    assert doc.meta.published == "2025-03-12"
    assert doc.title == "Токаев провёл переговоры с Трампом"
    assert [p.text for p in doc.paragraphs] == [doc.title, BODY, MORE]


def test_txt_title_then_dotted_date_without_blank_lines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"Токаев провёл переговоры с Трампом\n12.03.2025\n{BODY}\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.meta.published == "2025-03-12"
    assert doc.meta.outlet is None and doc.meta.url is None and doc.meta.author is None
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("title", "Токаев провёл переговоры с Трампом"),
        ("body", BODY),
    ]


def test_txt_url_alone_names_the_outlet_by_its_host():
    doc = read_bytes(f"URL: https://inform.kz/ru/a/1\n\n{BODY}\n".encode(), name="a.txt")
    assert doc.meta.url == "https://inform.kz/ru/a/1"
    assert doc.meta.outlet == "inform.kz"
    assert [p.text for p in doc.paragraphs] == [BODY]


def test_txt_running_text_is_never_taken_as_a_header():
    sentence = "Источник: в правительстве сообщили, что переговоры продолжатся в апреле этого года."
    text = f"{sentence}\n\n{BODY}\n\nВстреча прошла 12 марта 2025 года.\n"
    doc = read_bytes(text.encode(), name="a.txt")
    assert doc.meta.outlet is None and doc.meta.published is None
    assert [p.text for p in doc.paragraphs] == [
        sentence,
        BODY,
        "Встреча прошла 12 марта 2025 года.",
    ]


# ------------------------------------------------------------------ markdown


def test_markdown_front_matter_fields(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\n"
        'title: "Токаев и Трамп"\n'
        "date: 2025-03-12T09:00:00+05:00\n"
        "source: Kazinform\n"
        "url: https://www.inform.kz/ru/tokaev\n"
        "author: Айгерим Сейткали\n"
        "tags: [политика]\n"
        "---\n\n"
        f"{BODY}\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.title == "Токаев и Трамп"
    assert (doc.meta.outlet, doc.meta.published, doc.meta.url, doc.meta.author) == (
        "Kazinform",
        "2025-03-12",
        "https://www.inform.kz/ru/tokaev",
        "Айгерим Сейткали",
    )
    assert [p.text for p in doc.paragraphs] == [BODY]


# ---------------------------------------------------------------------- docx


def test_docx_core_properties(tmp_path):
    document = docx.Document()
    document.core_properties.title = "Токаев и Трамп"
    document.core_properties.author = "Айгерим Сейткали"
    document.core_properties.created = dt.datetime(2025, 3, 12, 9, 30)
    document.add_paragraph(BODY)
    path = tmp_path / "a.docx"
    document.save(path)
    doc = read_document(path)
    assert doc.title == "Токаев и Трамп"
    assert doc.meta.author == "Айгерим Сейткали"
    assert doc.meta.published == "2025-03-12"


def test_docx_template_properties_are_not_the_articles(tmp_path):
    document = docx.Document()  # python-docx's template: author "python-docx", created 2013
    document.add_paragraph(BODY)
    path = tmp_path / "a.docx"
    document.save(path)
    meta = read_document(path).meta
    assert meta.author is None and meta.published is None


# ---------------------------------------------------------------------- html


def _page(head: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head>'
        f"<body><article><h1>Токаев и Трамп</h1><p>{BODY}</p><p>{MORE}</p></article></body></html>"
    )


def test_html_meta_tags(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(
        _page(
            '<meta property="og:site_name" content="Zakon.kz">'
            '<meta property="article:published_time" content="2025-03-12T14:30:00+05:00">'
            '<meta property="og:url" content="https://www.zakon.kz/politika/6412345.html">'
            '<meta name="author" content="Айгерим Сейткали">'
            '<link rel="canonical" href="https://www.zakon.kz/other.html">'
        ),
        encoding="utf-8",
    )
    doc = read_document(path)
    assert (doc.meta.outlet, doc.meta.published, doc.meta.url, doc.meta.author) == (
        "Zakon.kz",
        "2025-03-12",
        "https://www.zakon.kz/politika/6412345.html",
        "Айгерим Сейткали",
    )
    assert doc.title == "Токаев и Трамп"


def test_html_json_ld_and_canonical_link(tmp_path):
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Сайт"},
            {
                "@type": "NewsArticle",
                "headline": "Токаев и Трамп",
                "datePublished": "2024-12-07T08:00:00Z",
                "author": [{"@type": "Person", "name": "Иван Петров"}],
                "publisher": {"@type": "Organization", "name": "Kazinform"},
            },
        ],
    }
    head = (
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        '<script type="application/ld+json">{"broken": </script>'
        '<meta property="article:author" content="https://www.facebook.com/someone">'
        '<link rel="canonical" href="https://www.inform.kz/ru/a/1">'
    )
    path = tmp_path / "a.html"
    path.write_text(_page(head), encoding="utf-8")
    meta = read_document(path).meta
    assert (meta.outlet, meta.published, meta.url, meta.author) == (
        "Kazinform",
        "2024-12-07",
        "https://www.inform.kz/ru/a/1",
        "Иван Петров",
    )


def test_html_without_metadata_leaves_fields_empty():
    meta = read_bytes(_page("<title>Токаев</title>").encode(), name="a.html").meta
    assert (meta.outlet, meta.published, meta.url, meta.author) == (None, None, None, None)
