"""The subject line of an article saved without its headline, and the source it names."""

from __future__ import annotations

from processor.memo import build_memo, derive_title
from processor.memo.subject import subject_line
from processor.preparation import BriefOptions, prepare
from tests.support.data import HEADLESS, NEWS, SEED

OKHASOV = HEADLESS / "ulysmedia-okhasov-sentence.ru.txt"


def test_a_headless_lead_is_never_cut_inside_a_phrase():
    subject = derive_title(prepare(OKHASOV, BriefOptions()).doc)
    # Cutting at a character count gave "…по статье «Участие в" (inside the quotation);
    # "к одному году" without "ограничения свободы" would read as a prison term.
    assert subject == (
        "Городской суд Уральска приговорил 46-летнего Орынбая Охасова "
        "к одному году ограничения свободы…"
    )
    assert len(subject) <= 120  # two title lines


def test_a_long_translated_subject_keeps_whole_clauses_and_says_it_was_cut():
    text = (
        "Kassym-Jomart Tokayev stressed the complexity of settling the Ukrainian conflict, "
        "where the territorial question dominates and requires compromises from both sides"
    )
    assert subject_line(text) == (
        "Kassym-Jomart Tokayev stressed the complexity of settling the Ukrainian conflict…"
    )


def test_the_source_is_the_outlet_the_lead_names_not_the_file():
    for path, outlet in ((SEED, "Zakon.kz"), (OKHASOV, "Ulysmedia.kz")):
        ready = prepare(path, BriefOptions())
        memo = build_memo(ready.doc, ready.selection, language="ru")
        assert memo.header_rows()[0] == ("Источник", outlet)
        assert path.name not in dict(memo.header_rows()).values()


def test_a_translated_memo_shows_the_original_headline():
    ready = prepare(SEED, BriefOptions())
    ids = ready.selection.sentence_ids()
    memo = build_memo(
        ready.doc,
        ready.selection,
        language="en",
        translations=dict.fromkeys(ids, "x"),
        title="Tokayev stressed how hard the Ukrainian settlement is",
    )
    rows = dict(memo.header_rows())
    assert rows["Original headline"] == derive_title(ready.doc)
    assert rows["Source"] == "Zakon.kz"
    source_memo = build_memo(ready.doc, ready.selection, language="ru")
    assert "Заголовок оригинала" not in dict(source_memo.header_rows())


def test_an_article_that_names_no_outlet_says_so_instead_of_its_file_name():
    path = NEWS / "07-rtvi-new-foreign-minister.ru.txt"  # "сообщает … пресс-служба"
    ready = prepare(path, BriefOptions())
    memo = build_memo(ready.doc, ready.selection, language="ru")
    assert dict(memo.header_rows())["Источник"] == "не указан в тексте"
    assert path.name in dict(memo.method_rows())["Файл"]
