"""Key points that stand alone: no set-up, no leaning on an unseen sentence, no teaser, and
one bullet per event (real articles: examples/ and tests/data/memo-news)."""

from __future__ import annotations

import pytest

from processor.preparation import read
from processor.summarize import select
from processor.summarize.events import same_event
from processor.summarize.grammar import refers_back
from processor.summarize.rules import is_setup, is_teaser
from tests.support.data import MEMO_NEWS, SEED


def _article(prefix: str):
    return read(next(MEMO_NEWS.glob(f"{prefix}-*.ru.txt")))


def test_two_reports_of_one_arrival_make_one_bullet():
    doc = _article("13")
    texts = {s.id: s.text for s in doc.sentences()}
    # "... Токаев прилетел с рабочим визитом в Восточно-Казахстанскую область ..." and
    # "... Токаев прибыл с рабочей поездкой в Восточно-Казахстанскую область ...".
    assert "прилетел" in texts["p1.s0"] and "прибыл" in texts["p2.s0"]
    assert same_event(texts["p1.s0"], texts["p2.s0"])
    shown = {sid for p in select(doc).key_points for sid in p.sentence_ids}
    assert len({"p1.s0", "p2.s0"} & shown) == 1


def test_different_events_of_one_actor_are_kept_apart():
    doc = _article("13")
    texts = {s.id: s.text for s in doc.sentences()}
    # The December audience with the akim is another event in the same region.
    assert not same_event(texts["p1.s0"], texts["p5.s0"])
    # Same place, another actor: not one event.
    assert not same_event(
        "Президент Касым-Жомарт Токаев прибыл с рабочей поездкой в Костанайскую область.",
        "Премьер-министр Олжас Бектенов прибыл с рабочей поездкой в Костанайскую область.",
    )


def test_a_set_up_sentence_is_not_a_key_point():
    doc = read(SEED)
    texts = {s.id: s.text for s in doc.sentences()}
    assert texts["p5.s2"] == "Дело не только в том, что Казахстан получил независимость 16 декабря."
    assert is_setup(texts["p5.s2"])
    assert all("p5.s2" not in p.sentence_ids for p in select(doc).key_points)
    # "не только ..., но и ..." in one sentence stands alone.
    assert not is_setup(
        "Здесь имеет место не только политическое, но и культурное влияние, и это важно."
    )


def test_a_teaser_is_not_a_key_point():
    doc = read(SEED)
    texts = {s.id: s.text for s in doc.sentences()}
    assert texts["p1.s3"].startswith("Какие вопросы еще поднимали лидеры")
    assert is_teaser(texts["p1.s3"])
    assert all("p1.s3" not in p.sentence_ids for p in select(doc).key_points)
    # "Как сообщил ..." opens an attribution, not a question.
    assert not is_teaser("Как сообщил Марат Ахметжанов, в регионе построено 10 школ, рассказал он.")


@pytest.mark.parametrize(
    "text",
    [
        # The openings quoted in issue 16 from real articles, completed with their kind of ending.
        "Еще одной отраслью, показавшей рост, стала обрабатывающая промышленность.",
        "Цифра в шесть процентов выглядит скромно на фоне прошлого года.",
        "Другим направлением сотрудничества стала цифровизация.",
        # KazTAG (tests/data/digest/01), a digest key point: which document?
        "Документ уже введен в действие.",
    ],
)
def test_another_one_and_the_figure_lean_on_a_sentence_before(text):
    assert refers_back(text)


def test_a_plain_time_adverb_does_not_lean():
    assert not refers_back("Еще в 2020 году Казахстан принял закон о платформенной занятости.")


def test_a_document_named_by_what_it_is_about_does_not_lean():
    assert not refers_back("Документ о стратегическом партнерстве подписали главы государств.")
    assert not refers_back("Документ Минюста опубликован на портале правовой информации.")


def test_a_sentence_continuing_the_one_before_leans_on_it():
    doc = _article("01")
    texts = {s.id: s.text for s in doc.sentences()}
    # "И, надо сказать, никто особенно и не собрался : журналистов в зал не пустили, ..."
    assert texts["p1.s1"].startswith("И, надо сказать")
    assert refers_back(texts["p1.s1"])
    doc = _article("29")
    texts = {s.id: s.text for s in doc.sentences()}
    # "- На Тенгизе за указанный период добыто 7,3 млн тонн нефти." (the period: before)
    assert "за указанный период" in texts["p3.s0"]
    assert refers_back(texts["p3.s0"])


def test_an_interview_announced_is_a_teaser():
    doc = _article("20")
    texts = {s.id: s.text for s in doc.sentences()}
    # "В интервью «БИЗНЕС Online» он рассказал о языковых патрулях ... и о том, станет ли ..."
    assert texts["p1.s1"].startswith("В интервью «БИЗНЕС Online» он рассказал")
    assert is_teaser(texts["p1.s1"])
    chosen = [p.sentence_ids for p in select(doc).key_points]
    # His quotation ("«Судя по тому списку кандидатов, который ...»") is the finding.
    assert ("p1.s0",) in chosen and all("p1.s1" not in ids for ids in chosen)
    doc = _article("21")
    texts = {s.id: s.text for s in doc.sentences()}
    # "... он рассказал, надо ли Москве беспокоиться о контактах Астаны ..."
    [sid] = [k for k, t in texts.items() if "рассказал, надо ли" in t]
    assert is_teaser(texts[sid])
    # A told fact is no teaser: "Сатыбалды рассказал президенту о промышленном производстве ..."
    assert not is_teaser(next(t for t in _texts("12") if t.startswith("Сатыбалды рассказал")))


def _texts(prefix: str) -> list[str]:
    return [s.text for s in _article(prefix).sentences()]
