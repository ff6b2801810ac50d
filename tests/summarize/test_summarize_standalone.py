"""Key points that stand alone (issue 9, item 5): a sentence that refers back from its
grammar brings in the sentence before it or is left out, in Key points and Key figures
alike, and an interviewer's turn is not a finding even without a leading dash.

The referring sentences open with the words issue 9 quotes from real Kazakhstan news
("Для этого все отрасли...", "Вместо него исполняющим обязанности назначен...", "И это
лишь один пример...", "В ходе поездки он посетит...", "Помимо этого, ему пожизненно
запрещено..."); the issue quotes only their openings, so the rest of each sentence and
its neighbours are completed here.
"""

import pytest

from processor.model import Paragraph
from processor.pipeline import read
from processor.summarize import ALGORITHMS, select
from tests.support.data import SEED
from tests.support.summarize import NEWS, article, shown

# (antecedent, the sentence that leans on it)
LEANING = [
    (
        "Президент поставил задачу удвоить объем экономики страны к 2029 году.",
        "Для этого все отрасли экономики страны должны расти не менее чем на шесть процентов.",
    ),
    (
        "Указом главы государства аким Абайской области освобожден от занимаемой должности.",
        "Вместо него исполняющим обязанности акима Абайской области назначен первый заместитель.",
    ),
    (
        "За год в области закрылись три угольные шахты и два металлургических цеха.",
        "И это лишь один пример того, как угольная отрасль области теряет рабочие места.",
    ),
    (
        "Министр иностранных дел Казахстана отправится с официальным визитом в Китай.",
        "В ходе поездки он посетит Пекин и проведет переговоры с министром иностранных дел Китая.",
    ),
    (
        "Суд приговорил бывшего акима Жамбылской области к семи годам лишения свободы.",
        "Помимо этого, ему пожизненно запрещено занимать должности на государственной службе.",
    ),
]
IDS = ["dlya-etogo", "vmesto-nego", "i-eto", "v-khode-poezdki-on", "pomimo-etogo"]


@pytest.mark.parametrize(("antecedent", "sentence"), LEANING, ids=IDS)
def test_sentence_that_refers_back_is_detected_from_its_grammar(antecedent, sentence):
    from processor.summarize.grammar import refers_back

    assert refers_back(sentence)
    assert not refers_back(antecedent)


@pytest.mark.parametrize(
    "sentence",
    [
        "В этом году было открыто 36 новых авиамаршрутов.",  # the present, not a referent
        "Президент Токаев и его супруга прибыли в Астану с официальным визитом.",
        "Дело не только в том, что Казахстан получил независимость 16 декабря.",
        "Университет им. Аль-Фараби открыл новый кампус в Алматы.",
        "«Мы готовы к диалогу с любым партнером», — сказал Токаев.",
        "Компания «КазМунайГаз» и его партнеры подписали соглашение о разведке.",
        # Common gender ("судья": ms-f) agrees with "его" (this once raised ValueError).
        "Судья и его помощник покинули зал судебного заседания.",
        # inform.kz: the pronoun stands for a noun of its own clause.
        "В целях кардинальной модернизации национальной экономики приоритетное внимание "
        "уделяется ее диверсификации.",
        # The seed: "он" is in the clause that "в том" announces.
        "Безусловно, роль Токаева в том, что он эффективно выстраивает взаимоотношения с США, "
        "достаточно высока – мы это видим и по цифрам, и по фактам.",
    ],
    ids=[
        "this-year",
        "his-wife-after-subject",
        "v-tom-chto",
        "im-abbreviation",
        "skazal-tokayev",
        "quoted-name-then-his",
        "common-gender",
        "ee-own-clause",
        "on-in-subordinate",
    ],
)
def test_sentences_that_stand_alone_are_not_flagged(sentence):
    from processor.summarize.grammar import refers_back

    assert not refers_back(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # The seed and inform.kz: the pronoun comes after an opening phrase with no verb.
        "К слову, их начало было очень перспективным.",
        "Он также напомнил, что в прошлом месяце была запущена вторая линия железной дороги.",
        "Этот разговор состоялся 5 декабря прошлого года.",
        "Chevron за все это время вложил в экономику Казахстана 55 миллиардов долларов.",
        "Но сравните, например, с товарооборотом с Китаем, который превышает 40 миллиардов.",
        # A quotation's attribution names its speaker by a pronoun only.
        "«Мы готовы к диалогу с любым партнером», — сказал он.",
    ],
    ids=[
        "k-slovu-ikh",
        "on-takzhe",
        "etot-razgovor",
        "vse-eto-vremya",
        "no-sravnite",
        "skazal-on",
    ],
)
def test_real_sentences_that_refer_back(sentence):
    from processor.summarize.grammar import refers_back

    assert refers_back(sentence)


@pytest.mark.parametrize(("antecedent", "sentence"), LEANING, ids=IDS)
@pytest.mark.parametrize("algorithm", ["lead", "lexrank", "luhn"])
def test_referring_sentence_brings_its_antecedent(antecedent, sentence, algorithm):
    # The antecedent ends the first paragraph, the referring sentence opens the second:
    # no neighbour rule joins them, only the grammar does.
    doc = article(
        "Новости Казахстана",
        "Правительство Казахстана провело расширенное заседание в Астане. " + antecedent,
        sentence + " Решение вступает в силу со дня подписания документа.",
    )
    referring = doc.paragraphs[2].sentences[0].id
    previous = doc.paragraphs[1].sentences[-1].id
    for count in range(1, 6):
        selection = select(doc, algorithm=algorithm, sentences=count)
        for point in selection.key_points + selection.key_figures:
            ids = list(point.sentence_ids)
            if referring in ids:
                assert ids.index(referring) > 0, point.text
                assert ids[ids.index(referring) - 1] == previous, point.text


def test_referring_sentence_after_a_question_is_left_out():
    sentence = LEANING[1][1]
    doc = article(
        "Кадровые перестановки",
        "Указом главы государства аким Абайской области освобожден от занимаемой должности.",
        "Как вы оцениваете это решение и кто теперь будет руководить областью?",
        sentence,
    )
    for algorithm in ALGORITHMS:
        selection = select(doc, algorithm=algorithm, sentences=3)
        assert "p3.s0" not in shown(selection.key_points + selection.key_figures), algorithm


def test_key_figure_does_not_stand_alone_when_its_antecedent_is_a_key_point():
    doc = article(
        "Приговор бывшему акиму",
        "Суд приговорил бывшего акима Жамбылской области к семи годам лишения свободы "
        "за получение взятки. Помимо этого, ему пожизненно запрещено занимать должности "
        "на государственной службе, а также назначен штраф в размере 50 миллионов тенге.",
        "Приговор пока не вступил в законную силу и может быть обжалован сторонами.",
    )
    selection = select(doc, algorithm="lead", sentences=1)
    assert shown(selection.key_points) == ["p1.s0"]
    for point in selection.key_figures:
        assert not point.text.startswith("Помимо этого"), point.text


def test_real_news_pronoun_opening_brings_its_antecedent():
    # inform.kz: "Он также напомнил, ..." opens a paragraph after the President's quote.
    doc = read(NEWS / "inform-transport-hub.ru.txt")
    for algorithm in ALGORITHMS:
        for count in (1, 2, 3, 5):
            selection = select(doc, algorithm=algorithm, sentences=count)
            for point in selection.key_points + selection.key_figures:
                assert not point.text.startswith("Он также напомнил"), (algorithm, count)


# --- interviewer turns without a dash ---------------------------------------------------


def _undashed_seed():
    doc = read(SEED)
    for paragraph in doc.paragraphs:
        paragraph.text = paragraph.text.lstrip("–—- ")
    return doc.segment()


def test_interviewer_turn_without_dash_is_recognised():
    from processor.summarize.grammar import addresses_reader
    from processor.summarize.rules import is_question_turn

    assert addresses_reader("Как Вы оцениваете характер переговоров?")
    assert not addresses_reader("Каковы перспективы сотрудничества?")
    turn = Paragraph(
        4,
        "В ходе телефонного разговора Токаев и Трамп провели обстоятельный обмен мнениями "
        "по двусторонней повестке дня. На Ваш взгляд, какова динамика развития "
        "казахско-американских отношений?",
    )
    assert is_question_turn(turn)
    (request,) = article("Интервью", "Расскажите, пожалуйста, о планах компании на год.").body
    assert is_question_turn(request)
    (column,) = article(
        "Колонка",
        "Давайте посмотрим на цифры. В прошлом году экономика выросла на 4,8%. "
        "Инфляция замедлилась до 8,6%. Реальные доходы выросли впервые за три года.",
    ).body
    assert not is_question_turn(column)
    # A quoted official who says "вы" is not an interviewer.
    assert not is_question_turn(
        Paragraph(1, "«Вы знаете, Алматы - мой родной город. Здесь я родился», - сказал он.")
    )


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_undashed_interviewer_turns_are_not_findings(algorithm):
    doc = _undashed_seed()
    # The seed's turns that address the guest: by name and patronymic, or as "Вы".
    turns = {2, 4, 14}
    selection = select(doc, algorithm=algorithm, sentences=10)
    for sid in shown(selection.key_points + selection.key_figures):
        assert doc.sentence(sid).paragraph not in turns, doc.sentence(sid).text


@pytest.mark.parametrize(
    "path",
    [SEED, *sorted(NEWS.glob("*.txt"))],
    ids=lambda p: p.name.split(".")[0],
)
def test_no_bullet_opens_with_a_sentence_that_refers_back(path):
    from processor.summarize.grammar import refers_back

    doc = read(path)
    for algorithm in ALGORITHMS:
        selection = select(doc, algorithm=algorithm, sentences=6)
        for point in selection.key_points + selection.key_figures:
            first = doc.sentence(point.first_id).text.lstrip("–—- ")
            assert not refers_back(first), (algorithm, point.text)
