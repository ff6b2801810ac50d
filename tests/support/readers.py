"""Files and checks the reader tests share: a structured DOCX, a news page, one-line errors."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from processor.errors import InputError
from processor.readers import read_document


def write_docx(path: Path) -> None:
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


def assert_input_error(path: Path | str, reason: str) -> InputError:
    with pytest.raises(InputError) as info:
        read_document(path)
    assert type(info.value) is InputError
    message = str(info.value)
    assert str(path) in message
    assert reason in message
    assert "\n" not in message
    return info.value
