"""Other summary defects of issue 9 (item 5): different figures are different findings,
the lead is kept, lower-case text is summarised, ``sentences=N`` holds, and a degenerate
ranking neither warns on stderr nor gives an empty "ok"."""

import json
import subprocess
import sys
import warnings

import pytest

from processor.errors import InputError
from processor.pipeline import read
from processor.summarize import ALGORITHMS, select
from tests.support.data import SEED
from tests.support.summarize import NEWS, article, shown

KASE = "441,04 тенге"
OFFICIAL = "440,90 тенге"


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_different_figures_are_not_near_duplicates(algorithm):
    # Kapital.kz: the KASE rate and the National Bank's official rate share most words.
    doc = read(NEWS / "kapital-kase-dollar.ru.txt")
    selection = select(doc, algorithm=algorithm, sentences=4)
    text = " ".join(p.text for p in selection.key_points + selection.key_figures)
    assert KASE in text and OFFICIAL in text


def test_near_duplicate_compares_numbers_and_names():
    from processor.summarize import Signature, near_duplicate

    kase = Signature.of(
        "Средневзвешенный курс доллара на Казахстанской фондовой бирже (KASE) 15 мая "
        "на 11:00 составил 441,04 тенге."
    )
    official = Signature.of(
        "Официальный курс Нацбанка на 15 мая составляет 440,90 тенге за 1 доллар."
    )
    assert not near_duplicate(kase, official)
    restated = Signature.of("Касым-Жомарт Токаев подчеркнул сложность урегулирования конфликта.")
    lead = Signature.of(
        "Касым-Жомарт Токаев подчеркнул сложность урегулирования украинского конфликта, "
        "сообщает Zakon.kz."
    )
    assert near_duplicate(restated, lead)
    other_person = Signature.of("Олжас Бектенов подчеркнул сложность урегулирования конфликта.")
    assert not near_duplicate(restated, other_person)


COURT = (
    "Бывшего заместителя акима Астаны осудили за взятку",
    "Суд Астаны приговорил бывшего заместителя акима города к восьми годам лишения свободы "
    "за получение взятки.",
    "Как установил суд, чиновник требовал деньги у предпринимателя за выделение земельного "
    "участка под строительство.",
    "Ранее бывшего заместителя акима города Астаны задержали при получении взятки, суд "
    "санкционировал его арест.",
    "Задержание провела Антикоррупционная служба, которая сообщила о получении взятки в особо "
    "крупном размере.",
    "Приговор суда пока не вступил в законную силу и может быть обжалован в апелляционной "
    "инстанции.",
)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_lead_of_a_court_report_is_kept(algorithm):
    # The background paragraph restates the lead; the lead is the news and stays.
    doc = article(*COURT)
    for count in (1, 2, 3):
        selection = select(doc, algorithm=algorithm, sentences=count)
        assert "p1.s0" in shown(selection.key_points), (algorithm, count)
        assert "p3.s0" not in shown(selection.key_points), "the restatement is the duplicate"


def test_lower_case_article_is_summarised_as_written():
    lowered = [text.lower() for text in COURT]
    doc = article(*lowered)
    assert len(list(doc.sentences())) == 5
    for algorithm in ALGORITHMS:
        selection = select(doc, algorithm=algorithm, sentences=3)
        assert selection.key_points, algorithm
        for point in selection.key_points:
            # Key points keep the text as written: lower case, no sentence glued to another.
            assert point.text in " ".join(lowered[1:])
            assert point.text == point.text.lower()
        assert sum(len(p.sentence_ids) for p in selection.key_points) == 3


def test_lower_case_seed_is_cut_and_summarised_like_the_cased_one():
    cased = read(SEED)
    doc = read(SEED)
    for paragraph in doc.paragraphs:
        paragraph.text = paragraph.text.lower()
    doc.segment()
    # Case is normalised for cutting and ranking only: the same sentences, as written.
    assert [s.text for s in doc.sentences()] == [s.text.lower() for s in cased.sentences()]
    selection = select(doc, sentences=5)
    assert shown(selection.key_points) == shown(select(cased, sentences=5).key_points)
    assert all(p.text == p.text.lower() for p in selection.key_points)


def test_article_with_nothing_to_show_is_an_error_not_an_empty_ok():
    doc = article("Вопросы читателей", "Как вы оцениваете решение?", "Что будет дальше?")
    with pytest.raises(InputError, match="key point"):
        select(doc)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_sentences_n_returns_at_most_n_sentences(algorithm, count):
    # Antecedents and merged neighbours count: N is sentences, not bullets.
    doc = read(SEED)
    selection = select(doc, algorithm=algorithm, sentences=count)
    ids = shown(selection.key_points)
    assert len(ids) == len(set(ids))
    assert 1 <= len(ids) <= count


def test_sentences_n_from_the_cli(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "processor", "summarize", str(SEED), "--sentences", "3", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    (record,) = json.loads(result.stdout)
    assert sum(len(p["ids"]) for p in record["key_points"]) <= 3
    assert "Warning" not in result.stderr


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_degenerate_ranking_does_not_warn(algorithm):
    # Hardly a content word: LexRank's power method divides 0 by 0 (a RuntimeWarning on
    # stderr before), LSA warns that it "may not work properly".
    doc = article(
        "Заголовок",
        "Мы были бы рады, если бы вы всегда были с нами. Я был бы рад, если бы мы всегда "
        "были с вами. Мы бы всегда были с вами, если бы не они.",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        selection = select(doc, algorithm=algorithm, sentences=2)
    assert selection.key_points


def test_cli_lower_case_article_ok_and_nothing_to_show_fails(tmp_path):
    lowered = tmp_path / "feed.ru.txt"
    lowered.write_text("\n\n".join(text.lower() for text in COURT), encoding="utf-8")
    questions = tmp_path / "questions.ru.txt"
    questions.write_text("Вопросы\n\nКак вы оцениваете решение?\n\nЧто будет дальше?\n", "utf-8")

    def run(path):
        command = [sys.executable, "-m", "processor", "summarize", str(path), "--json"]
        return subprocess.run(command, capture_output=True, text=True)

    ok = run(lowered)
    assert ok.returncode == 0, ok.stderr
    (record,) = json.loads(ok.stdout)
    assert record["key_points"]
    failed = run(questions)
    assert failed.returncode == 1
    assert "questions.ru.txt" in failed.stderr and "key point" in failed.stderr
    assert "Traceback" not in failed.stderr
