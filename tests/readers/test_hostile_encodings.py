"""Issue 21, item 12: a cut final character, UTF-16 without a BOM, a lying or odd
``<meta charset>``, and text that is no language at all.  Cases from fuzz/cases.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from fuzz import cases
from processor.errors import InputError
from processor.readers import read_document

LEAD = "Касым-Жомарт Токаев подчеркнул"


def _read(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path).text


def test_a_cut_final_character_keeps_the_article(tmp_path: Path) -> None:
    data = cases.cut_utf8(6000)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the case is what `head -c 6000` gives
    text = _read(tmp_path, "cut.txt", data)
    assert text.startswith(LEAD) and "\ufffd" not in text


@pytest.mark.parametrize("little", [True, False])
def test_utf16_without_a_bom(tmp_path: Path, little: bool) -> None:
    text = _read(tmp_path, "u16.txt", cases.utf16_without_bom(little))
    assert text.startswith(LEAD)


@pytest.mark.parametrize(
    ("declared", "really"),
    [
        ("koi8-r", "utf-8"),  # a lying meta: was a mojibake memo with exit 0
        ("utf-16", "utf-8"),  # an ASCII-readable meta cannot be UTF-16
        ("utf-16", "cp1251"),
        ("utf-16", "utf-16-le"),
        ("windows-1251", "cp1251"),
    ],
)
def test_declared_charsets(tmp_path: Path, declared: str, really: str) -> None:
    page = cases.html_declared(declared, really, cases.without_capital_i())
    text = _read(tmp_path, "page.html", page)
    assert "поэтому для первых шагов нашей внешней политики" in text


def test_punctuation_is_no_language(tmp_path: Path) -> None:
    path = tmp_path / "punct.txt"
    path.write_bytes(cases.punctuation(160_000))
    with pytest.raises(InputError, match="holds no text in any language"):
        read_document(path, source_lang="ru")  # even when the language is trusted
