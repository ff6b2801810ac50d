"""The memo's names table as a reader expects it (issue 9 item 4), end to end through brief."""

from __future__ import annotations

import json
from pathlib import Path

from processor.pipeline import BriefOptions, brief

ARTICLE = """Студенты из Южной Азии приехали учиться в Алматы

Делегация студентов из Южной Азии прибыла в Алматы для учёбы в Техническом университете. \
Встречу провёл министр науки Саясат Нурбек.

Активистка Алия Жакупова рассказала журналистам о проекте. По словам Алии Жакуповой, \
программа рассчитана на три года и охватит пятьсот студентов.

Президент отметил важность сотрудничества. На встрече с Дауреном Абаевым обсуждались \
вопросы информационной политики.
"""


def test_names_in_the_nominative_translated_and_never_the_wrong_person(tmp_path: Path) -> None:
    source = tmp_path / "students.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    (result,) = brief(
        [source], tmp_path / "out", BriefOptions(languages=("ru",), formats=("json",))
    )
    assert result.ok, result.error
    memo = json.loads(result.outputs[0].read_text(encoding="utf-8"))
    rows = {row["ru"]: row for row in memo["entities"]}
    # Nominative, one row per entity, whatever case the text used.
    assert {"Алия Жакупова", "Даурен Абаев", "Южная Азия"} <= rows.keys()
    assert not any(ru.startswith(("Алии", "Дауреном", "Южной")) for ru in rows)
    # Common-noun names translated, not romanized.
    assert rows["Технический университет"]["en"] == "Technical University"
    assert rows["Южная Азия"]["en"] == "South Asia"
    # The activist is not minister Svetlana Zhakupova; a title alone is not a name.
    assert rows["Алия Жакупова"]["en"] == "Aliya Zhakupova"
    assert not any("Svetlana" in row["en"] for row in memo["entities"])
    assert "Президент" not in rows
