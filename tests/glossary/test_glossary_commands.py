"""`processor glossary` on folders, every problem of `check`, `list`, and `-g` errors (issue 8)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from processor.cli.common import EXIT_FAILED, EXIT_OK
from tests.support import data
from tests.support.glossary import run_glossary

SMALL = data.GLOSSARY_SMALL


run = run_glossary


def news_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    (folder / "day2").mkdir(parents=True)
    (folder / "a.txt").write_text("Токаеву доложили о паводках.\n", encoding="utf-8")
    (folder / "day2" / "b.md").write_text("Заседание в Акорде.\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("Самрук-Казына\n", encoding="utf-8")
    return folder


def test_find_reads_every_file_of_a_folder(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    result = run("find", str(folder), "--json", "--no-builtin", "-g", str(SMALL))
    assert result.exit_code == EXIT_OK, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(Path(r["file"]).name, r["id"]) for r in records] == [
        ("a.txt", "tokayev"),
        ("b.md", "akorda"),
    ]


def test_suggest_reads_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Политолог Эдуард Полетаев выступил на форуме в Астане.\n", encoding="utf-8"
    )
    result = run("suggest", str(folder), "--no-builtin", "-g", str(SMALL))
    assert result.exit_code == EXIT_OK, result.output
    assert "Эдуард Полетаев" in result.stdout


BAD = (
    "format: processor-glossary/1\nname: b\nentries:\n"
    "  - {id: x, type: term, ru: Х, en: X, kk: Х}\n"  # line 4: fine
    "  - {id: a, type: city, ru: А, en: A, kk: А}\n"  # line 5
    "  - {id: b, type: term, ru: Б, en: B}\n"  # line 6
    "  - {id: x, type: term, ru: В, en: V, kk: В}\n"  # line 7
    "  - {id: c, type: term, ru: Г, en: G, kk: Г, colour: red}\n"  # line 8
)


def test_check_lists_every_problem_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    result = run("check", str(bad), str(SMALL))
    assert result.exit_code == EXIT_FAILED
    assert result.stderr.splitlines() == [
        f"{bad}:5: unknown type 'city' (use person, organization, place, term, abbreviation)",
        f"{bad}:6: entry is missing 'kk'",
        f"{bad}:7: duplicate id 'x' (first on line 4)",
        f"{bad}:8: unknown entry key 'colour'",
        f"ok: {SMALL}: test-small, 13 entries",
    ]


@pytest.mark.parametrize("command", ["find", "suggest", "list"])
def test_missing_or_invalid_glossary_is_one_line_exit_1(tmp_path: Path, command: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Токаев.\n", encoding="utf-8")
    inputs = [] if command == "list" else [str(article)]
    for glossary, reason in (
        (tmp_path / "missing.yaml", "no such glossary file"),
        (tmp_path, "is a folder, not a glossary file"),
    ):
        result = run(command, *inputs, "-g", str(glossary))
        assert result.exit_code == EXIT_FAILED, result.output
        assert result.stderr == f"error: {glossary}: {reason}\n"
        assert result.stdout == ""


def test_list_shows_entries_in_effect_and_their_source(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "format: processor-glossary/1\nname: mine\nentries:\n"
        "  - {id: akorda-mine, type: organization, ru: Акорда, en: Ak Orda, kk: Ақорда}\n",
        encoding="utf-8",
    )
    result = run("list", "--no-builtin", "-g", str(SMALL), "-g", str(mine), "--json")
    assert result.exit_code == EXIT_OK, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    by_ru = {r["ru"]: r for r in records}
    assert by_ru["Акорда"]["en"] == "Ak Orda"
    assert by_ru["Акорда"]["source"] == f"{mine}:4"
    assert by_ru["Касым-Жомарт Токаев"]["source"] == f"{SMALL}:7"
    assert len(records) == 13  # Акорда counted once: the later file wins
    assert f"overridden: {SMALL}:" in result.stderr and "akorda by" in result.stderr


def test_check_finds_an_id_written_twice_in_another_case_or_beside_a_broken_entry(
    tmp_path: Path,
) -> None:
    """Issue 19.7: an id is a slug, ``Baiterek`` and ``baiterek`` are the same one; an
    entry with another problem still holds its id."""
    bad = tmp_path / "team.yaml"
    bad.write_text(
        "format: processor-glossary/1\n"
        "name: team\n"
        "entries:\n"
        "  - {id: baiterek, type: place, ru: Байтерек, en: Baiterek, kk: Бәйтерек}\n"  # line 4
        "  - {id: Baiterek, type: place, ru: Хан Шатыр, en: Khan Shatyr, kk: Хан Шатыр}\n"
        "  - {id: akorda, type: palace, ru: Акорда, en: Akorda, kk: Ақорда}\n"  # line 6
        "  - {id: akorda, type: place, ru: Акорда-2, en: Akorda 2, kk: Ақорда 2}\n",
        encoding="utf-8",
    )
    result = run("check", str(bad))
    assert result.exit_code == EXIT_FAILED
    assert result.stderr.splitlines() == [
        f"{bad}:5: duplicate id 'Baiterek' (first on line 4)",
        f"{bad}:6: unknown type 'palace' (use person, organization, place, term, abbreviation)",
        f"{bad}:7: duplicate id 'akorda' (first on line 6)",
    ]
