"""The names table's rows (entities.names_in): nominative, official English, translated
common words, no generic words, one row per entity (issue 9, item 4)."""

from __future__ import annotations

import pytest

from processor.glossary import load_glossaries, romanize
from processor.glossary.entities import EntityName, names_in, translate_common
from tests.support import data

SMALL = data.GLOSSARY_SMALL

TEXTS = [
    "Встреча с Дауреном Абаевым прошла в Нур-Султане. Позже Абаева спросили о планах.",
    "Студенты Технического университета из Южной Азии посетили порт. Президент поддержал проект.",
    "Полиция задержала Алию Жакупову, сообщил Айбек Айдарбеков.",
    "Токаев встретился с Алмасадамом Саткалиевым.",
]


@pytest.fixture(scope="module")
def rows() -> list[EntityName]:
    return names_in(TEXTS, load_glossaries([SMALL], builtin=False))


def by_ru(rows: list[EntityName]) -> dict[str, EntityName]:
    return {r.ru: r for r in rows}


def test_every_name_in_the_nominative(rows: list[EntityName]) -> None:
    names = by_ru(rows)
    for nominative in (
        "Даурен Абаев",
        "Нур-Султан",
        "Алия Жакупова",
        "Алмасадам Саткалиев",
        "Технический университет",
        "Южная Азия",
    ):
        assert nominative in names, sorted(names)
    assert not {"Дауреном Абаевым", "Алию Жакупову", "Нур-Султана"} & set(names)


def test_people_in_official_english(rows: list[EntityName]) -> None:
    names = by_ru(rows)
    assert names["Даурен Абаев"].en == "Dauren Abayev"
    assert names["Айбек Айдарбеков"].en == "Aibek Aidarbekov"
    assert names["Алмасадам Саткалиев"].en == "Almasadam Satkaliyev"
    assert names["Алия Жакупова"].source == "romanized"


@pytest.mark.parametrize(
    ("ru", "en"),
    [("Айбек", "Aibek"), ("Айдарбек", "Aidarbek"), ("Кайрат", "Kairat"), ("Ерлан", "Yerlan"),
     ("Тоқаев", "Tokayev"), ("Мағжан", "Magzhan"), ("Юрий", "Yuriy"), ("Алтай", "Altai")],
)  # fmt: skip
def test_romanize_follows_kazakhstan_official_english(ru: str, en: str) -> None:
    assert romanize(ru) == en


def test_common_word_names_are_translated(rows: list[EntityName]) -> None:
    names = by_ru(rows)
    university = names["Технический университет"]
    assert (university.en, university.kk, university.source) == (
        "Technical University",
        "Техникалық университет",
        "translated",
    )
    assert (names["Южная Азия"].en, names["Южная Азия"].kk) == ("South Asia", "Оңтүстік Азия")
    assert translate_common("Гвадар") is None  # a proper name: romanized, not translated


def test_generic_words_are_not_names(rows: list[EntityName]) -> None:
    assert not [r for r in rows if r.ru.split()[0] in ("Президент", "Уважаемый")]


def test_one_row_per_entity(rows: list[EntityName]) -> None:
    names = [r.ru for r in rows]
    assert len(names) == len(set(names))
    # "Абаева" later in the text is Даурен Абаев again: counted on his row, no row of its own.
    assert names_count(rows, "Даурен Абаев") == 2 and "Абаев" not in names
    # Токаев is in the glossary: its row comes from there, first.
    assert rows[0].ru == "Касым-Жомарт Токаев" and rows[0].in_glossary


def names_count(rows: list[EntityName], ru: str) -> int:
    return by_ru(rows)[ru].count


@pytest.mark.parametrize(
    ("span", "etype", "name"),
    [
        ("Уважаемый Касым-Жомарт Кемелевич", "person", "Касым-Жомарт Кемелевич"),
        ("Президент", "person", ""),
        ("Президент Токаев", "person", "Токаев"),
        ("Правительство", "organization", ""),
        ("Технический университет", "organization", "Технический университет"),
    ],
)
def test_titles_and_forms_of_address_are_dropped(span: str, etype: str, name: str) -> None:
    # natasha tags such spans as PER/ORG in some sentences; they never become a row.
    from processor.glossary.entities import _nominative

    assert _nominative(span, span, etype) == name
