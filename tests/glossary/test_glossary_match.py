"""Matching glossary entries in Russian text: inflection, multi-word, abbreviations."""

from __future__ import annotations

import pytest

from processor.glossary import Glossary, load_glossaries
from tests.support import data

SMALL = data.GLOSSARY_SMALL
SEED = data.SEED


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossaries([SMALL], builtin=False)


def found(glossary: Glossary, text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.entry.id, m.case) for m in glossary.find(text)]


# One sentence per Russian case, each with a person, an organization, a multi-word place
# and an abbreviation.
CASES = [
    ("nomn", "Касым-Жомарт Токаев, Национальный банк Казахстана и Карагандинская область "
             "обсуждали РК.",
     ["Касым-Жомарт Токаев", "Национальный банк Казахстана", "Карагандинская область"]),
    ("gent", "У Касым-Жомарта Токаева нет Национального банка Казахстана и Карагандинской "
             "области.",
     ["Касым-Жомарта Токаева", "Национального банка Казахстана", "Карагандинской области"]),
    ("datv", "К Касым-Жомарту Токаеву, к Национальному банку Казахстана и к Карагандинской "
             "области.",
     ["Касым-Жомарту Токаеву", "Национальному банку Казахстана", "Карагандинской области"]),
    ("accs", "Про Касым-Жомарта Токаева, про Национальный банк Казахстана и про Карагандинскую "
             "область.",
     ["Касым-Жомарта Токаева", "Национальный банк Казахстана", "Карагандинскую область"]),
    ("ablt", "С Касым-Жомартом Токаевым, с Национальным банком Казахстана и с Карагандинской "
             "областью.",
     ["Касым-Жомартом Токаевым", "Национальным банком Казахстана", "Карагандинской областью"]),
    ("loct", "О Касым-Жомарте Токаеве, о Национальном банке Казахстана и о Карагандинской "
             "области.",
     ["Касым-Жомарте Токаеве", "Национальном банке Казахстана", "Карагандинской области"]),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c for c, _, _ in CASES])
def test_every_case_matches_with_its_case(
    glossary: Glossary, case: str, text: str, expected: list[str]
) -> None:
    got = [(t, c) for t, _, c in found(glossary, text) if t in expected]
    assert [t for t, _ in got] == expected
    assert {c for _, c in got} == {case}


@pytest.mark.parametrize(
    ("text", "case"),
    [("Указ РК", None), ("Делегация США", None), ("Генсек ООН", None)],
)
def test_abbreviations_match_in_any_case_context(glossary: Glossary, text: str, case) -> None:
    [(matched, _, got_case)] = found(glossary, text)
    assert matched == text.split()[-1] and got_case is case


def test_hard_words_that_first_parse_lemmatization_gets_wrong(glossary: Glossary) -> None:
    text = "Токаеву доложили из Акорды; фонд Самрук-Казыны и Самрук-Казыной; в Астане."
    assert found(glossary, text) == [
        ("Токаеву", "tokayev", "datv"),
        ("Акорды", "akorda", "gent"),
        ("Самрук-Казыны", "samruk-kazyna", "gent"),
        ("Самрук-Казыной", "samruk-kazyna", "ablt"),
        ("Астане", "astana", "loct"),
    ]
    forms = {m.text: m.form for m in glossary.find(text)}
    assert forms["Токаеву"] == "short"


def test_coordinated_adjectives_share_a_plural_head(glossary: Glossary) -> None:
    text = "Паводки прошли в Туркестанской и Кызылординской областях."
    got = glossary.find(text)
    assert [(m.text, m.entry.id) for m in got] == [
        ("Туркестанской", "turkestan-region"),
        ("Кызылординской областях", "kyzylorda-region"),
    ]
    assert all(m.case == "loct" and m.preposition == "в" and m.coordinated for m in got)
    nominative = glossary.find("Карагандинская и Туркестанская области получат средства.")
    assert [m.entry.id for m in nominative] == ["karaganda-region", "turkestan-region"]
    # Without a coordination the singular adjective + plural noun is not a name.
    assert glossary.find("О Кызылординской областях и районах.") == []


def test_never_inside_another_word(glossary: Glossary) -> None:
    assert found(glossary, "Токаевский курс и РКЦ, а также АкордаИнвест и рк.") == []
    # capitalized names do not match a lower-case common word
    assert found(glossary, "астана как слово") == []


def test_longest_match_first_and_alias(glossary: Glossary) -> None:
    got = found(glossary, "Касым-Жомарт Токаев и К.-Ж. Токаев, затем Токаев.")
    assert got == [
        ("Касым-Жомарт Токаев", "tokayev", "nomn"),
        ("К.-Ж. Токаев", "tokayev", "nomn"),
        ("Токаев", "tokayev", "nomn"),
    ]
    forms = [m.form for m in load_glossaries([SMALL], builtin=False).find("К.-Ж. Токаев")]
    assert forms == ["alias"]
    # "Национальный банк Казахстана" wins over "Казахстан" inside it
    assert found(glossary, "в Национальном банке Казахстана") == [
        ("Национальном банке Казахстана", "national-bank", "loct")
    ]


def test_offsets_point_into_the_text(glossary: Glossary) -> None:
    text = "Вчера «Самрук-Казына» и Мажилис, ё-моё."
    for m in glossary.find(text):
        assert text[m.start : m.stop] == m.text


def test_matcher_is_built_once_per_glossary(glossary: Glossary) -> None:
    first = glossary.matcher
    glossary.find("Токаев")
    assert glossary.matcher is first


def test_real_article_with_builtin_glossary() -> None:
    # The seed article and the built-in glossaries are in the repository: never skipped.
    g = load_glossaries()
    assert g.paths
    text = SEED.read_text(encoding="utf-8")
    ids = [m.entry.id for m in g.find(text)]
    assert ids[0] == "tokayev"
    assert {"tokayev", "trump", "kazakhstan", "akorda"} <= set(ids)
    texts = {m.text for m in g.find(text)}
    assert {"Токаеву", "Дональдом Трампом", "Акорды"} <= texts


def test_literal_forms_match_words_the_morphology_cannot_inflect() -> None:
    from processor.glossary import Entry

    entry = Entry(
        id="alatau", type="place", ru="Алатау", en="Alatau", kk="Алатау",
        forms={"ru": ("Алатауя",)},
    )  # fmt: skip
    g = Glossary(entries=[entry])
    assert [(m.text, m.form) for m in g.find("Алатау и Алатауя, но не Алатауе.")] == [
        ("Алатау", "full"),
        ("Алатауя", "full"),
    ]


@pytest.mark.parametrize(
    ("ru", "text", "written", "case"),
    [
        # pymorphy3 knows "глубоковский" only as a surname and guesses the others as nouns.
        ("Глубоковский район", "в Глубоковском районе открыли суд", "Глубоковском районе", "loct"),
        ("Зайсанский район", "аким Зайсанского района", "Зайсанского района", "gent"),
        ("Шуский район", "к Шускому району", "Шускому району", "datv"),
        ("Шетский район", "со Шетским районом", "Шетским районом", "ablt"),
    ],
)
def test_place_adjectives_the_morphology_does_not_know_decline(
    ru: str, text: str, written: str, case: str
) -> None:
    from processor.glossary import Entry

    g = Glossary(entries=[Entry(id="d", type="place", ru=ru, en="X district", kk="X ауданы")])
    assert found(g, text) == [(written, "d", case)]


def test_web_names_in_capitals_are_one_name() -> None:
    from processor.glossary import Entry

    g = Glossary(
        entries=[Entry(id="nur", type="organization", ru="NUR.KZ", en="NUR.KZ", kk="NUR.KZ")]
    )
    assert found(g, "Как сообщает NUR.KZ, сессия открыта.") == [("NUR.KZ", "nur", None)]


def test_kazakh_root_in_kazakh_letters_matches_the_russian_spelling() -> None:
    from processor.glossary import Entry

    ktz = Entry(
        id="ktz",
        type="organization",
        ru="Казахстан темир жолы",
        en="Kazakhstan Temir Zholy",
        kk="Қазақстан темір жолы",
    )
    telecom = Entry(
        id="kt", type="organization", ru="Казахтелеком", en="Kazakhtelecom", kk="Қазақтелеком"
    )
    cossack = Entry(id="c", type="term", ru="казак", en="Cossack", kk="казак")
    g = Glossary(entries=[ktz, telecom, cossack])
    text = "АО «НК «Қазақстан темір жолы» и АО «Қазақтелеком» подписали договор."
    assert found(g, text) == [
        ("Қазақстан темір жолы", "ktz", "nomn"),
        ("Қазақтелеком", "kt", "nomn"),
    ]
    # The Russian word казак (Cossack) is not folded into казах.
    assert [m.entry.id for m in g.find("Сказал казак.")] == ["c"]


def test_names_with_a_comma_match_whole_and_a_comma_never_joins_other_names() -> None:
    from processor.glossary import Entry

    ministry = Entry(
        id="m",
        type="organization",
        en="Ministry of Ecology, Geology and ...",
        ru="Министерство экологии, геологии и природных ресурсов",
        kk="М",
    )
    toqaev = Entry(id="t", type="person", ru="Касым-Жомарт Токаев", en="T", kk="Т")
    g = Glossary(entries=[ministry, toqaev])
    text = "В Министерстве экологии, геологии и природных ресурсов был Касым-Жомарт Токаев."
    assert found(g, text) == [
        ("Министерстве экологии, геологии и природных ресурсов", "m", "loct"),
        ("Касым-Жомарт Токаев", "t", "nomn"),
    ]
    # Without its comma the phrase is not the name; nor is a list "Касым-Жомарт, Токаев".
    assert found(g, "Касым-Жомарт, Токаев и Министерство экологии геологии") == []
