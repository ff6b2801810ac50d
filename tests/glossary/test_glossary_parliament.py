"""Deputies and senators from their official profiles (issue 17): generated from
tools/data/kz-parliament.tsv by tools/build_parliament_glossary.py."""

from __future__ import annotations

import subprocess
import sys

import pytest

from processor.glossary import Glossary, load_glossaries
from tests.support.data import REPO


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossaries()


def _found(glossary: Glossary, text: str) -> list[tuple[str, str, str, str | None]]:
    return [
        (m.text, m.entry.en, m.entry.kk, m.case)
        for m in glossary.find(text)
        if m.entry.glossary == "kazakhstan-parliament"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Депутат Мажилиса Ерлан Саиров направил запрос.",
         [("Ерлан Саиров", "Yerlan Sairov", "Ерлан Саиров", "nomn")]),
        ("Вопрос задал Арману Калыкову журналист.",
         [("Арману Калыкову", "Arman Kalykov", "Арман Қалықов", "datv")]),
        # the surname alone, later in the text, renders short
        ("Запрос подписал Олжас Куспеков. Куспеков добавил, что", [
            ("Олжас Куспеков", "Olzhas Kuspekov", "Олжас Құспеков", "nomn"),
            ("Куспеков", "Olzhas Kuspekov", "Олжас Құспеков", "nomn"),
        ]),
        # a spelling variant of the same deputy
        ("Айдарбек Кожаназаров выступил.",
         [("Айдарбек Кожаназаров", "Aidarbek Khodzhanazarov", "Айдарбек Қожаназаров", "nomn")]),
        ("С сенатором Ольгой Перепечиной встретились.",
         [("Ольгой Перепечиной", "Olga Perepechina", "Ольга Перепечина", "ablt")]),
    ],
)  # fmt: skip
def test_deputies_and_senators_in_every_case(
    glossary: Glossary, text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert _found(glossary, text) == expected


def test_a_common_surname_alone_is_no_deputy(glossary: Glossary) -> None:
    # Смирнова, Пономарев, Наумова: full name only, the surname alone would mislead.
    assert _found(glossary, "Смирнова и Пономарев пришли, Наумова нет.") == []
    assert _found(glossary, "Ирина Смирнова пришла.")[0][1] == "Irina Smirnova"


def test_every_entry_names_its_official_profile_and_check_date(glossary: Glossary) -> None:
    mine = [e for e in glossary.entries if e.glossary == "kazakhstan-parliament"]
    assert len(mine) >= 40
    for e in mine:
        assert e.note and "checked 2026-12-07" in e.note
        assert "parlam.kz/" in e.note or "wikipedia.org/wiki/8th_Parliament" in e.note, e.id


def test_generated_parliament_glossary_matches_its_table() -> None:
    script = REPO / "tools" / "build_parliament_glossary.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
