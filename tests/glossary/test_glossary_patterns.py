"""Names outside the glossary built from their parts (issue 17, items 2-5): courts,
akimats, ministries and districts in the nominative with EN and KK forms from their
parts, Western first names in their own spelling, a surname attaching the right person."""

from __future__ import annotations

import pytest

from processor.glossary import load_glossaries
from processor.glossary.entities import EntityName, names_in
from tests.support import data

INSTITUTIONS = (data.DATA / "names" / "institutions.ru.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def glossary():
    return load_glossaries()


def rows_of(text: str, glossary) -> dict[str, EntityName]:
    return {r.ru: r for r in names_in([text], glossary)}


@pytest.mark.parametrize(
    ("text", "ru", "en", "kk"),
    [
        # The issue's own cases.
        ("Паводки затронули жителей Абайского и Жарминского районов.",
         "Жарминский район", "Zharma district", "Жарма ауданы"),
        ("Об этом сообщили в акимате Жарминского района.",
         "Акимат Жарминского района", "Akimat of Zharma district", "Жарма ауданының әкімдігі"),
        ("Аким Жарминского района провел встречу с жителями.",
         "Аким Жарминского района", "Akim of Zharma district", "Жарма ауданының әкімі"),
        ("Дело рассмотрел районный суд № 2 города Астаны.",
         "Районный суд № 2 города Астаны", "District Court No. 2 of Astana",
         "Астана қаласының № 2 аудандық соты"),
        ("Приговор вынес Алмалинский районный суд.",
         "Алмалинский районный суд", "Almaly District Court", "Алмалы аудандық соты"),
        ("Комитет по чрезвычайным ситуациям Министерства внутренних дел сообщил о паводке.",
         "Комитет по чрезвычайным ситуациям Министерства внутренних дел",
         "Committee for Emergency Situations of the Ministry of Internal Affairs",
         "Ішкі істер министрлігінің Төтенше жағдайлар комитеті"),
        ("Прокуратура Абайской области начала проверку.",
         "Прокуратура Абайской области", "Prosecutor's Office of Abai region",
         "Абай облысының прокуратурасы"),
        ("Департамент полиции Карагандинской области сообщил о задержании.",
         "Департамент полиции Карагандинской области",
         "Police Department of Karaganda region", "Қарағанды облысының полиция департаменті"),
    ],
)  # fmt: skip
def test_names_built_from_parts(text: str, ru: str, en: str, kk: str, glossary) -> None:
    rows = rows_of(text, glossary)
    assert ru in rows, sorted(rows)
    row = rows[ru]
    # Districts are glossary entries now (kazakhstan-admin.yaml); institutions are built.
    source = "glossary" if ru == "Жарминский район" else "translated"
    assert (row.en, row.kk, row.source) == (en, kk, source)
    # No oblique or partial form of it is a row of its own.
    assert not {"Абайского", "Жарминский районы", "Аким", "Жарминского района"} & set(rows)


def test_ministry_of_the_republic_without_a_glossary() -> None:
    # The built-in glossary lists every ministry; a user's own glossary may not.
    rows = {
        r.ru: r
        for r in names_in(["Министерство энергетики Республики Казахстан сообщило о ремонте."])
    }
    row = rows["Министерство энергетики Республики Казахстан"]
    assert (row.en, row.kk) == (
        "Ministry of Energy of the Republic of Kazakhstan",
        "Қазақстан Республикасының Энергетика министрлігі",
    )


def test_coordinated_districts_are_two_names_in_the_nominative_singular(glossary) -> None:
    rows = rows_of("Паводки затронули жителей Абайского и Жарминского районов.", glossary)
    assert {"Абайский район", "Жарминский район"} <= set(rows), sorted(rows)
    assert rows["Абайский район"].en == "Abai district"


@pytest.mark.parametrize(
    ("line", "ru", "en"),
    [
        (0, "Медеуский районный суд Алматы", "Medeu District Court of Almaty"),
        (1, "Районный суд №2 Медеуского района", "District Court No. 2 of Medeu district"),
        (2, "Есильский районный суд Астаны", "Yesil District Court of Astana"),
        (4, "Специализированный межрайонный суд по уголовным делам Алматы",
         "Specialized Interdistrict Court for Criminal Cases of Almaty"),
        # The akim's post, then his name: two rows, the post ending at the district.
        (5, "Аким района Жаңасемей", "Akim of Zhanasemei district"),
    ],
)  # fmt: skip
def test_institutions_in_real_news(line: int, ru: str, en: str, glossary) -> None:
    rows = rows_of(INSTITUTIONS.splitlines()[line], glossary)
    assert ru in rows, sorted(rows)
    assert rows[ru].en == en
    assert not rows[ru].kk_russian  # the district's Kazakh name is in a table or the text
    if line == 4:
        assert rows[ru].kk == (
            "Алматы қаласының қылмыстық істер жөніндегі мамандандырылған ауданаралық соты"
        )
    if line == 5:
        assert rows[ru].kk == "Жаңасемей ауданының әкімі"
        assert "Нуржан Оразбекович Абдикаримов" in rows


def test_unknown_district_keeps_russian_spelling_marked(glossary) -> None:
    # No table (and no glossary entry) gives Сарайшыкский's Kazakh name: the Kazakh column
    # says it is Russian.
    rows = rows_of("Упразднен районный суд №2 Сарайшыкского района.", glossary)
    row = rows["Районный суд №2 Сарайшыкского района"]
    assert row.en == "District Court No. 2 of Saraishyk district"
    assert row.kk_russian


def test_western_first_name_in_its_own_spelling(glossary) -> None:
    rows = rows_of("Питер Ларден заявил, что Ларден не подпишет контракт.", glossary)
    assert rows["Питер Ларден"].en == "Peter Larden"
    assert rows["Питер Ларден"].count == 2 and "Ларден" not in rows
    assert rows["Питер Ларден"].kk_russian  # Kazakh column: the Russian spelling, marked


def test_a_woman_with_a_glossary_surname_stands_on_her_own_row(glossary) -> None:
    rows = rows_of("Дарига Назарбаева провела встречу с избирателями.", glossary)
    assert "Нурсултан Назарбаев" not in rows
    assert rows["Дарига Назарбаева"].en == "Dariga Nazarbayeva"
    # Without a first name, a feminine verb still says it is not Nursultan Nazarbayev.
    assert "Нурсултан Назарбаев" not in rows_of("Назарбаева провела встречу.", glossary)
    # The man himself still attaches, by surname alone too.
    assert "Нурсултан Назарбаев" in rows_of("Указ подписал Назарбаев.", glossary)
    assert "Касым-Жомарт Токаев" in rows_of("Встреча с Токаевым прошла в Астане.", glossary)


def test_suggest_base_forms_short_forms_and_renderings(tmp_path) -> None:
    """`glossary suggest` on two real articles: phrases in the nominative with their genitive
    parts, the surname alone merged into the full name as its short form, English and
    Kazakh translated from common words, a Western first name in its own spelling."""
    import yaml

    from processor.cli.common import EXIT_OK
    from processor.glossary import read_glossary
    from tests.support.glossary import run_glossary

    out = tmp_path / "suggested.yaml"
    news = [str(data.NEWS / f) for f in (
        "02-kazpravda-bektenov-exxonmobil.ru.txt", "04-inform-atomic-industry-day.ru.txt"
    )]  # fmt: skip
    result = run_glossary("suggest", *news, "-o", str(out))
    assert result.exit_code == EXIT_OK, result.output
    entries = {e["ru"]: e for e in yaml.safe_load(out.read_text(encoding="utf-8"))["entries"]}
    assert "Ларден" not in entries
    larden = entries["Питер Ларден"]
    assert (larden["en"], larden["short"]) == (
        "Peter Larden",
        {"ru": "Ларден", "en": "Larden", "kk": "Ларден"},
    )
    assert (entries["Академия наук"]["en"], entries["Академия наук"]["kk"]) == (
        "Academy of Sciences",
        "Ғылым академиясы",
    )
    defence = entries["Государственный комитет обороны"]
    assert (defence["en"], defence["kk"]) == (
        "State Committee of Defence",
        "Мемлекеттік қорғаныс комитеті",
    )
    assert not {"Государственный комитет оборона", "Академия науки"} & set(entries)
    read_glossary(out)  # a valid glossary file


def test_real_akims_reshuffle_news(glossary) -> None:
    """Time.kz prints surnames in capitals and names regions by their short form."""
    text = (data.NEWS / "14-time-akims-reshuffle.ru.txt").read_text(encoding="utf-8")
    rows = {r.ru: r for r in names_in(text.split("\n\n"), glossary)}
    assert "Олег Крук" in rows and "Олег КРУК" not in rows
    akimat = rows["Акимат Северо-Казахстанской области"]
    assert (akimat.en, akimat.kk) == (
        "Akimat of North Kazakhstan region",
        "Солтүстік Қазақстан облысының әкімдігі",
    )
    akim = rows["Аким СКО"]  # "акима СКО": the region by its abbreviation, not a city
    assert akim.kk == "Солтүстік Қазақстан облысының әкімі"


def test_a_chamber_alone_is_not_a_name(glossary) -> None:
    text = (data.NEWS / "12-czhr-senate-2025.ru.txt").read_text(encoding="utf-8")
    assert "Палата" not in {r.ru for r in names_in(text.split("\n\n"), glossary)}


@pytest.mark.parametrize(
    ("ru", "en"),
    [
        # Kazakh letters in the text: the passport's (ICAO Doc 9303) table.
        ("Әлихан Бөкейханұлы", "Alikhan Bokeikhanuly"),
        ("Нұрлан Жұмабаев", "Nurlan Zhumabaev"),
        ("Ғани Қасымов", "Gani Kasymov"),
        ("Айгүл Һасенова", "Aigul Khasenova"),
        ("Іңкәр Өмірзақ", "Inkar Omirzak"),
        ("Юлия Нұрланқызы", "Iuliia Nurlankyzy"),
        # A Western first name back in its own spelling; the surname romanized.
        ("Питер Ларден", "Peter Larden"),
        ("Джон Смит", "John Smit"),
        ("Майкл Ларден", "Michael Larden"),
        # Otherwise BGN/PCGN as Kazakhstan's official English writes it.
        ("Юрий Ельцин", "Yuriy Yeltsin"),
        ("Айбек Айдарбеков", "Aibek Aidarbekov"),
    ],
)
def test_romanize_name(ru: str, en: str) -> None:
    from processor.glossary.romanize import romanize_name

    assert romanize_name(ru) == en


def test_a_name_in_kazakh_letters_keeps_them_in_the_kazakh_column() -> None:
    rows = {r.ru: r for r in names_in(["Заявление сделал депутат Нұрлан Жұмабаев."])}
    row = rows["Нұрлан Жұмабаев"]
    assert (row.en, row.kk, row.kk_russian) == ("Nurlan Zhumabaev", "Нұрлан Жұмабаев", False)
