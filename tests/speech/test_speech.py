"""Who said it: speakers of real sentences (examples/ and tests/data/memo-news)."""

from __future__ import annotations

import pytest

from processor.preparation import read
from processor.speech import Speaker, Speech, find_speech
from tests.support.data import MEMO_NEWS, SEED

POLETAYEV = Speaker("Эдуард Полетаев", "политолог")


def _speech(name: str) -> tuple[Speech, dict[str, str]]:
    path = SEED if name == "seed" else next(MEMO_NEWS.glob(f"{name}-*.ru.txt"))
    doc = read(path)
    return find_speech(doc), {s.id: s.text for s in doc.sentences()}


@pytest.fixture(scope="module")
def seed() -> tuple[Speech, dict[str, str]]:
    return _speech("seed")


def test_seed_is_an_interview_with_its_guest(seed):
    speech, _ = seed
    assert speech.genre == "interview"
    assert speech.interviewee == POLETAYEV


def test_answers_are_the_guests_questions_nobodys(seed):
    speech, texts = seed
    # "Считаю, крайне важно, что глава государства говорит о значимости урегулирования ..."
    assert texts["p3.s2"].startswith("Считаю")
    assert speech.speakers["p3.s2"] == POLETAYEV
    # "Инвестиции американские у нас большие ..." (the old bottom line's last sentence)
    assert speech.speakers["p17.s7"] == POLETAYEV
    # The interviewer's turn "– Эдуард Эдуардович, ... Хотелось бы услышать Ваше мнение."
    assert not {"p2.s0", "p2.s1", "p2.s2"} & speech.speakers.keys()


def test_a_role_noun_subject_is_the_person_named_before_with_that_role(seed):
    speech, texts = seed
    # "Глава государства отметил, что РК призывает ..." after "Касым-Жомарт Токаев подчеркнул"
    assert texts["p1.s1"].startswith("Глава государства отметил")
    assert speech.speakers["p1.s1"] == Speaker("Касым-Жомарт Токаев", "президент Казахстана")


def test_reported_speech_with_role_in_the_nominative():
    speech, texts = _speech("33")
    # "По словам депутата, ... поступило более 4 тысяч предложений"
    assert texts["p2.s0"].startswith("По словам депутата")
    assert speech.speakers["p2.s0"] == Speaker("Максим Рожин", "депутат Мажилиса Парламента РК")
    # "— Большая часть поступающих предложений ...": his direct speech, no name in it
    assert speech.speakers["p3.s2"].name == "Максим Рожин"
    speech, texts = _speech("29")
    assert texts["p2.s0"].startswith("Министр энергетики Болат Акчулаков сообщил")
    assert speech.speakers["p2.s0"] == Speaker("Болат Акчулаков", "министр энергетики")


def test_pronoun_speaker_is_the_last_named_person():
    speech, texts = _speech("26")
    # "Как он отметил, само общество уже ответило телеведущей ..."
    [sid] = [k for k, t in texts.items() if t.startswith("Как он отметил")]
    assert speech.speakers[sid].name == "Айбек Смадияров"


def test_a_dashed_quotation_belongs_to_its_speaker_before_and_after_the_attribution():
    speech, texts = _speech("15")
    # "- В этом году я планирую ..., - отметил президент. - В этом году я обязательно ..."
    quote = [k for k in texts if k.startswith("p2.")]
    assert len(quote) == 5
    assert {speech.speakers[k].name for k in quote} == {"Касым-Жомарт Токаев"}
    # "..., в своем выступлении он не сообщил.": the outlet's words, not his
    assert "p3.s0" not in speech.speakers


def test_direct_speech_after_an_introduction_goes_on_with_its_speaker():
    speech, texts = _speech("35")
    # "Никаких заявлений МИД не делает. Ни подтвердить, ни опровергнуть мы не можем. ..."
    assert texts["p4.s1"].startswith("Ни подтвердить")
    assert speech.speakers["p4.s1"].name == "Айбек Смадияров"
    assert speech.speakers["p4.s1"].role == "официальный представитель МИД республики"


def test_interview_guest_named_in_the_headline_or_by_first_name():
    speech, texts = _speech("22")  # headline "Андрей Чеботарёв: ...", turn "Андрей Евгеньевич, ..."
    assert speech.genre == "interview"
    assert speech.interviewee is not None and speech.interviewee.name == "Андрей Чеботарев"
    assert texts["p1.s0"].endswith("Ваше мнение?") and "p1.s0" not in speech.speakers
    assert speech.speakers["p3.s1"].name == "Андрей Чеботарев"
    speech, _ = _speech("19")  # one turn: "— Шалкар, как бы Вы в целом оценили ..."
    assert speech.genre == "interview"
    assert speech.interviewee == Speaker("Шалкар Нурсеитов", "политолог")


def test_a_report_of_events_is_a_report():
    speech, _ = _speech("13")
    assert speech.genre == "report"


def test_a_surname_printed_in_capitals_is_written_as_a_name():
    speech, texts = _speech("34")
    # "Спикер палаты Ерлан КОШАНОВ, подводя итоги, отметил, ..."
    assert "КОШАНОВ" in texts["p1.s1"]
    assert speech.speakers["p1.s1"] == Speaker("Ерлан Кошанов", "спикер палаты")
