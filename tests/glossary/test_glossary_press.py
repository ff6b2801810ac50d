"""Matching glossary entries as the Kazakhstani press writes them (issue 9, item 3).

Each test quotes a way news writes a name that the matcher missed or got wrong before:
oblique cases of hyphenated adjectives, lower-case institutions, Kazakh letters inside
Russian text, name + patronymic, initials, and a namesake who must not be matched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from processor.glossary import Glossary, load_glossaries

GLOSSARY = """\
format: processor-glossary/1
name: press
entries:
  - {id: north-kz, type: place, ru: Северо-Казахстанская область, en: North Kazakhstan Region,
     kk: Солтүстік Қазақстан облысы}
  - {id: west-kz, type: place, ru: Западно-Казахстанская область, en: West Kazakhstan Region,
     kk: Батыс Қазақстан облысы}
  - {id: east-kz, type: place, ru: Восточно-Казахстанская область, en: East Kazakhstan Region,
     kk: Шығыс Қазақстан облысы}
  - {id: pavlodar, type: place, ru: Павлодарская область, en: Pavlodar Region,
     kk: Павлодар облысы}
  - {id: mazhilis, type: organization, ru: Мажилис, en: Mazhilis, kk: Мәжіліс}
  - {id: senate, type: organization, ru: Сенат, en: Senate, kk: Сенат}
  - {id: pravda, type: organization, ru: Правда, en: Pravda, kk: Правда, lowercase: false}
  - {id: samruk, type: organization, ru: Самрук-Казына, en: Samruk-Kazyna, kk: Самұрық-Қазына}
  - id: tokayev
    type: person
    ru: Касым-Жомарт Токаев
    en: Kassym-Jomart Tokayev
    kk: Қасым-Жомарт Тоқаев
    short: {ru: Токаев, en: Tokayev, kk: Тоқаев}
    aliases: {ru: [К.-Ж. Токаев, Касым-Жомарт Кемелевич Токаев]}
  - id: zhakupova
    type: person
    ru: Светлана Жакупова
    en: Svetlana Zhakupova
    kk: Светлана Жақыпова
    short: {ru: Жакупова, en: Zhakupova, kk: Жақыпова}
"""


@pytest.fixture(scope="module")
def glossary(tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    path = Path(tmp_path_factory.mktemp("press")) / "press.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return load_glossaries([path], builtin=False)


def found(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entry.id) for m in glossary.find(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Паводки в Северо-Казахстанской области.",  # loct
        "Аким Северо-Казахстанской области.",  # gent
        "Поехал в Западно-Казахстанскую область.",  # accs
        "Руководство Восточно-Казахстанской областью.",  # ablt
        "Северо-Казахстанская область лидирует.",  # nomn
    ],
)
def test_oblique_cases_of_hyphenated_adjectives(glossary: Glossary, text: str) -> None:
    [(matched, entry)] = found(glossary, text)
    assert entry in ("north-kz", "west-kz", "east-kz")
    assert matched.endswith(("область", "области", "областью"))


def test_hyphenated_adjective_in_a_coordination(glossary: Glossary) -> None:
    text = "В Северо-Казахстанской и Павлодарской областях прошли дожди."
    assert found(glossary, text) == [
        ("Северо-Казахстанской", "north-kz"),
        ("Павлодарской областях", "pavlodar"),
    ]


def test_lower_case_institutions(glossary: Glossary) -> None:
    text = "Депутаты мажилиса одобрили закон, в сенате его рассмотрят позже."
    assert found(glossary, text) == [("мажилиса", "mazhilis"), ("сенате", "senate")]


def test_lower_case_can_be_turned_off_per_entry(glossary: Glossary) -> None:
    # "правда" is an ordinary word: the entry says lowercase: false.
    assert found(glossary, "Это правда, сказала газета Правда.") == [("Правда", "pravda")]


def test_kazakh_letters_inside_russian_text(glossary: Glossary) -> None:
    assert found(glossary, "Фонд Самрук-Қазына и Самрук-Қазынаның.")[:1] == [
        ("Самрук-Қазына", "samruk")
    ]
    assert found(glossary, "Совет директоров Самрук-Қазыны.") == [("Самрук-Қазыны", "samruk")]


def test_name_and_patronymic_of_a_known_person(glossary: Glossary) -> None:
    assert found(glossary, "Уважаемый Касым-Жомарт Кемелевич, спасибо.") == [
        ("Касым-Жомарт Кемелевич", "tokayev")
    ]
    assert found(glossary, "Встреча с Касым-Жомартом Кемелевичем.") == [
        ("Касым-Жомартом Кемелевичем", "tokayev")
    ]


def test_initials(glossary: Glossary) -> None:
    assert found(glossary, "Указ подписал К.-Ж. Токаев.") == [("К.-Ж. Токаев", "tokayev")]
    assert found(glossary, "Указ подписал К. Токаев.") == [("К. Токаев", "tokayev")]
    assert found(glossary, "Письмо направил К.К. Токаеву.") == [("К.К. Токаеву", "tokayev")]
    # A different initial is a different person.
    assert found(glossary, "Выступил А. Токаев из Алматы.") == []


def test_a_namesake_is_not_the_known_person(glossary: Glossary) -> None:
    # An activist, not minister Svetlana Zhakupova.
    assert found(glossary, "Полиция задержала активистку Алию Жакупову.") == []
    assert found(glossary, "Свидетелем выступила Жакупова Алия.") == []
    assert found(glossary, "Суд оправдал А. Жакупову.") == []
    # The minister herself, by surname alone, with her first name, or her initial.
    assert found(glossary, "Министр Жакупова заявила.") == [("Жакупова", "zhakupova")]
    assert found(glossary, "Светлану Жакупову назначили.") == [("Светлану Жакупову", "zhakupova")]
    assert found(glossary, "С. Жакупова заявила.") == [("С. Жакупова", "zhakupova")]
    assert found(glossary, "В Астане Жакупова заявила.") == [("Жакупова", "zhakupova")]
    assert found(glossary, "Об этом сообщила Гульмира Жакупова.") == []
