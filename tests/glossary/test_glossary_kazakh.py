"""Kazakh case endings: vowel harmony, consonant classes, possessive -н-, abbreviations."""

from __future__ import annotations

import pytest

from processor.glossary.kazakh import CASES, case_of_suffix, inflect, is_front, sound_class

# (word, [nominative, genitive, dative, accusative, locative, ablative, instrumental])
TABLE = [
    # back vowels; ends in voiceless (в devoices)
    ("Тоқаев", ["Тоқаев", "Тоқаевтың", "Тоқаевқа", "Тоқаевты", "Тоқаевта", "Тоқаевтан",
                "Тоқаевпен"]),
    # back; nasal н: -ның, -ға, -ды, -да, -нан, -мен
    ("Қазақстан", ["Қазақстан", "Қазақстанның", "Қазақстанға", "Қазақстанды", "Қазақстанда",
                   "Қазақстаннан", "Қазақстанмен"]),
    # back; vowel
    ("Астана", ["Астана", "Астананың", "Астанаға", "Астананы", "Астанада", "Астанадан",
                "Астанамен"]),
    # front; voiceless с
    ("Мәжіліс", ["Мәжіліс", "Мәжілістің", "Мәжіліске", "Мәжілісті", "Мәжілісте", "Мәжілістен",
                 "Мәжіліспен"]),
    # front; sonorant й
    ("Ресей", ["Ресей", "Ресейдің", "Ресейге", "Ресейді", "Ресейде", "Ресейден", "Ресеймен"]),
    # front; voiced з
    ("Теңіз", ["Теңіз", "Теңіздің", "Теңізге", "Теңізді", "Теңізде", "Теңізден", "Теңізбен"]),
    # back; sonorant л
    ("Жол", ["Жол", "Жолдың", "Жолға", "Жолды", "Жолда", "Жолдан", "Жолмен"]),
    # front; vowel е
    ("Мәскеу", ["Мәскеу", "Мәскеудің", "Мәскеуге", "Мәскеуді", "Мәскеуде", "Мәскеуден",
                "Мәскеумен"]),
    # front; nasal м
    ("Әкім", ["Әкім", "Әкімнің", "Әкімге", "Әкімді", "Әкімде", "Әкімнен", "Әкіммен"]),
    # front; voiceless к
    ("Бішкек", ["Бішкек", "Бішкектің", "Бішкекке", "Бішкекті", "Бішкекте", "Бішкектен",
                "Бішкекпен"]),
]  # fmt: skip


@pytest.mark.parametrize(("word", "forms"), TABLE, ids=[w for w, _ in TABLE])
def test_case_table(word: str, forms: list[str]) -> None:
    assert [inflect(word, case) for case in CASES] == forms


def test_possessive_third_person_takes_n_forms() -> None:
    assert [inflect("Қарағанды облысы", c) for c in CASES] == [
        "Қарағанды облысы",
        "Қарағанды облысының",
        "Қарағанды облысына",
        "Қарағанды облысын",
        "Қарағанды облысында",
        "Қарағанды облысынан",
        "Қарағанды облысымен",
    ]
    # front harmony: банкі
    assert inflect("Қазақстан Ұлттық банкі", "locative") == "Қазақстан Ұлттық банкінде"
    assert inflect("Қазақстан Ұлттық банкі", "dative") == "Қазақстан Ұлттық банкіне"
    # a single word in -ы is not possessive unless told so
    assert inflect("Алматы", "dative") == "Алматыға"
    assert inflect("Елбасы", "dative", possessive=True) == "Елбасына"


def test_abbreviations_take_a_hyphen() -> None:
    assert inflect("АҚШ", "genitive") == "АҚШ-тың"
    assert inflect("АҚШ", "dative") == "АҚШ-қа"
    assert inflect("ҚР", "locative") == "ҚР-да"
    assert inflect("БҰҰ", "genitive") == "БҰҰ-ның"
    assert inflect("ЖІӨ", "genitive") == "ЖІӨ-нің"


def test_endings_go_on_the_last_word_only() -> None:
    assert inflect("Қасым-Жомарт Тоқаев", "instrumental") == "Қасым-Жомарт Тоқаевпен"
    assert inflect("Америка Құрама Штаттары", "ablative") == "Америка Құрама Штаттарынан"


def test_plural() -> None:
    assert inflect("облыс", "locative", number="pl") == "облыстарда"
    assert inflect("банк", "genitive", number="pl") == "банктердің"


def test_helpers_and_errors() -> None:
    assert is_front("Мәжіліс") and not is_front("Тоқаев") and is_front("Әлиев")
    assert sound_class("Астана") == "vowel" and sound_class("Тоқаев") == "voiceless"
    assert case_of_suffix("-тың") == "genitive" and case_of_suffix("ге") == "dative"
    assert case_of_suffix("қала") is None
    with pytest.raises(ValueError, match="unknown Kazakh case"):
        inflect("Астана", "vocative")
