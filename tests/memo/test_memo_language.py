"""A Kazakh or Russian memo has no English word outside names and the source's own text."""

from __future__ import annotations

import re

import pytest

from processor.pipeline import BriefOptions, brief
from processor.summarize import ALGORITHMS
from tests.support.data import SEED
from tests.support.doubles import RecordingTranslator
from tests.support.memo import docx_text

# A translator that drops every protected term: terms get lost, so the memo has notices,
# retried sentences and problem rows to word in its language.
DOUBLE = "zeroterm"


def _dropping(source: str, target: str) -> RecordingTranslator:
    return RecordingTranslator(
        lambda s: re.sub(r"ZX\d+", "", s), source=source, target=target, name=DOUBLE
    )


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory):
    outdir = tmp_path_factory.mktemp("memo-language")
    options = BriefOptions(languages=("ru", "kk", "en"), formats=("docx", "json"))
    [result] = brief([SEED], outdir, options, translator_factory=_dropping)
    assert result.ok and not result.missing
    return outdir, {m.language: m for m in result.memos}


def _allowed(memo) -> set[str]:
    """Names: the source's words, the names table, glossary and file names, the summarizer,
    the translator double's name, language codes, the program's name."""
    source = SEED.read_text(encoding="utf-8")
    names = " ".join(f"{e.ru} {e.en} {e.kk}" for e in memo.entities)
    names += " " + " ".join(memo.glossaries) + " " + SEED.name + " " + DOUBLE
    words = re.findall(r"[A-Za-z]+", source + " " + names)
    # "English" heads the column of English names: each language column is named in itself.
    codes = {"ru", "en", "kk", "processor", "txt", "english"}
    return {w.lower() for w in words} | set(ALGORITHMS) | codes


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_english_word_outside_names_and_source(written, lang):
    outdir, memos = written
    memo = memos[lang]
    text = docx_text(outdir / f"zakon-tokayev-trump.{lang}.docx")
    english = {w for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in _allowed(memo)}
    assert english == set()


def test_the_kazakh_memo_has_its_checks_to_word(written):
    """The check above is not vacuous: notices and a route line are in the Kazakh memo."""
    outdir, memos = written
    kk = memos["kk"]
    assert kk.notices and all("аудармада берілмеді" in n for n in kk.notices)
    text = docx_text(outdir / "zakon-tokayev-trump.kk.docx")
    assert "сынақ аудармашысы zeroterm ru->kk" in text
    # One terminology block: the lost terms are its rows, no "Notices" list repeats them,
    # and a reason shared by every row is said once.
    assert "Терминология" in text and "Ескертулер" not in text
    assert text.count("қайта аударылды") <= 1
    en = docx_text(outdir / "zakon-tokayev-trump.en.docx")
    assert "Terminology" in en and "Notices" not in en and "Lost" in en
