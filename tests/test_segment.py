import pytest

from processor.segment import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Президент К.-Ж. Токаев заявил об этом. Это т.е. важно.",
            ["Президент К.-Ж. Токаев заявил об этом.", "Это т.е. важно."],
        ),
        (
            "В 2023 г. товарооборот составил 4,2 млрд долл. США. Это рекорд.",
            ["В 2023 г. товарооборот составил 4,2 млрд долл. США.", "Это рекорд."],
        ),
        (
            "Встреча прошла 5 дек. 2024 г. в Астане. Далее переговоры.",
            ["Встреча прошла 5 дек. 2024 г. в Астане.", "Далее переговоры."],
        ),
        (
            "Он сказал: «Мы готовы. Казахстан открыт». Затем ушел.",
            ["Он сказал: «Мы готовы. Казахстан открыт».", "Затем ушел."],
        ),
        (
            "– Эдуард Эдуардович, как вы оцените визит? – Я считаю, что это важно.",
            ["– Эдуард Эдуардович, как вы оцените визит?", "– Я считаю, что это важно."],
        ),
        ("Рост составил 5 млрд. Это много.", ["Рост составил 5 млрд.", "Это много."]),
        ("Н. Назарбаев и Д. Трамп встретились.", ["Н. Назарбаев и Д. Трамп встретились."]),
    ],
)
def test_russian_sentence_rules(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_index_the_text():
    text = "Первое предложение здесь.  Второе, с цифрой 4,2 млрд долл. США. Третье?"
    spans = split_sentences(text)
    assert len(spans) == 3
    for span in spans:
        assert text[span.start : span.stop] == span.text


def test_document_segment_gives_stable_ids(tmp_path):
    from processor.model import Document, Paragraph, SourceMeta

    def build():
        return Document(
            [Paragraph(0, "Заголовок", kind="title"), Paragraph(1, "Раз. Два. Три.")],
            SourceMeta("x.txt", "txt"),
            title="Заголовок",
        ).segment()

    first, second = build(), build()
    assert [s.id for s in first.sentences()] == ["p1.s0", "p1.s1", "p1.s2"]
    assert [s.id for s in first.sentences()] == [s.id for s in second.sentences()]
    assert first.sentence("p1.s2").text == "Три."
