"""Kazakh in the Latin script (kk-latn): the 2021 alphabet letter by letter, memos and
translated documents with no Cyrillic outside the source's own words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from processor.document_translation import TranslateOptions, translate_files
from processor.kazakh_latin import TABLE, to_latin
from processor.pipeline import BriefOptions, brief
from tests.support.data import SEED
from tests.support.doubles import RecordingTranslator
from tests.support.memo import docx_text
from tests.support.pipeline import run

# The 2021 alphabet (Government of Kazakhstan, 28 January 2021), Cyrillic -> Latin, with
# the published substitutions for the letters of Russian loans.  Written out here
# independently of the module's table, so a slip in either shows.
ALPHABET_2021 = [
    ("А", "A"), ("Ә", "Ä"), ("Б", "B"), ("В", "V"), ("Г", "G"), ("Ғ", "Ğ"), ("Д", "D"),
    ("Е", "E"), ("Ж", "J"), ("З", "Z"), ("И", "İ"), ("Й", "İ"), ("К", "K"), ("Қ", "Q"),
    ("Л", "L"), ("М", "M"), ("Н", "N"), ("Ң", "Ñ"), ("О", "O"), ("Ө", "Ö"), ("П", "P"),
    ("Р", "R"), ("С", "S"), ("Т", "T"), ("У", "U"), ("Ұ", "Ū"), ("Ү", "Ü"), ("Ф", "F"),
    ("Х", "H"), ("Һ", "H"), ("Ы", "Y"), ("І", "I"),
    ("а", "a"), ("ә", "ä"), ("б", "b"), ("в", "v"), ("г", "g"), ("ғ", "ğ"), ("д", "d"),
    ("е", "e"), ("ж", "j"), ("з", "z"), ("и", "i"), ("й", "i"), ("к", "k"), ("қ", "q"),
    ("л", "l"), ("м", "m"), ("н", "n"), ("ң", "ñ"), ("о", "o"), ("ө", "ö"), ("п", "p"),
    ("р", "r"), ("с", "s"), ("т", "t"), ("у", "u"), ("ұ", "ū"), ("ү", "ü"), ("ф", "f"),
    ("х", "h"), ("һ", "h"), ("ы", "y"), ("і", "ı"),
    # Letters of Russian loans.
    ("ё", "io"), ("ю", "iu"), ("я", "ia"), ("ц", "ts"), ("ч", "tş"), ("щ", "şş"),
    ("э", "e"), ("ъ", ""), ("ь", ""), ("ш", "ş"), ("Ш", "Ş"),
]  # fmt: skip

CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@pytest.mark.parametrize(("cyrillic", "latin"), ALPHABET_2021)
def test_each_letter(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic + "а") == latin + "a"


def test_the_table_covers_every_kazakh_cyrillic_letter() -> None:
    kazakh = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
    assert set(kazakh) | set(kazakh.lower()) <= set(TABLE)


@pytest.mark.parametrize(
    ("kazakh", "latin"),
    [
        ("Қасым-Жомарт Тоқаев", "Qasym-Jomart Toqaev"),
        ("Ақорда", "Aqorda"),
        ("Мәжіліс", "Mäjılıs"),
        ("Қазақстан Республикасының Үкіметі", "Qazaqstan Respublikasynyñ Ükımetı"),
        ("Шымкент, Өскемен, Ұлытау", "Şymkent, Öskemen, Ūlytau"),
        ("ҚР ІІМ", "QR IIM"),  # all capitals stay all capitals
        ("ИИДМ", "İİDM"),
        ("ЧТК", "TŞTK"),
        ("Air Astana-ның 2026 жылғы", "Air Astana-nyñ 2026 jylğy"),  # Latin and digits kept
    ],
)
def test_words(kazakh: str, latin: str) -> None:
    assert to_latin(kazakh) == latin


def _kazakh_double(source: str, target: str) -> RecordingTranslator:
    """A "Kazakh" model: a fixed Kazakh sentence that keeps the glossary's placeholders."""

    def translate(sentence: str) -> str:
        held = " ".join(re.findall(r"ZX\d+", sentence))
        return f"Мемлекет басшысы {held} мәлімдеді.".replace("  ", " ")

    return RecordingTranslator(translate, source=source, target=target, name="kazakh")


@pytest.fixture(scope="module")
def latin_memo(tmp_path_factory: pytest.TempPathFactory):
    outdir = tmp_path_factory.mktemp("kk-latn")
    options = BriefOptions(languages=("kk-latn", "kk"), formats=("docx", "json"))
    [result] = brief([SEED], outdir, options, translator_factory=_kazakh_double)
    assert result.ok and not result.missing, result.error
    return outdir, {m.language: m for m in result.memos}


def test_memo_in_latin_has_no_cyrillic_outside_the_source(latin_memo) -> None:
    outdir, memos = latin_memo
    memo = memos["kk-latn"]
    text = docx_text(outdir / "zakon-tokayev-trump.kk-latn.docx")
    # The source's own words may stay: the Russian names column, the Russian terms.
    source = SEED.read_text(encoding="utf-8")
    source = " ".join([source, *(e.ru for e in memo.entities), *(t.source for t in memo.terms)])
    allowed = set(re.findall(r"\w+", source.lower()))
    cyrillic = {w for w in re.findall(r"\w+", text) if CYRILLIC.search(w)}
    assert {w for w in cyrillic if w.lower() not in allowed} == set()
    # Not vacuous: the Kazakh memo of the same run is Cyrillic, and this one is Kazakh.
    kk = docx_text(outdir / "zakon-tokayev-trump.kk.docx")
    assert "Мемлекет басшысы" in kk and "Memleket basşysy" in text
    assert "Taldamalyq anyqtama" in text  # the memo type, a label
    assert "Qasym-Jomart Toqaev" in text  # the glossary's name, held and converted


def test_memo_in_latin_json_and_word_language(latin_memo) -> None:
    outdir, _ = latin_memo
    data = json.loads((outdir / "zakon-tokayev-trump.kk-latn.json").read_text(encoding="utf-8"))
    assert data["language"] == "kk-latn"
    points = " ".join(p["text"] for p in data["key_points"])
    assert points and not CYRILLIC.search(points)
    styles = (outdir / "zakon-tokayev-trump.kk-latn.docx").read_bytes()
    import zipfile

    with zipfile.ZipFile(outdir / "zakon-tokayev-trump.kk-latn.docx") as archive:
        assert b"kk-Latn-KZ" in archive.read("word/styles.xml")
    assert styles


def test_translated_document_in_latin(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text(
        "Президент Касым-Жомарт Токаев провел совещание в Акорде.\n\n"
        "Глава государства поручил правительству подготовить план.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    [result] = translate_files(
        [source], out, TranslateOptions(target="kk-latn", format="md"),
        translator_factory=_kazakh_double,
    )  # fmt: skip
    assert result.ok, result.error
    [written] = result.outputs
    assert written.name == "note.kk-latn.md"
    text = written.read_text(encoding="utf-8")
    assert "Memleket basşysy" in text and "Qasym-Jomart Toqaev" in text
    assert not CYRILLIC.search(text)


def test_cli_takes_kk_latn_and_refuses_other_scripts(tmp_path: Path) -> None:
    refused = run("brief", str(SEED), "-o", str(tmp_path), "--lang", "kk-cyrl")
    assert refused.exit_code == 2 and "kk-latn" in refused.stderr
    ok = run("brief", str(SEED), "-o", str(tmp_path), "--lang", "kk-latn,ru")
    # No Kazakh model is installed here: the Russian memo is written, kk-latn is missing.
    assert ok.exit_code == 3, ok.stderr
    assert "kk-latn" in ok.stderr
    assert (tmp_path / "zakon-tokayev-trump.ru.docx").exists()
