"""The outlet an article names in its lead ("сообщает Zakon.kz") when nothing else does."""

from __future__ import annotations

import pytest

from processor.readers import read_document
from processor.readers.byline import outlet_in_lead
from tests.support.data import HEADLESS, NEWS, SEED


@pytest.mark.parametrize(
    ("path", "outlet"),
    [
        (SEED, "Zakon.kz"),  # "…, сообщает Zakon.kz."
        (HEADLESS / "ulysmedia-okhasov-sentence.ru.txt", "Ulysmedia.kz"),  # "передает …"
        (NEWS / "02-kazpravda-bektenov-exxonmobil.ru.txt", "Kazpravda.kz"),  # "со ссылкой"
        (NEWS / "08-tass-chevron-tengiz.ru.txt", "ТАСС"),  # dateline "/ТАСС/"
        (NEWS / "11-prime-rosatom-akdala.ru.txt", "ПРАЙМ"),  # dateline "- ПРАЙМ."
        (NEWS / "13-kt-heating-season.ru.txt", "KAZAKHSTAN TODAY"),  # "KAZAKHSTAN TODAY -"
    ],
)
def test_outlet_comes_from_the_lead_of_a_plain_text(path, outlet):
    assert read_document(path).meta.outlet == outlet


def test_a_date_or_a_press_office_is_no_outlet():
    # 07: "…, сообщает 26 сентября пресс-служба главы государства."
    assert read_document(NEWS / "07-rtvi-new-foreign-minister.ru.txt").meta.outlet is None
    assert outlet_in_lead(["Об этом сообщает пресс-служба Акорды."]) is None


def test_metadata_wins_over_the_lead(tmp_path):
    path = tmp_path / "a.txt"
    lead = "Глава государства принял акима Акмолинской области, сообщает Zakon.kz."
    path.write_text(f"Источник: Kazinform\n\n{lead}\n", encoding="utf-8")
    assert read_document(path).meta.outlet == "Kazinform"
