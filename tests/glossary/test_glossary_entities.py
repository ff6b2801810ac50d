"""Romanization, entity suggestions (natasha) and the memo's name/term tables."""

from __future__ import annotations

import pytest

from processor.glossary import load_glossaries, romanize, translate_held
from processor.glossary.dump import dump_glossary
from processor.glossary.entities import find_entities, suggest_entries
from processor.glossary.load import parse_glossary
from processor.glossary.report import document_terms, names_table, terminology_appendix
from tests.support import data
from tests.support.glossary_doubles import LexiconEngine, SilentEngine, WrongSpellingEngine

SMALL = data.GLOSSARY_SMALL


@pytest.mark.parametrize(
    ("ru", "en"),
    [
        ("Эдуард Полетаев", "Eduard Poletayev"),
        ("Дональд Трамп", "Donald Tramp"),
        ("Юрий Ельцин", "Yuriy Yeltsin"),
        ("Фёдор Хрущёв", "Fyodor Khrushchev"),
        ("Подъячев", "Podyachev"),
        ("Ильич Щукин", "Ilich Shchukin"),
        ("Мария Ким", "Mariya Kim"),
        ("ООН и Zakon.kz", "OON i Zakon.kz"),
    ],
)
def test_romanize(ru: str, en: str) -> None:
    assert romanize(ru) == en


TEXT = [
    "Политолог Эдуард Полетаев рассказал, что Касым-Жомарт Токаев говорил с Дональдом Трампом.",
    "Позже Эдуарда Полетаева спросили о визите в Вашингтон.",
]


@pytest.fixture(scope="module")
def glossary():
    return load_glossaries([SMALL], builtin=False)


def test_entities_outside_the_glossary(glossary) -> None:
    found = find_entities(TEXT, glossary)
    normals = [(e.type, e.normal) for e in found]
    assert ("person", "Эдуард Полетаев") in normals
    assert ("place", "Вашингтон") in normals
    # Токаев is in the glossary: natasha's span overlaps a match, so it is not suggested
    assert all("Токаев" not in n for _, n in normals)
    for e in found:
        assert TEXT[e.text_index][e.start : e.stop] == e.text


def test_suggest_entries_are_valid_glossary_yaml(glossary) -> None:
    entries = suggest_entries(TEXT, glossary)
    by_ru = {e.ru: e for e in entries}
    poletayev = by_ru["Эдуард Полетаев"]
    assert (poletayev.type, poletayev.en, poletayev.kk, poletayev.id) == (
        "person",
        "Eduard Poletayev",
        "Эдуард Полетаев",
        "eduard-poletayev",
    )
    assert entries[0].ru == "Эдуард Полетаев"  # most frequent first (twice)
    assert by_ru["Дональд Трамп"].en == "Donald Tramp"
    _, again = parse_glossary(dump_glossary(entries, name="s"), "s.yaml")
    assert [e.ru for e in again] == [e.ru for e in entries]


def test_document_terms_and_names_table(glossary) -> None:
    texts = ["Токаев прибыл в Астану.", "Касым-Жомарта Токаева встретил Эдуард Полетаев."]
    usages = document_terms(glossary, texts)
    assert [(u.entry.id, u.count, u.forms) for u in usages] == [
        ("tokayev", 2, ("Токаев", "Касым-Жомарта Токаева")),
        ("astana", 1, ("Астану",)),
    ]
    rows = names_table(glossary, texts)
    assert [(r.ru, r.en, r.kk, r.source, r.count) for r in rows] == [
        ("Касым-Жомарт Токаев", "Kassym-Jomart Tokayev", "Қасым-Жомарт Тоқаев", "glossary", 2),
        ("Астана", "Astana", "Астана", "glossary", 1),
        ("Эдуард Полетаев", "Eduard Poletayev", "Эдуард Полетаев", "romanized", 1),
    ]
    assert rows[-1].romanized and not rows[0].romanized
    assert len(names_table(glossary, texts, entities=False)) == 2


def test_terminology_appendix_reports_each_language(glossary) -> None:
    texts = ["Токаеву доложили.", "Мажилис принял закон.", "Погода хорошая."]
    usages = document_terms(glossary, texts)
    en = translate_held(texts[:2], WrongSpellingEngine("ru", "en"), glossary)
    kk = translate_held(texts[:2], SilentEngine("ru", "kk"), glossary)
    ru_en_ok = translate_held(texts[:1], LexiconEngine("ru", "en"), glossary)
    rows = terminology_appendix(usages, {"en": en, "kk": kk})
    assert [(r.entry.id, r.occurrences) for r in rows] == [("tokayev", 1), ("mazhilis", 1)]
    tokayev, mazhilis = rows
    assert tokayev.results["en"].repaired == 1 and tokayev.all_right("en") is True
    assert tokayev.all_right("kk") is False and tokayev.results["kk"].missing == 1
    # the romanized "Mazhilis" of the plain retry is the glossary rendering: ok
    assert mazhilis.results["en"].ok == 1
    assert tokayev.results["en"].expected == "Kassym-Jomart Tokayev"
    # a term never translated (only sentence 0 was) has no verdict
    rows = terminology_appendix(usages, {"en": ru_en_ok.terms})
    assert rows[1].all_right("en") is None and rows[0].all_right("en") is True


@pytest.mark.parametrize(
    "name", ["07-dw-kozlov-verdict.ru.txt", "24-informburo-smadiyarov-zelensky.ru.txt"]
)
def test_a_common_noun_abbreviation_is_not_a_name(name: str) -> None:
    """natasha tags "СМИ" (mass media) as an organization in real news: not an actor."""
    from processor.glossary.entities import names_in

    text = (data.MEMO_NEWS / name).read_text(encoding="utf-8")
    assert "СМИ" in text
    names = {row.ru for row in names_in(text.split("\n\n"), load_glossaries())}
    assert names and "СМИ" not in names
