"""The source-language check: Russian passes, Kazakh and English are refused."""

from __future__ import annotations

import pytest

from processor.errors import LanguageError
from processor.language import check_source_language, detect_language
from processor.model import Document, Paragraph, SourceMeta
from processor.readers import read_document
from tests.support.data import seed_path, seed_text

KAZAKH = (
    "Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев АҚШ Президенті Дональд "
    "Трамппен телефон арқылы сөйлесті. Мемлекет басшысы Украинадағы қақтығысты реттеудің "
    "күрделі екенін атап өтті. Тараптар екі ел арасындағы ынтымақтастықты дамыту "
    "мәселелерін талқылады. Қазақстан бейбітшілік үшін келіссөз алаңын ұсынуға дайын."
)
ENGLISH = (
    "Kazakhstan's President Kassym-Jomart Tokayev held a phone call with US President "
    "Donald Trump. The two leaders discussed the settlement of the conflict in Ukraine and "
    "the expansion of trade and investment between their countries."
)
RUSSIAN_WITH_KAZAKH_NAMES = (
    "Депутаты Мәжіліса одобрили законопроект, который внёс Қасым-Жомарт Тоқаев. "
    "Сенат рассмотрит его на следующей неделе, сообщает пресс-служба Ақорды."
)


def _doc(text: str, path: str = "article.txt") -> Document:
    return Document(paragraphs=[Paragraph(index=0, text=text)], meta=SourceMeta(path, "txt"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (KAZAKH, "kk"),
        (KAZAKH.upper(), "kk"),
        (ENGLISH, "en"),
        (RUSSIAN_WITH_KAZAKH_NAMES, "ru"),
        ("Президент провёл встречу с министром.", "ru"),
        ("Präsident Tokajew führte ein Telefongespräch mit Präsident Trump.", "und"),
        ("2025 — 40 % / 60", "und"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_seed_article_is_russian():
    assert detect_language(seed_text()) == "ru"
    doc = read_document(seed_path())
    assert doc.language == "ru"


def test_kazakh_text_is_refused_with_an_actionable_line(tmp_path):
    path = tmp_path / "kz.txt"
    path.write_text(KAZAKH, encoding="utf-8")
    with pytest.raises(LanguageError) as info:
        read_document(path)
    message = str(info.value)
    assert message.startswith(f"{path}: text looks Kazakh, not Russian (Kazakh letters ")
    assert "--source-lang kk" in message
    assert "\n" not in message
    assert info.value.path == str(path)


def test_kazakh_text_is_accepted_when_declared(tmp_path):
    path = tmp_path / "kz.txt"
    path.write_text(KAZAKH, encoding="utf-8")
    doc = read_document(path, source_lang="kk")
    assert doc.language == "kk"
    assert doc.paragraphs[0].text == KAZAKH


def test_english_text_is_refused():
    doc = _doc(ENGLISH, "en.txt")
    with pytest.raises(LanguageError) as info:
        check_source_language(doc, None)
    assert str(info.value) == (
        "en.txt: text looks English, not Russian; processor briefs Russian sources"
        " — pass --source-lang en to process it anyway"
    )
    assert doc.language == "en"


def test_russian_quoting_kazakh_names_passes():
    doc = _doc(RUSSIAN_WITH_KAZAKH_NAMES)
    check_source_language(doc, None)
    assert doc.language == "ru"


def test_check_can_be_skipped_and_expected_changed(tmp_path):
    path = tmp_path / "kz.txt"
    path.write_text(KAZAKH, encoding="utf-8")
    assert read_document(path, check_language=False).paragraphs[0].text == KAZAKH
    doc = _doc(KAZAKH)
    check_source_language(doc, None, expected="kk")
    assert doc.language == "kk"


def test_too_short_to_tell_is_not_refused():
    doc = _doc("OK 2025")
    check_source_language(doc, None)
    assert doc.language == "ru"
