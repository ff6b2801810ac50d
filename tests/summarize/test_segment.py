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
        # Editorial notes belong to the sentence they annotate (issue 9: the fragment
        # "Ред.) в фонд потерпевших..." came from the first case).
        (
            "Суд взыскал 30 МРП (65 долларов. — Ред.) в фонд потерпевших. Приговор обжалован.",
            [
                "Суд взыскал 30 МРП (65 долларов. — Ред.) в фонд потерпевших.",
                "Приговор обжалован.",
            ],
        ),
        (
            "Штраф составил 100 МРП (около 400 тыс. тенге. – Ред.). Приговор обжалован.",
            ["Штраф составил 100 МРП (около 400 тыс. тенге. – Ред.).", "Приговор обжалован."],
        ),
        (
            "Ставка выросла (прим. ред.) на 5%. Затем упала.",
            ["Ставка выросла (прим. ред.) на 5%.", "Затем упала."],
        ),
        (
            "Эксперт назвал цифру в 3 млрд. — Прим. авт. Далее прогноз ухудшился.",
            ["Эксперт назвал цифру в 3 млрд. — Прим. авт.", "Далее прогноз ухудшился."],
        ),
        # Lower-cased text (news feeds) is cut where the cased text would be.
        (
            "суд вынес приговор в 2023 г. по делу акима. приговор обжалован! что дальше?",
            ["суд вынес приговор в 2023 г. по делу акима.", "приговор обжалован!", "что дальше?"],
        ),
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


def test_editorial_note_never_starts_a_sentence():
    text = (
        "Суд назначил ему штраф в размере 30 МРП (65 долларов. — Ред.) в фонд потерпевших и "
        "запретил занимать должности. Приговор не вступил в законную силу."
    )
    for span in split_sentences(text):
        assert not span.text.startswith(("Ред.", "— Ред.", "– Ред.")), span.text
        assert text[span.start : span.stop] == span.text
