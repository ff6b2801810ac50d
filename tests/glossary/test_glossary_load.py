"""Loading, validation (file:line: reason), precedence and imports of glossaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from processor.errors import GlossaryError
from processor.glossary import load_glossaries, read_glossary, validate_glossary
from processor.glossary.dump import dump_glossary
from processor.glossary.imports import import_file
from processor.glossary.load import builtin_paths, parse_glossary
from tests.support import data

SMALL = data.GLOSSARY_SMALL
HEAD = "format: processor-glossary/1\nname: {name}\nsource: ru\ntargets: [en, kk]\nentries:\n"


def write(tmp_path: Path, body: str, name: str = "user", file: str = "g.yaml") -> Path:
    path = tmp_path / file
    path.write_text(HEAD.format(name=name) + body, encoding="utf-8")
    return path


ENTRY = """  - id: {id}
    type: {type}
    ru: {ru}
    en: {en}
    kk: {kk}
"""


def entry(id="akorda", type="organization", ru="Акорда", en="Akorda", kk="Ақорда") -> str:
    return ENTRY.format(id=id, type=type, ru=ru, en=en, kk=kk)


def test_small_glossary_loads_with_every_field() -> None:
    name, entries = read_glossary(SMALL)
    assert name == "test-small"
    tokayev = entries[0]
    assert tokayev.short == {"ru": "Токаев", "en": "Tokayev", "kk": "Тоқаев"}
    assert tokayev.aliases["ru"] == ("К.-Ж. Токаев",)
    assert tokayev.wrong["en"] == ("Kasym-Zhomart Tokaev", "Tokaev")
    assert tokayev.line == 7 and tokayev.path == str(SMALL)


@pytest.mark.parametrize(
    ("body", "line", "reason"),
    [
        (entry() + "  - id: x\n    type: person\n    ru: Х\n    en: X\n", 11, "missing 'kk'"),
        (entry(type="city"), 7, "unknown type 'city'"),
        (entry() + entry(id="akorda2", en="Aqorda"), 11, "different renderings"),
        (entry() + entry(ru="Астана", en="Astana", kk="Астана"), 11, "duplicate id 'akorda'"),
        (entry() + "  - id: [broken\n", 12, "bad YAML"),
        (entry() + "    colour: red\n", 11, "unknown entry key 'colour'"),
        (entry() + "    short: Tokayev\n", 11, "short must be a mapping"),
    ],
)
def test_validation_errors_name_file_and_line(
    tmp_path: Path, body: str, line: int, reason: str
) -> None:
    path = write(tmp_path, body)
    with pytest.raises(GlossaryError) as err:
        read_glossary(path)
    assert err.value.line == line
    assert reason in str(err.value)
    assert str(err.value).startswith(f"{path}:{line}: ")
    [problem] = validate_glossary(path)
    assert problem.line == line


def test_same_entry_twice_with_same_renderings_is_accepted(tmp_path: Path) -> None:
    _, entries = read_glossary(write(tmp_path, entry() + entry(id="akorda-again")))
    assert [e.id for e in entries] == ["akorda"]


def test_wrong_format_and_encoding(tmp_path: Path) -> None:
    bad_format = tmp_path / "f.yaml"
    bad_format.write_text("format: deepl/2\nname: x\nentries: []\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="unsupported format 'deepl/2'") as err:
        read_glossary(bad_format)
    assert err.value.line == 1
    cp1251 = tmp_path / "cp1251.yaml"
    cp1251.write_bytes((HEAD.format(name="x") + entry()).encode("cp1251", errors="replace"))
    with pytest.raises(GlossaryError, match="not UTF-8") as err:
        read_glossary(cp1251)
    assert err.value.line == 8  # the first line with Cyrillic (ru: Акорда)
    with pytest.raises(GlossaryError, match="no such glossary file"):
        read_glossary(tmp_path / "absent.yaml")


def test_precedence_later_user_files_override_earlier_and_builtins(tmp_path: Path) -> None:
    first = write(tmp_path, entry(en="Akorda (first)"), name="first", file="a.yaml")
    second = write(tmp_path, entry(en="Ak Orda", id="ak"), name="second", file="b.yaml")
    g = load_glossaries([SMALL, first, second], builtin=False)
    akorda = [e for e in g.entries if e.ru == "Акорда"]
    assert [(e.en, e.glossary) for e in akorda] == [("Ak Orda", "second")]
    assert [(old.glossary, new.glossary) for old, new in g.overridden] == [
        ("test-small", "first"),
        ("first", "second"),
    ]
    # identity is the Russian form case-folded: "АКОРДА" is the same entry
    upper = write(tmp_path, entry(ru="АКОРДА", en="AKORDA"), name="upper", file="c.yaml")
    g = load_glossaries([SMALL, upper], builtin=False)
    assert [e.en for e in g.entries if e.key == "акорда"] == ["AKORDA"]
    assert g.find("в АКОРДА")[0].entry.en == "AKORDA"  # all caps: matched as written


def test_builtin_glossaries_load_by_default_and_user_files_win(tmp_path: Path) -> None:
    if not builtin_paths():
        pytest.skip("glossaries/kazakhstan.yaml not written yet")
    g = load_glossaries()
    assert g.paths == [str(p) for p in builtin_paths()]
    mine = write(tmp_path, entry(id="kz", type="place", ru="Казахстан", en="Qazaqstan",
                                 kk="Қазақстан"))  # fmt: skip
    g2 = load_glossaries([mine])
    assert g2.find("в Казахстане")[0].entry.en == "Qazaqstan"
    assert len(g2) == len(g)


def test_malformed_user_file_raises_or_is_skipped_with_on_error(tmp_path: Path) -> None:
    bad = write(tmp_path, entry(type="city"))
    with pytest.raises(GlossaryError):
        load_glossaries([SMALL, bad], builtin=False)
    seen: list[GlossaryError] = []
    g = load_glossaries([SMALL, bad], builtin=False, on_error=seen.append)
    assert len(seen) == 1 and seen[0].line == 7
    assert g.names == ["test-small"] and g.find("Акорда")
    assert g.warnings == [str(seen[0])]


def test_dump_round_trips(tmp_path: Path) -> None:
    _, entries = read_glossary(SMALL)
    text = dump_glossary(entries, name="copy")
    name, again = parse_glossary(text, "copy.yaml")
    assert name == "copy"
    assert [(e.id, e.ru, e.en, e.kk, e.short, e.aliases, e.wrong) for e in again] == [
        (e.id, e.ru, e.en, e.kk, e.short, e.aliases, e.wrong) for e in entries
    ]


# --- imports -------------------------------------------------------------------------


def test_import_two_column_csv_and_tsv(tmp_path: Path) -> None:
    csv_file = tmp_path / "deepl.csv"
    csv_file.write_text("Акорда,Akorda\nМажилис,Mazhilis\n", encoding="utf-8")
    entries = import_file(csv_file, target="en")
    assert [(e.ru, e.en, e.kk) for e in entries] == [
        ("Акорда", "Akorda", "Акорда"),
        ("Мажилис", "Mazhilis", "Мажилис"),
    ]
    assert "kk copied from ru" in (entries[0].note or "")
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("source\ttarget\nАкорда\tАқорда\nЭдуард Полетаев\tЭдуард Полетаев\n", "utf-8")
    entries = import_file(tsv, target="kk")
    assert [(e.id, e.ru, e.en, e.kk) for e in entries] == [
        ("akorda", "Акорда", "Akorda", "Ақорда"),
        ("eduard-poletayev", "Эдуард Полетаев", "Eduard Poletayev", "Эдуард Полетаев"),
    ]
    with pytest.raises(GlossaryError, match="--target"):
        import_file(csv_file)


def test_import_three_language_csv_with_header(tmp_path: Path) -> None:
    f = tmp_path / "terms.csv"
    f.write_text("ru,en,kk,type\nАкорда,Akorda,Ақорда,organization\nМажилис,Mazhilis,Мәжіліс,\n",
                 encoding="utf-8")  # fmt: skip
    entries = import_file(f)
    assert [(e.ru, e.en, e.kk, e.type, e.note) for e in entries] == [
        ("Акорда", "Akorda", "Ақорда", "organization", None),
        ("Мажилис", "Mazhilis", "Мәжіліс", "term", None),
    ]
    f.write_text("ru,en,kk,type\nАкорда,Akorda,Ақорда,city\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="unknown type 'city'") as err:
        import_file(f)
    assert err.value.line == 2


def test_import_tbx(tmp_path: Path) -> None:
    f = tmp_path / "terms.tbx"
    f.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="t1">
    <langSet xml:lang="ru"><tig><term>Мажилис</term></tig></langSet>
    <langSet xml:lang="en-US"><tig><term>Mazhilis</term></tig></langSet>
    <langSet xml:lang="kk"><ntig><termGrp><term>Мәжіліс</term></termGrp></ntig></langSet>
  </termEntry>
  <termEntry id="t2">
    <langSet xml:lang="en"><tig><term>No Russian here</term></tig></langSet>
  </termEntry>
</body></text></martif>
""",
        encoding="utf-8",
    )
    [e] = import_file(f)
    assert (e.ru, e.en, e.kk) == ("Мажилис", "Mazhilis", "Мәжіліс")
    f.write_text("<martif><termEntry>", encoding="utf-8")
    with pytest.raises(GlossaryError, match="bad TBX"):
        import_file(f)


def test_tables_and_tbx_load_as_glossaries(tmp_path):
    from processor.errors import GlossaryError
    from processor.glossary import load_glossaries

    table = tmp_path / "city.csv"
    table.write_text(
        "ru,en,kk,type\nАкимат Алматы,Almaty Akimat,Алматы әкімдігі,organization\n",
        encoding="utf-8",
    )
    glossary = load_glossaries([table], builtin=False)
    [match] = glossary.find("Акимат Алматы сообщил о мерах.")
    assert match.entry.rendering("kk") == "Алматы әкімдігі"
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("Акимат Алматы,Almaty Akimat\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"processor glossary import pairs\.csv --target"):
        load_glossaries([pairs], builtin=False)
