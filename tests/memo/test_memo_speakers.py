"""Who said it, in the memo: the speaker after each opinion, the interview's frame and genre,
a factual bottom line (the seed: an interview with political scientist Eduard Poletayev)."""

from __future__ import annotations

import json
import re

import docx
import pytest

from processor.memo import build_memo
from processor.memo.bottom_line import bottom_line_points
from processor.pipeline import BriefOptions, Prepared, prepare
from processor.summarize import KeyPoint
from tests.support.data import MEMO_NEWS, SEED
from tests.support.memo import SEED_STEM, seed_memos

SPEAKER = {
    "ru": "— Эдуард Полетаев, политолог",
    "en": "— Eduard Poletayev, political scientist",
    "kk": "— Эдуард Полетаев, саясаттанушы",
}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory):
    outdir = tmp_path_factory.mktemp("speakers")
    seed_memos(outdir)
    return outdir


def _json(outdir, lang: str) -> dict:
    return json.loads((outdir / f"{SEED_STEM}.{lang}.json").read_text(encoding="utf-8"))


def _docx_bullets(outdir, lang: str) -> list[str]:
    document = docx.Document(str(outdir / f"{SEED_STEM}.{lang}.docx"))
    return [p.text for p in document.paragraphs if p.text.strip()]


@pytest.mark.parametrize("lang", ["ru", "en", "kk"])
def test_every_opinion_names_poletayev_as_the_glossary_writes_him(written, lang):
    memo = _json(written, lang)
    guest = [p for p in memo["key_points"] if (p["speaker"] or {}).get("surname") == "Полетаев"]
    assert guest, "the seed's key points are the interviewee's answers"
    paragraphs = _docx_bullets(written, lang)
    for point in guest:
        # The DOCX bullet is the sentence (identity double: still Russian) and its speaker.
        shown = next(p for p in paragraphs if p.startswith(point["text"][:40]))
        assert shown.endswith(SPEAKER[lang]), shown
    # JSON: the speaker as data, in the memo language.
    name = {"ru": "Эдуард Полетаев", "en": "Eduard Poletayev", "kk": "Эдуард Полетаев"}[lang]
    assert {p["speaker"]["name"] for p in guest} == {name}


@pytest.mark.parametrize(
    ("lang", "row", "frame"),
    [
        ("ru", "Жанр: интервью", r"Интервью (\S+ )?с политологом Эдуардом Полетаевым\."),
        (
            "en",
            "Genre: interview",
            r"Interview( by \S+)? with political scientist Eduard Poletayev\.",
        ),
        ("kk", "Жанры: сұхбат", r"Сұхбат( \(\S+\))?: Эдуард Полетаев, саясаттанушы\."),
    ],
)
def test_interview_is_said_in_the_header_and_framed_in_the_bottom_line(written, lang, row, frame):
    text = (written / f"{SEED_STEM}.{lang}.md").read_text(encoding="utf-8")
    key, value = row.split(": ")
    assert f"- **{key}:** {value}" in text
    lead = next(line for line in text.splitlines() if line.startswith("> "))
    assert re.match(frame, lead[2:]), lead


def test_bottom_line_is_facts_not_the_guests_answers(written):
    memo = _json(written, "ru")
    frame, *facts = memo["bottom_line"]
    assert frame["sentence_ids"] == []
    assert facts and all(item["speaker"]["surname"] != "Полетаев" for item in facts)
    said = " ".join(item["source_text"] for item in facts)
    # The old bottom line ended with his "Инвестиции американские у нас большие ..."
    assert "Инвестиции американские" not in said
    assert facts[0]["sentence_ids"][0] == "p0.s0"


def test_a_sentence_naming_its_speaker_is_not_signed_twice(written):
    # "Касым-Жомарт Токаев подчеркнул ...": Tokayev's words, and the sentence says so.
    memo = _json(written, "ru")
    lead = memo["bottom_line"][1]
    assert lead["speaker"]["name"] == "Касым-Жомарт Токаев"
    text = (written / f"{SEED_STEM}.ru.md").read_text(encoding="utf-8")
    assert "— Касым-Жомарт Токаев" not in text


def _point(sid: str, text: str, score: float = 1.0) -> KeyPoint:
    return KeyPoint((sid,), text, score)


def test_no_teaser_question_or_headline_in_the_bottom_line():
    points = [
        # The seed's teaser: a question about the article, told by its guest.
        _point(
            "p1.s3",
            "Какие вопросы еще поднимали лидеры двух государств и каковы перспективы "
            "казахско-американского сотрудничества, рассказал политолог Эдуард Полетаев.",
            9,
        ),
        _point("p2.s0", "Токаев прибыл в Костанайскую область?", 8),
        _point("p3.s0", "Токаев прибыл в Костанайскую область.", 7),
        _point(
            "p4.s0",
            "Президент республики Касым-Жомарт Токаев прибыл с рабочей поездкой в "
            "Костанайскую область.",
            1,
        ),
        _point("p5.s0", "Ранее президент планировал посетить Костанайскую область.", 0.5),
    ]
    chosen = bottom_line_points(points, title="Токаев прибыл в Костанайскую область")
    assert [points[i].first_id for i in chosen] == ["p4.s0", "p5.s0"]


def test_an_unattributed_first_person_opinion_is_not_the_bottom_line():
    points = [
        _point("p1.s0", "Мы считаем, что они не отражают официальную позицию.", 9),
        _point("p2.s0", "Роман Василенко осудил заявления эксперта на федеральном канале.", 1),
        _point("p3.s0", "Об этом сообщает Caravan.kz со ссылкой на Tengrinews.", 0.5),
    ]
    chosen = bottom_line_points(points)
    assert points[chosen[0]].first_id == "p2.s0" and 0 not in chosen


@pytest.fixture(scope="module")
def court() -> Prepared:
    return prepare(str(next(MEMO_NEWS.glob("02-*.ru.txt"))), BriefOptions(languages=("ru",)))


def test_a_court_report_is_a_report_and_its_bottom_line_has_no_speaker_line(court):
    memo = build_memo(court.doc, court.selection, language="ru", speech=court.speech)
    assert memo.genre == "report"
    assert memo.bottom_line and all(item.sentence_ids for item in memo.bottom_line)
    assert ("Жанр", "сообщение") in memo.header_rows()


def test_seed_prepared_carries_speech():
    prepared = prepare(str(SEED), BriefOptions(languages=("ru",)))
    assert prepared.speech is not None and prepared.speech.genre == "interview"


@pytest.mark.parametrize(
    ("prefix", "frame"),
    [
        ("19", "Интервью «Республика» с политологом Шалкаром Нурсеитовым."),
        ("22", "Интервью Informburo.kz с Андреем Чеботаревым."),
        (
            "20",
            "Интервью «БИЗНЕС Online» с главным редактором портала «Русские в Казахстане» "
            "Ильей Намовиром.",
        ),
    ],
)
def test_interview_frame_from_the_header_fields(prefix, frame):
    prepared = prepare(str(next(MEMO_NEWS.glob(f"{prefix}-*.ru.txt"))), BriefOptions())
    memo = build_memo(prepared.doc, prepared.selection, language="ru", speech=prepared.speech)
    assert memo.genre == "interview"
    assert memo.bottom_line[0].text == frame


def test_a_role_outside_the_table_is_translated_with_the_sentences(tmp_path):
    from processor.pipeline import brief
    from tests.support.doubles import tagging

    article = next(MEMO_NEWS.glob("20-*.ru.txt"))
    options = BriefOptions(languages=("en",), formats=("json",))
    [result] = brief([article], tmp_path, options, translator_factory=lambda s, t: tagging(t, s))
    assert result.ok, result.error
    memo = json.loads(next(tmp_path.glob("*.en.json")).read_text(encoding="utf-8"))
    guest = memo["bottom_line"][0]["text"]
    # The name as the names table romanizes it, the role through the translator (EN(...)).
    assert guest.startswith("Interview by «БИЗНЕС Online» with EN(главный редактор портала")
    assert guest.endswith("Ilya Namovir.")


def test_an_institution_speaks_in_the_memo_language():
    """ "В департаменте полиции Алматы сообщили, что …": the institution is the speaker; its
    name goes to the translator with the memo's sentences and comes back as the line."""
    from processor.memo.inputs import speaker_texts
    from processor.memo.speakers import render, role_key, with_speaker
    from tests.support.data import DATA

    prepared = prepare(next((DATA / "holdout").glob("10-*.ru.txt")), BriefOptions())
    speech = prepared.speech
    assert speech is not None
    said = [sid for sid, s in speech.speakers.items() if s.name == "департамент полиции Алматы"]
    assert said and speech.speakers[said[0]].kind == "organization"
    key = role_key("департамент полиции Алматы")
    sent = dict(speaker_texts(prepared, said))
    assert sent[key] == "департамент полиции Алматы"
    line = render(speech.speakers[said[0]], "en", [], {key: "Almaty police department"})
    assert line.line() == "Almaty police department"
    # Signed when the sentence does not name it, not when it does.
    assert with_speaker("The case was opened.", "Возбуждено дело.", line).endswith(
        "— Almaty police department"
    )
    assert with_speaker("x", "В департаменте полиции Алматы сообщили", line) == "x"
