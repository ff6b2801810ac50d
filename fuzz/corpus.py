"""Seed files the fuzzers mutate: one small, real, well-formed file per target.

Built in memory with the same tools a user's files come from (python-docx, a
real PDF in ``fuzz/seeds/``), so that mutations start from the structure a
reader really sees.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

SEEDS = Path(__file__).resolve().parent / "seeds"

TITLE = "Токаев и Трамп обсудили Украину"
PARAGRAPHS = (
    "Касым-Жомарт Токаев подчеркнул сложность урегулирования украинского конфликта.",
    "Об этом президент Казахстана заявил в ходе телефонного разговора с президентом США.",
    "– Эдуард Эдуардович, как Вы оцениваете итоги разговора?",
)

TXT = "\n".join(
    [
        "https://www.zakon.kz/politika/6412345-tokaev.html",
        "Источник: Zakon.kz",
        "12 марта 2025",
        "",
        TITLE,
        "",
        *(f"{p}\n" for p in PARAGRAPHS),
        "- энергетика",
        "- торговля",
        "",
        "Перего-",
        "воры продолжатся.",
    ]
)

MARKDOWN = (
    "---\ntitle: 'Токаев и Трамп'\ndate: 2025-03-12\nsource: Kazinform\n---\n\n"
    f"# {TITLE}\n\n{PARAGRAPHS[0]} **важно** [ссылка](https://inform.kz)\n\n"
    f"> {PARAGRAPHS[1]}\n\n* энергетика\n* торговля\n\n| Показатель | Значение |\n"
    "|---|---|\n| Компаний | 60 |\n\n```\nкод\n```\n"
)

HTML = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Токаев | Zakon.kz</title>'
    '<meta property="og:site_name" content="Zakon.kz">'
    '<meta property="article:published_time" content="2025-03-12T10:00:00+05:00">'
    '<link rel="canonical" href="https://www.zakon.kz/a/1">'
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
    '"2025-03-12", "author": {"name": "Иван"}}</script></head><body>'
    '<nav class="menu"><a href="/">Главная</a></nav><article>'
    f"<h1>{TITLE}</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}<br><br>{PARAGRAPHS[2]}</p>"
    "<ul><li>энергетика</li><li>торговля</li></ul><blockquote>Цитата.</blockquote>"
    "<table><tr><td>Компаний</td><td>60</td></tr></table></article>"
    '<footer class="footer">Подвал</footer></body></html>'
)

GLOSSARY_YAML = """format: processor-glossary/1
name: fuzz
source: ru
targets: [en, kk]
entries:
  - id: tokayev
    type: person
    ru: Касым-Жомарт Токаев
    en: Kassym-Jomart Tokayev
    kk: Қасым-Жомарт Тоқаев
    short: {ru: Токаев, en: Tokayev, kk: Тоқаев}
    aliases:
      ru: [К.-Ж. Токаев]
    wrong:
      en: [Tokaev]
  - id: majilis
    type: organization
    ru: Мажилис
    en: Mazhilis
    kk: Мәжіліс
"""

GLOSSARY_CSV = "ru,en,kk,type\nМажилис,Mazhilis,Мәжіліс,organization\nАстана,Astana,Астана,place\n"

GLOSSARY_TBX = (
    '<?xml version="1.0" encoding="UTF-8"?><martif type="TBX" xml:lang="ru"><text><body>'
    '<termEntry id="t1"><langSet xml:lang="ru"><tig><term>Мажилис</term></tig></langSet>'
    '<langSet xml:lang="en"><tig><term>Mazhilis</term></tig></langSet></termEntry>'
    "</body></text></martif>"
)


@functools.cache
def docx_seed() -> bytes:
    import datetime as dt

    import docx

    document = docx.Document()
    document.core_properties.title = TITLE
    document.core_properties.author = "Иван Петров"
    document.core_properties.created = dt.datetime(2025, 3, 12)
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("Главное", style="Heading 1")
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    document.add_paragraph("энергетика", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Компаний"
    table.cell(0, 1).text = "60"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Источник: Zakon.kz"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@functools.cache
def pdf_seeds() -> tuple[bytes, ...]:
    """The seed PDF, and the same PDF encrypted (RC4, with a password)."""
    import pypdf

    plain = (SEEDS / "article.pdf").read_bytes()
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(plain)))
    writer.encrypt("secret", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    return plain, locked.getvalue()


def seeds(target: str) -> tuple[bytes, ...]:
    """Well-formed inputs for ``target`` (a name in :data:`fuzz.targets.TARGETS`)."""
    if target == "txt":
        return tuple(TXT.replace("–", "-").encode(enc) for enc in ("utf-8", "cp1251", "koi8-r"))
    if target == "txt_encodings":
        return tuple(TXT.encode(enc) for enc in ("utf-16", "utf-8-sig", "mac-cyrillic"))
    if target == "md":
        return (MARKDOWN.encode(),)
    if target in ("html", "sniff"):
        return (HTML.encode(), HTML.encode("utf-8").replace(b"utf-8", b"koi8-r"))
    if target == "docx":
        return (docx_seed(),)
    if target == "pdf":
        return pdf_seeds()
    if target == "glossary_yaml":
        return (GLOSSARY_YAML.encode(),)
    if target == "glossary_csv":
        return (GLOSSARY_CSV.encode(), GLOSSARY_CSV.replace(",", "\t").encode())
    if target == "glossary_tbx":
        return (GLOSSARY_TBX.encode(),)
    raise KeyError(target)
