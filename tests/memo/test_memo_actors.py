"""The names table: the actors of the article, aliases merged, at most 12 rows."""

from __future__ import annotations

import docx

from processor.memo.inputs import entity_rows
from processor.pipeline import BriefOptions, brief, prepare
from tests.support.data import NEWS, SEED

_ALIASES = ({"США", "Америка", "Соединенные Штаты Америки"}, {"Казахстан", "РК"})


def _names_table(path) -> list[list[str]]:
    document = docx.Document(path)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Русский")
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def test_seed_names_table_is_the_actors_with_aliases_merged(tmp_path):
    [result] = brief([SEED], tmp_path, BriefOptions(languages=("ru",), formats=("docx",)))
    assert result.ok, result.error
    path = tmp_path / "zakon-tokayev-trump.ru.docx"
    rows = _names_table(path)
    names = [row[0] for row in rows]
    # The old table had 34 rows, "ВВП" among them, США/Америка/США as three rows.
    assert len(rows) <= 12
    assert "ВВП" not in names and "Zakon.kz" not in names
    for aliases in _ALIASES:
        assert len(aliases & set(names)) == 1, (aliases, names)
    assert {"Касым-Жомарт Токаев", "Дональд Трамп", "Эдуард Полетаев"} <= set(names)
    # The interviewee is named once, but he speaks: before a region named five times.
    assert names.index("Эдуард Полетаев") < names.index("Центральная Азия")
    assert {row[3] for row in rows} <= {"персона", "организация", "место"}  # kind only
    text = "\n".join(p.text for p in docx.Document(path).paragraphs)
    assert "Ещё в тексте" in text  # the rest counted, not dropped silently


def test_a_kazakh_cell_that_only_repeats_russian_is_marked():
    ready = prepare(NEWS / "14-time-akims-reshuffle.ru.txt", BriefOptions())
    rows = entity_rows(ready)
    outside = [r for r in rows if not r.in_glossary]
    assert outside, "the article names people outside the glossary"
    from processor.memo import build_memo
    from processor.memo.sections import Table, sections

    memo = build_memo(ready.doc, ready.selection, language="ru", entities=rows)
    section = next(s for s in sections(memo) if s.key == "entities")
    table = next(b for b in section.blocks if isinstance(b, Table))
    for ru, en, kk, _ in table.rows:
        if kk.rstrip(" *") == ru and ru in {r.ru for r in outside}:
            assert kk.endswith(" *") and en.endswith(" *")
    notes = [b.text for b in section.blocks if not isinstance(b, Table)]
    assert any(n.startswith("* нет в глоссарии") for n in notes)
