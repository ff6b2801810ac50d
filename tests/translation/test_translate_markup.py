"""Inline markers through translation, and HTML and Markdown translated in place."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
from click.testing import CliRunner

from processor.glossary.romanize import romanize
from processor.translation.formats.html import translate_html
from processor.translation.formats.markdown import translate_markdown
from processor.translation.formats.markup import Piece, mark, unmark
from tests.translation.test_translate_formatting import build_demanding_docx, word_model

SENTENCE = [
    Piece("Президент "),
    Piece("решительно", 1),
    Piece(" заявил о "),
    Piece("новых реформах", 2),
    Piece("."),
]


def test_markers_wrap_formatted_words_and_come_back() -> None:
    marked = mark(SENTENCE)
    assert marked.source == "Президент <x1>решительно</x1> заявил о <x2>новых реформах</x2>."
    pieces, report = unmark(marked, "The President <x1>firmly</x1> announced <x2>new reforms</x2>.")
    assert [(p.text, p.key) for p in pieces] == [
        ("The President ", None),
        ("firmly", 1),
        (" announced ", None),
        ("new reforms", 2),
        (".", None),
    ]
    assert (report.kept, report.moved) == (2, 0)


def test_lenient_markers_and_reordering_are_kept() -> None:
    marked = mark(SENTENCE)
    pieces, report = unmark(marked, "< x2 >New reforms</ X2> were <x1 >firmly</x1> announced.")
    assert [p.key for p in pieces if p.key] == [2, 1]
    assert report.kept == 2


def test_dropped_or_broken_markers_move_spans_but_lose_no_text() -> None:
    marked = mark(SENTENCE)
    for answer in (
        "The President firmly announced new reforms.",
        "The President <x1>firmly announced new reforms.",  # unclosed
        "The President <x1>firmly</x1> <x1>announced</x1> new reforms.",  # duplicated
        "The <x7>President</x7> firmly announced new reforms.",  # unknown
    ):
        pieces, report = unmark(marked, answer)
        text = "".join(p.text for p in pieces)
        assert re.sub(r"\s+", " ", text).strip() == "The President firmly announced new reforms."
        assert report.moved == 2 and report.kept == 0
        formatted = [p.text for p in pieces if p.key]
        assert len(formatted) == 2 and all(t.strip() == t and t for t in formatted)


def test_sentence_without_formatting_goes_bare() -> None:
    marked = mark([Piece("Обычное предложение.")])
    assert marked.source == "Обычное предложение."
    pieces, report = unmark(marked, "A plain sentence.")
    assert pieces == [Piece("A plain sentence.")] and report.spans == 0


PAGE = """<!doctype html><html lang="ru"><head><meta charset="utf-8">
<title>Заявление президента</title><meta name="description" content="Краткое описание"></head>
<body><script>var x = "Привет";</script><h1>Главное событие</h1>
<p>Президент <b>решительно</b> заявил о <a href="https://akorda.kz/ru">новых реформах</a>
в стране.<sup>1</sup> Пример: <code>print("Привет")</code> остаётся кодом.<br>Новая строка.</p>
<div>Текст внутри блока <p>и абзац</p> и хвост.</div>
<img src="x.png" alt="Фото министра"><ul><li>Пункт <em>списка</em> один.</li></ul></body></html>
"""


def test_html_keeps_tags_links_breaks_and_code(tmp_path: Path) -> None:
    src, dest = tmp_path / "page.html", tmp_path / "page.en.html"
    src.write_text(PAGE, encoding="utf-8")
    model = word_model(keep_markers=True)
    report = translate_html(src, dest, model)
    assert len(model.batches) == 1
    assert not any("Привет" in s or "var x" in s for s in model.seen), "code and scripts not sent"
    root = lxml.html.fromstring(dest.read_text("utf-8"))
    assert root.get("lang") == "en"
    assert root.findtext(".//title") == romanize("Заявление президента")
    p = root.find(".//body/p")
    assert p.findtext("b") == romanize("решительно")
    link = p.find("a")
    assert link.text == romanize("новых реформах") and link.get("href") == "https://akorda.kz/ru"
    assert p.findtext("sup") == "1" and p.findtext("code") == 'print("Привет")'
    assert p.find("br") is not None and p.find("br").tail == romanize("Новая строка.")
    assert root.find(".//img").get("alt") == romanize("Фото министра")
    assert root.findtext(".//li/em") == romanize("списка")
    assert root.find(".//script").text == 'var x = "Привет";'
    text = root.text_content()
    assert not re.search(
        r"[А-Яа-яЁё]", text.replace('var x = "Привет";', "").replace('print("Привет")', "")
    )
    assert report.fidelity.kept == report.fidelity.spans >= 3


def test_html_with_a_model_dropping_markers_keeps_all_words(tmp_path: Path) -> None:
    src, dest = tmp_path / "page.html", tmp_path / "page.en.html"
    src.write_text(PAGE, encoding="utf-8")
    report = translate_html(src, dest, word_model(keep_markers=False))
    p = lxml.html.fromstring(dest.read_text("utf-8")).find(".//body/p")
    words = " ".join(p.text_content().split())
    assert romanize("Президент решительно заявил о новых реформах в стране.") in words
    assert p.find("b") is not None and p.find("a").get("href") == "https://akorda.kz/ru"
    assert report.fidelity.moved >= 3 and report.fidelity.kept == 0


ARTICLE_MD = """---
title: Статья
---
# Заявление **президента**

Президент **решительно** заявил о [новых реформах](https://akorda.kz) в стране.[^1] \
Код `print("Привет")` не трогаем.

- Пункт *списка* один.
> Цитата из ~~старого~~ текста.

```python
x = "Привет"
```

| Показатель | Значение |
|---|---|
| Товарооборот | **рост** |

[^1]: Источник: агентство.
"""


def test_markdown_keeps_emphasis_links_and_code(tmp_path: Path) -> None:
    src, dest = tmp_path / "a.md", tmp_path / "a.en.md"
    src.write_text(ARTICLE_MD, encoding="utf-8")
    report = translate_markdown(src, dest, word_model(keep_markers=True))
    out = dest.read_text("utf-8")
    r = romanize
    assert f"**{r('решительно')}**" in out
    assert f"[{r('новых реформах')}](https://akorda.kz)" in out
    assert '`print("Привет")`' in out and 'x = "Привет"' in out
    assert f"- {r('Пункт')} *{r('списка')}* {r('один')}." in out
    assert f"~~{r('старого')}~~" in out
    assert f"| {r('Товарооборот')} | **{r('рост')}** |" in out
    assert "|---|---|" in out and out.startswith("---\ntitle: Статья\n---\n")
    assert f"[^1]: {r('Источник')}: {r('агентство')}." in out
    assert "[^1] " in out
    assert report.fidelity.kept == report.fidelity.spans >= 6


def test_cli_translate_writes_a_fidelity_report(monkeypatch, tmp_path: Path) -> None:
    from processor.cli import main

    model = word_model(keep_markers=False)
    monkeypatch.setattr(
        "processor.translation.engines.routes.get_translator",
        lambda source, target, settings=None: model,
    )
    src = tmp_path / "demanding.docx"
    build_demanding_docx(src)
    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        main,
        [
            "translate",
            str(src),
            "--to",
            "en",
            "-o",
            str(tmp_path / "out"),
            "--no-glossary",
            "--report",
            str(report),
        ],
    )
    assert result.exit_code == 0, result.output
    (entry,) = json.loads(report.read_text("utf-8"))
    spans = entry["inline_spans"]
    assert spans["moved"] == spans["spans"] >= 8 and spans["kept"] == 0
    assert entry["units"] >= 14 and entry["output"].endswith("demanding.en.docx")
    assert "spans moved to the nearest words" in result.stderr
