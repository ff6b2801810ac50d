"""The words that mark speech in Russian news: speech verbs, quoted documents,
institutions that speak."""

from __future__ import annotations

import re

# Lemmas of verbs that report what someone said or thinks.
SPEECH_VERBS = frozenset(
    """сказать заявить отметить подчеркнуть сообщить добавить пояснить рассказать считать
    уточнить напомнить заметить признать указать резюмировать констатировать предупредить
    призвать акцентировать объяснить утверждать полагать говорить ответить прокомментировать
    высказаться написать поделиться заверить выразить обратить убедить уверить допустить
    предположить прогнозировать оценить назвать озвучить сообщать заявлять отмечать
    подчёркивать подчеркивать добавлять рассказывать пояснять говорить указывать признавать
    напоминать уточнять доложить проинформировать осудить раскритиковать произнести""".split()
)
# "говорится в указе Токаева", "отмечается в сообщении комитета": the document is quoted,
# and its owner (the noun's nmod) is the speaker.
QUOTED_IN = frozenset(
    "говориться сказать отмечаться сообщаться указываться подчёркиваться подчеркиваться".split()
)
DOCUMENTS = frozenset(
    """указ сообщение заявление постановление документ релиз пресс-релиз письмо обращение
    приказ решение комментарий ответ публикация пост телеграм-канал канал послание
    распоряжение приговор""".split()
)
# Subjects that are institutions ("Минздрав сообщил", "в акимате заявили") when NER does not
# mark them ORG: the institution speaks, and the memo names it.
INSTITUTIONS = frozenset(
    """министерство ведомство пресс-служба акимат комитет правительство парламент мажилис
    сенат суд прокуратура агентство департамент управление служба минздрав мид минфин
    минэнерго минобороны мвд кнб нацбанк компания фонд партия комиссия штаб посольство
    администрация канцелярия аппарат""".split()
)
# Text that sources a quotation to a document: its words are not the previous speaker's.
_CITING = r"\b(?:говорится|сказано|отмечается|сообщается|указывается)\s+в\s"
CITED = re.compile(_CITING, re.IGNORECASE)
# An institution's release quoted with no owner ("…», — говорится в сообщении"): the words
# of the institution that spoke just before, never of a person (a person "said").  No word
# may follow the noun: that is its owner ("в сообщении министерства"; any case).
RELEASE = re.compile(
    _CITING + r"\s*(?:сообщении|заявлении|пресс-релизе|релизе)\b(?!\s+[А-ЯЁA-Z])", re.IGNORECASE
)
# A quotation closed by a dash and a bare name: "«…», – Мухтар Ерман."
DASHED_NAME = re.compile(r"[»\"”]\s*,?\s*[—–-]\s*(?P<name>[А-ЯЁ][^,.!?]*?)\.?\s*$")
