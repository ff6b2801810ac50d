"""`processor glossary` find / check / import / suggest on real files."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from processor.cli.common import EXIT_FAILED, EXIT_OK
from processor.glossary import read_glossary
from tests.support import data
from tests.support.glossary import run_glossary

SMALL = data.GLOSSARY_SMALL


run = run_glossary


def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(
        "Токаеву доложили о паводках в Туркестанской и Кызылординской областях.\n\n"
        "Политолог Эдуард Полетаев выступил в Мажилисе.\n",
        encoding="utf-8",
    )
    return path


def test_find_lists_matches_with_renderings(tmp_path: Path) -> None:
    path = article(tmp_path)
    result = run("find", str(path), "--no-builtin", "--glossary", str(SMALL))
    assert result.exit_code == EXIT_OK, result.output
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(cols[1], cols[2], cols[3], cols[4]) for cols in lines] == [
        ("tokayev", "Токаеву", "short", "Tokayev"),
        ("turkestan-region", "Туркестанской", "full", "Turkestan Region"),
        ("kyzylorda-region", "Кызылординской областях", "full", "Kyzylorda Region"),
        ("mazhilis", "Мажилисе", "full", "Mazhilis"),
    ]
    assert lines[0][0] == f"{path}:p0:0-7"

    result = run("find", str(path), "--json", "--no-builtin", "-g", str(SMALL))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    text = path.read_text(encoding="utf-8").split("\n\n")
    for r in records:
        assert text[r["paragraph"]][r["start"] : r["stop"]] == r["text"]
    assert records[-1]["kk"] == "Мәжіліс" and records[-1]["case"] == "loct"


def test_find_reports_missing_input_and_bad_glossary(tmp_path: Path) -> None:
    result = run("find", str(tmp_path / "nope.txt"), "--no-builtin", "-g", str(SMALL))
    assert result.exit_code == EXIT_FAILED
    assert "nope.txt: no such file" in result.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: processor-glossary/1\nname: b\nentries:\n  - id: x\n", "utf-8")
    result = run("find", str(article(tmp_path)), "-g", str(bad))
    assert result.exit_code == EXIT_FAILED
    assert f"{bad}:4: entry is missing 'type'" in result.stderr
    assert "Traceback" not in result.output


def test_check_prints_file_line_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "format: processor-glossary/1\nname: b\nentries:\n"
        "  - {id: a, type: city, ru: А, en: A, kk: А}\n",
        encoding="utf-8",
    )
    result = run("check", str(SMALL), str(bad))
    assert result.exit_code == EXIT_FAILED
    assert f"ok: {SMALL}: test-small, 13 entries" in result.stderr
    assert f"{bad}:4: unknown type 'city'" in result.stderr
    assert run("check", str(SMALL)).exit_code == EXIT_OK


def test_import_writes_a_loadable_glossary(tmp_path: Path) -> None:
    src = tmp_path / "pairs.csv"
    src.write_text("Акорда,Akorda\nМажилис,Mazhilis\n", encoding="utf-8")
    out = tmp_path / "out" / "mine.yaml"
    result = run("import", str(src), "--target", "en", "-o", str(out))
    assert result.exit_code == EXIT_OK, result.output
    name, entries = read_glossary(out)
    assert name == "mine"
    assert [(e.ru, e.en, e.kk) for e in entries] == [
        ("Акорда", "Akorda", "Акорда"),
        ("Мажилис", "Mazhilis", "Мажилис"),
    ]
    result = run("import", str(src), "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == EXIT_FAILED and "--target" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_suggest_writes_review_entries(tmp_path: Path) -> None:
    out = tmp_path / "suggested.yaml"
    result = run(
        "suggest", str(article(tmp_path)), "--no-builtin", "-g", str(SMALL), "-o", str(out)
    )
    assert result.exit_code == EXIT_OK, result.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    people = [e for e in data["entries"] if e["type"] == "person"]
    assert {"ru": "Эдуард Полетаев", "en": "Eduard Poletayev", "kk": "Эдуард Полетаев"}.items() <= (
        people[0].items()
    )
    _, entries = read_glossary(out)  # valid glossary format
    assert all("Токаев" not in e.ru for e in entries)
