"""Briefing rules that no ranking knows: what may stand in a memo as a finding.

* an interviewer's turn (a dash paragraph that asks or addresses the guest, or a
  paragraph that asks the guest in the second person) and any question are not
  findings;
* fragments (too short, no final punctuation, lowercase start in a cased text)
  are skipped;
* near-duplicates are chosen once, but two sentences that state different
  numbers or name different people and places are different findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from processor.model import Paragraph
from processor.summarize.figures import numbers
from processor.summarize.grammar import addresses_reader, opens_with_request
from processor.summarize.words import WORD, stop_words, words

_DASHES = "–—-"
_LEADING_DASH = re.compile(rf"^\s*[{_DASHES}]\s*")
_CLOSERS = "»\"')"

# The unmistakable address to a guest: a name and patronymic opening the paragraph
# ("Эдуард Эдуардович, ..."), or the request for the guest's view.
_VOCATIVE = (
    r"^[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична)\b"
    r"|\b[Хх]отелось бы (?:услышать|узнать)"
)
# After an interview dash the polite capital "Вы", "Ваше" marks the interviewer too.
_ADDRESS = re.compile(_VOCATIVE + r"|\bВ(?:ы|ас|ам|аш|аша|аше|аши|ашего|ашей|ашему|ашим|ашем)\b")
_ADDRESS_UNDASHED = re.compile(_VOCATIVE)

# An interviewer's request ("Расскажите, ...") is a sentence or two.
_LONGEST_REQUEST = 2

NEAR_DUPLICATE = 0.6


def strip_dash(text: str) -> str:
    return _LEADING_DASH.sub("", text, count=1)


def is_question(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith("?")


def is_question_turn(paragraph: Paragraph) -> bool:
    """An interviewer's turn.

    With a leading dash: it asks, or addresses the guest. Without one (many
    outlets print turns as plain paragraphs): it ends with a question put in the
    second person ("Как вы оцениваете...?"), opens with a request ("Расскажите,
    ..."), or addresses the guest by name and patronymic and asks for their view.
    """
    text = paragraph.text.strip()
    if not text:
        return False
    if text[0] in _DASHES:
        return "?" in text or bool(_ADDRESS.search(strip_dash(text)))
    if opens_with_request(text) and len(paragraph.sentences) <= _LONGEST_REQUEST:
        return True  # a columnist's "Давайте посмотрим..." goes on for longer
    return (is_question(text) or bool(_ADDRESS_UNDASHED.search(text))) and addresses_reader(text)


# A teaser opens with a question word or "О том, ..." and ends in who will tell it:
# "Какие вопросы поднимали лидеры ..., рассказал политолог ..." asks, it does not tell.
_TEASER = re.compile(
    r"^[«\"]?(?:(?:как|какие|какой|какая|какое|каковы|каким|что|чем|почему|зачем|кто|где|"
    r"куда|когда|сколько|чего|насколько)\s+(?!(?:сообщил|сообщила|сообщили|заявил|заявила|"
    r"заявили|отметил|отметила|отметили|сказал|сказала|рассказал|рассказала|пишет|передает|"
    r"передаёт|подчеркнул|подчеркнула|отмечают|сообщает|известно|стало)\b)"
    r"|о\s+том,\s+)",
    re.IGNORECASE,
)
_TELLS = re.compile(
    r",\s*(?:[—–-]\s*)?(?:рассказал|рассказала|рассказали|расскажет|расскажем|рассказывает|"
    r"пояснил|пояснила|поясняет|объяснил|объяснила|узнал|узнала|узнали|выяснил|выяснила|"
    r"выяснили|разбирался|разбиралась|разбирались|читайте|в материале|в интервью)\b",
    re.IGNORECASE,
)


# "В интервью ... он рассказал о ..., и о том, станет ли ...", "рассказал, надо ли ...":
# the contents of an interview announced, not told.
_ANNOUNCES = re.compile(
    r"\b(?:рассказал|рассказала|рассказали|расскажет|объяснил|объяснила|пояснил|пояснила)\b"
    r"[^.!?]*?(?:\bо\s+том,\s+|,\s+)(?:как|почему|зачем|что\s+ждать|кто|где|когда|сколько|"
    r"каким|какие|какой|надо\s+ли|\w+\s+ли)\b",
    re.IGNORECASE,
)


def is_teaser(text: str) -> bool:
    """A sentence that announces what the article will tell instead of telling it."""
    text = strip_dash(text).strip()
    asks = bool(_TEASER.match(text)) and bool(_TELLS.search(text))
    return asks or bool(_ANNOUNCES.search(text))


# "Дело не только в том, что ...": a set-up that the next sentence completes.
_SETUP_OPENING = re.compile(
    r"^(?:дело|вопрос|проблема|суть|смысл|секрет|причина)\s+(?:не\s+)?(?:только\s+)?в\s+том\b",
    re.IGNORECASE,
)
_NOT_ONLY = re.compile(r"\bне\s+только\b", re.IGNORECASE)
_BUT_ALSO = re.compile(r"\b(?:но|а)\s+(?:и|также|еще|ещё)\b|\bно\s+\w+\s+и\b", re.IGNORECASE)


def is_setup(text: str) -> bool:
    """A sentence that only sets up the next one: "Дело (не только) в том, что ...", or a
    "не только" whose "но и" is in a sentence the memo does not show."""
    text = strip_dash(text).strip().lstrip('«"')
    if _SETUP_OPENING.match(text):
        return True
    return bool(_NOT_ONLY.search(text)) and not _BUT_ALSO.search(text)


def is_fragment(text: str, *, cased: bool = True) -> bool:
    """Too short, no final punctuation, or (in a cased text) a lowercase start."""
    if len(words(text)) < 5:
        return True
    first = text.lstrip("«\"'(")
    if not first or (cased and not (first[0].isupper() or first[0].isdigit())):
        return True
    return text.rstrip(_CLOSERS)[-1:] not in ".!…"


@dataclass(frozen=True)
class Signature:
    """What makes two sentences the same finding: content stems, numbers and names."""

    stems: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Signature:
        tokens = [m.group() for m in WORD.finditer(text)]
        lowered = [w.lower() for w in tokens]
        # Cheap stemming by prefix is enough to catch restated sentences.
        stems = frozenset(w[:6] for w in lowered if w not in stop_words() and len(w) > 2)
        # A capital inside the sentence (or Latin script) marks a name; its first five
        # letters stand for every case form ("Токаев", "Токаева").
        names = frozenset(
            w.lower()[:5]
            for k, w in enumerate(tokens)
            if (k > 0 and w[0].isupper()) or (w.isascii() and w[0].isupper())
        )
        return cls(stems, numbers(text), names)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap relative to the shorter sentence: a restatement inside a longer one counts."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _different(a: frozenset[str], b: frozenset[str]) -> bool:
    # Each states something the other does not: two facts, not one fact restated.
    return bool(a - b) and bool(b - a)


def near_duplicate(a: Signature, b: Signature) -> bool:
    """The same finding said twice: mostly the same words, no different figure or name."""
    if _different(a.numbers, b.numbers) or _different(a.names, b.names):
        return False
    return similarity(a.stems, b.stems) >= NEAR_DUPLICATE
