"""Key figures: one source figure a row, what it measures, its sentence once."""

from __future__ import annotations

import json
import re

import docx
import pytest

from processor.memo import build_memo
from processor.memo.figures import localize, stated
from processor.memo.sections import Table, sections
from processor.pipeline import BriefOptions, Prepared, brief, prepare
from processor.summarize.figures import figures_of
from tests.support.data import SEED

_NUMBER = re.compile(r"\d+(?:[ ,.]\d+)*")


@pytest.fixture(scope="module")
def seed() -> Prepared:
    return prepare(SEED, BriefOptions())


def _figure_table(memo) -> Table:
    section = next(s for s in sections(memo) if s.key == "key_figures")
    return next(b for b in section.blocks if isinstance(b, Table))


def test_seed_memo_has_one_figure_per_row_with_its_own_label(seed):
    memo = build_memo(seed.doc, seed.selection, language="ru")
    table = _figure_table(memo)
    assert table.header == ("Цифра", "Что", "Контекст")
    rows = {figure: (what, context) for figure, what, context in table.rows}
    # The old table put "40 лет / 55 млрд / 100 млрд" in one row, all labelled
    # "заключенный в апреле 1993 года", beside a three-sentence passage.
    for figure, (what, context) in rows.items():
        assert len(_NUMBER.findall(figure)) == 1, figure
        assert what and not _NUMBER.search(what), (figure, what)  # no borrowed figure
        assert figure in context
        assert context in {s.text for s in seed.doc.sentences()}  # one sentence, once
    assert rows["40 лет"][0] == "контракт с компанией Chevron"
    assert rows["100 миллиардов долларов"][0] == "объем американских инвестиций в Казахстан"
    assert rows["80%"][0] == "Инвестиции в наш регион"
    assert rows["17 миллиардов долларов"][0] == "коммерческие соглашения"
    assert rows["4,2 миллиарда долларов"][0] == "Товарооборот Казахстана с США"  # "Он составил"
    assert rows["450 миллиардов долларов"][0] == "удвоение ВВП"
    assert "2029" not in rows and "16" not in " ".join(rows)  # dates are not figures


def test_what_is_the_figures_own_noun_in_the_nominative():
    [figure] = figures_of("p0.s0", "Казахстан привлек 55 млрд долларов инвестиций.")
    assert (figure.text, figure.what) == ("55 млрд долларов", "инвестиции")


def test_a_number_written_with_words_of_scale_is_one_figure():
    """24news-24.ru (tests/data/digest/17): the digest showed "7 млн", "062 тыс." and
    "358 человек" as three key figures."""
    text = (
        "По состоянию на 16 часов 6 октября 2024 года, избирательные бюллетени получили "
        "7 млн 062 тыс. 358 человека или 57,68 % от общего количества избирателей."
    )
    shown = [f.text for f in figures_of("p0.s0", text)]
    assert "7 млн 062 тыс. 358" in shown
    assert not [t for t in shown if t.startswith(("062", "358"))]


def test_a_translation_that_mangles_a_number_is_flagged_and_the_figure_kept(seed):
    by_id = {s.id: s.text for s in seed.doc.sentences()}
    translations = {sid: by_id[sid] for sid in seed.selection.sentence_ids()}
    [sid] = [k for k, v in translations.items() if "55 миллиардов" in v]
    translations[sid] = "Chevron has invested 000000 billion dollars in Kazakhstan."
    memo = build_memo(seed.doc, seed.selection, language="en", translations=translations)
    row = next(r for r in memo.figure_rows if "55" in r.figure)
    assert row.figure == "55 billion dollars" and row.lost  # from the source, flagged
    assert not next(r for r in memo.figure_rows if "100" in r.figure).lost
    section = next(s for s in sections(memo) if s.key == "key_figures")
    assert "55 billion dollars †" in {r[0] for r in _figure_table(memo).rows}
    assert section.blocks[-1].text.startswith("†")  # the mark explained once


def test_figure_numbers_compare_across_languages():
    assert stated("4,2 миллиарда долларов", "It was 4.2 billion dollars last year.")
    assert stated("2 000 тонн", "2,000 tonnes")
    assert not stated("55 миллиардов долларов", "000000 billion")
    assert localize("4,2 миллиарда долларов", "en") == "4.2 billion dollars"
    assert localize("40 лет", "kk") == "40 жыл"


def test_translated_memo_reads_figures_from_the_source(
    tmp_path, tiny_ru_en, tiny_settings, no_network
):
    options = BriefOptions(
        languages=("en",), formats=("docx", "json"), use_glossary=False, translation=tiny_settings
    )
    [result] = brief([SEED], tmp_path, options)
    assert result.ok, result.error
    memo = json.loads((tmp_path / "zakon-tokayev-trump.en.json").read_text(encoding="utf-8"))
    figures = [row["figure"] for row in memo["figure_rows"]]
    assert "55 billion dollars" in figures and "80%" in figures
    document = docx.Document(tmp_path / "zakon-tokayev-trump.en.docx")
    header = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["Figure", "What", "Context"] in header
    # Random weights lose numbers: every such row says so instead of showing "000000".
    for row in memo["figure_rows"]:
        assert row["lost"] == (not stated_any(row["figure"], row["context"]))


def stated_any(figure: str, context: str) -> bool:
    return stated(figure.replace(".", ","), context) or stated(figure, context)


def test_figure_dense_sentences_give_no_borrowed_labels_and_no_periods():
    from processor.summarize.figures import key_figures
    from tests.support.data import DATA

    doc = prepare(DATA / "figures" / "zakon-astana-grp.ru.txt", BriefOptions()).doc
    figures = key_figures([(s.id, s.text) for s in doc.sentences()])
    found = {f.text: f.what for f in figures}
    # "за 11 месяцев" is the period the figures cover; before, it was a figure of its own
    # and "за 11 месяцев 2025 года превышает" was the label of "10,8 трлн тенге".
    assert "11 месяцев" not in found
    assert all(not re.search(r"\d", what) for what in found.values()), found
    assert found["2,8 трлн тенге"] == "Объем выпуска обрабатывающей промышленности"
    assert found["5 млн квадратных метров"] == "Объем строительства жилья"
    assert {"10,8 трлн тенге", "22,5 млрд долларов", "4,3 трлн тенге", "118,6%"} <= set(found)
