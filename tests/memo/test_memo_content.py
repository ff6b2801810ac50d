"""What a memo says: subject, bottom line, figures, term checks, wording in its language."""

from __future__ import annotations

import pytest

from processor.memo import TermCheck, build_memo, derive_title
from processor.memo.labels import counted, label, localize_route, note_text
from processor.memo.sections import Table, sections
from processor.model import Document, Paragraph, SourceMeta
from processor.pipeline import BriefOptions, Prepared, prepare
from tests.support.data import SEED


@pytest.fixture(scope="module")
def seed() -> Prepared:
    return prepare(SEED, BriefOptions())


def _doc(*paragraphs: str, title: str | None = None) -> Document:
    paras = [Paragraph(i, text) for i, text in enumerate(paragraphs)]
    return Document(paras, SourceMeta(path="a.txt", format="txt"), title=title).segment()


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "1 слово"), (4, "4 слова"), (73, "73 слова"), (2016, "2016 слов"), (21, "21 слово")],
)
def test_russian_numbers_agree(number, expected):
    assert counted(number, "word", "ru") == expected


def test_sentences_agree_in_every_language():
    assert counted(4, "sentence", "ru") == "4 предложения"
    assert counted(130, "sentence", "ru") == "130 предложений"
    assert counted(1, "sentence", "en") == "1 sentence"
    assert counted(4, "sentence", "en") == "4 sentences"
    assert counted(4, "sentence", "kk") == "4 сөйлем"


def test_method_note_says_length_with_agreement(seed):
    memo = build_memo(seed.doc, seed.selection, language="ru")
    length = dict(memo.method_rows())["Объём оригинала"]
    assert length == "2016 слов, 130 предложений"
    short = _doc("Президент подписал указ о новых мерах поддержки бизнеса в регионах страны.")
    from processor.summarize import select

    memo = build_memo(short, select(short, sentences=1), language="ru")
    assert dict(memo.method_rows())["Объём оригинала"] == "11 слов, 1 предложение"


def test_kazakh_labels_follow_official_usage():
    assert label("entities", "kk") == "Тұлғалар, ұйымдар және жер атаулары"
    assert label("place", "kk") == "жер атауы"
    assert label("key_figures", "kk") == "Негізгі көрсеткіштер"
    assert label("bottom_line", "kk") == "Басты түйін"
    assert label("bottom_line", "ru") == "Главное"
    every_kk = " ".join(texts.get("kk", "") for texts in _all_labels().values())
    assert "қ/ж" not in every_kk and "орындар" not in every_kk and "Негізгі сандар" not in every_kk


def _all_labels() -> dict[str, dict[str, str]]:
    from processor.memo import labels

    return labels._LABELS


def test_subject_is_the_lead_shortened_at_a_phrase_boundary(seed):
    subject = derive_title(seed.doc)
    # The relative clause ", где территориальный вопрос …" is dropped whole, and said so.
    assert (
        subject == "Касым-Жомарт Токаев подчеркнул сложность урегулирования украинского конфликта…"
    )
    assert len(subject) <= 120
    memo = build_memo(seed.doc, seed.selection, language="ru")
    assert memo.key_points[0].text != memo.title


def test_subject_is_the_headline_when_there_is_one():
    doc = _doc(
        "Глава государства провел встречу с министром энергетики в Акорде сегодня утром.",
        title="Токаев принял министра энергетики",
    )
    assert derive_title(doc) == "Токаев принял министра энергетики"


def test_bottom_line_leads_with_the_lead_and_is_not_repeated(seed):
    memo = build_memo(seed.doc, seed.selection, language="ru")
    assert memo.bottom_line[0].sentence_ids[0] == "p0.s0"
    sentences = sum(len(item.sentence_ids) for item in memo.bottom_line)
    assert 2 <= sentences <= 3
    listed = next(s for s in sections(memo) if s.key == "key_points")
    shown = {b.text for b in listed.blocks if hasattr(b, "style")}
    assert not shown & {item.text for item in memo.bottom_line}
    assert len(shown) + len(memo.bottom_line) == len(memo.key_points)


def _checks() -> list[TermCheck]:
    return [
        TermCheck("Тоқаев", "Токаев", 10, False, translated=3, missing=1,
                  notes=("placeholder lost, translated again",)),
        TermCheck("Астана", "Астана", 2, True, translated=2),
        TermCheck("АҚШ", "США", 5, True, translated=4),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "notice", "count_line", "reason"),
    [
        (
            "kk",
            "Токаев → Тоқаев: аудармада берілмеді (3 сөйлемнің 1)",
            "Тағы 2 термин глоссарий талап еткендей аударылды.",
            "терминді қорғаусыз қайта аударылды",
        ),
        (
            "en",
            "Токаев → Тоқаев: lost in 1 of 3 translated sentences",
            "Another 2 terms came through the translation as the glossary asks.",
            "translated again without protection",
        ),
    ],
)
def test_term_checks_worded_in_the_memo_language(seed, lang, notice, count_line, reason):
    ids = seed.selection.sentence_ids()
    memo = build_memo(
        seed.doc,
        seed.selection,
        language=lang,
        translations={sid: "x" for sid in ids},
        terms=_checks(),
    )
    assert memo.notices == [notice]  # kept for the JSON memo
    # The problem is a row of the terminology table; no notice says it a second time.
    assert not any(s.key == "notices" for s in sections(memo))
    terminology = next(s for s in sections(memo) if s.key == "terminology")
    [table, line] = terminology.blocks
    assert isinstance(table, Table) and len(table.rows) == 1  # only the problem in full
    assert table.rows[0][0] == "Токаев" and table.rows[0][-1] == reason
    assert table.rows[0][3] == "1 / 3"
    assert line.text == count_line


def test_russian_count_line_agrees(seed):
    ids = seed.selection.sentence_ids()
    checks = [TermCheck("США", "США", 5, True, translated=4)] * 4
    memo = build_memo(
        seed.doc, seed.selection, language="ru", translations=dict.fromkeys(ids, "x"), terms=checks
    )
    [line] = next(s for s in sections(memo) if s.key == "terminology").blocks
    assert line.text == "Переданы так, как требует глоссарий: 4 термина."


def test_a_wrong_term_without_counts_still_gets_its_notice(seed):
    ids = seed.selection.sentence_ids()
    memo = build_memo(
        seed.doc,
        seed.selection,
        language="kk",
        translations=dict.fromkeys(ids, "x"),
        terms=[TermCheck("Тоқаев", "Токаев", 3, False)],
    )
    assert memo.notices == ["Токаев → Тоқаев: глоссарий талап еткендей берілмеді"]


def test_russian_memo_has_no_terminology_check(seed):
    memo = build_memo(
        seed.doc, seed.selection, language="ru", terms=[TermCheck("США", "США", 29, None)]
    )
    assert memo.terms == []
    assert "terminology" not in {s.key for s in sections(memo)}


def test_dates_as_each_language_writes_them():
    from processor.memo.labels import format_date

    assert format_date("2025-11-07", "ru") == "07.11.2025"
    assert format_date("2025-11-07", "kk") == "07.11.2025"
    assert format_date("2025-11-07", "en") == "7 November 2025"
    assert format_date("ноябрь 2025", "ru") == "ноябрь 2025"


def test_route_line_in_the_memo_language():
    route = (
        "pivot through en: argos translate-ru_en 1.9 via CTranslate2 (licence: MIT); "
        "then nllb 600M en->kk via CTranslate2 (licence: CC-BY-NC-4.0); "
        "terms held to glossary: kazakhstan-public-life"
    )
    ru = localize_route(route, "ru")
    assert ru.startswith("через язык-посредник en: argos translate-ru_en 1.9 на движке")
    assert "лицензия: MIT" in ru and "затем" in ru and "glossary" not in ru
    kk = localize_route(route, "kk")
    assert "CTranslate2 арқылы" in kk and "via" not in kk and "licence" not in kk
    nllb = "nllb tiny-nllb-200 ru->kk via CTranslate2 (licence: CC-BY-NC-4.0 (non-commercial))"
    assert localize_route(nllb, "kk") == (
        "nllb tiny-nllb-200 ru->kk CTranslate2 арқылы "
        "(лицензия: CC-BY-NC-4.0 (тек коммерциялық емес пайдалану))"
    )
    mine = "ctranslate2 mine ru->kk via CTranslate2 (licence: unknown (state it with --licence))"
    assert localize_route(mine, "ru").endswith("(лицензия: не указана)")


def test_unknown_hold_notes_are_not_shown_in_english_outside_english():
    assert note_text("'Tokayev' -> 'Тоқаев'", "kk") == ""
    assert note_text("'Tokayev' -> 'Тоқаев'", "en") == "'Tokayev' -> 'Тоқаев'"


def test_marking_is_configurable(seed, monkeypatch):
    memo = build_memo(seed.doc, seed.selection, language="kk")
    assert memo.marking == "Ішкі пайдалану үшін"
    memo = build_memo(seed.doc, seed.selection, language="ru", marking="Для служебного пользования")
    assert memo.marking == "Для служебного пользования"
    monkeypatch.setenv("PROCESSOR_MEMO_MARKING", "")
    assert build_memo(seed.doc, seed.selection, language="en").marking == ""


def test_header_block_shows_outlet_date_and_link(seed):
    seed.doc.meta.outlet = "Zakon.kz"
    seed.doc.meta.published = "2025-11-07"
    seed.doc.meta.url = "https://www.zakon.kz/politika/1.html"
    try:
        memo = build_memo(seed.doc, seed.selection, language="ru")
    finally:
        seed.doc.meta.outlet = seed.doc.meta.published = seed.doc.meta.url = None
    rows = dict(memo.header_rows())
    assert rows["Источник"] == "Zakon.kz"
    assert rows["Дата публикации"] == "07.11.2025"
    assert rows["Ссылка"] == "https://www.zakon.kz/politika/1.html"
    # The file name moves to the method note when the outlet is known.
    assert dict(memo.method_rows())["Файл"] == "zakon-tokayev-trump.ru.txt (txt)"
