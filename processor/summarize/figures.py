"""Key figures: amounts, percentages and dates, what an analyst quotes from an article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

DEFAULT_FIGURES = 5

_MONTHS = (
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]\w*|июн\w*|июл\w*|август\w*|"
    r"сентябр\w*|октябр\w*|ноябр\w*|декабр\w*"
)
_AMOUNT = re.compile(
    r"\d[\d\s.,]*\s*(?:%|процент\w*|трлн\w*|триллион\w*|млрд\w*|миллиард\w*|млн\w*|"
    r"миллион\w*|тыс\w*|тысяч\w*|доллар\w*|долл\.?|евро|тенге|руб\w*|\$|баррел\w*|тонн\w*)"
    r"|[$€₸]\s*\d",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{4}}|\b(?:19|20)\d\d\s*(?:год\w*|г\.)",
    re.IGNORECASE,
)
_COUNT = re.compile(r"\b\d+\s+(?:соглашени\w*|компани\w*|договор\w*|проект\w*|стран\w*)", re.I)
# A number as written ("441,04", "11:00", "2 000"): what tells two figures apart.
_NUMBER = re.compile(r"\d+(?:[\s\u00a0]\d{3})*(?:[.,:]\d+)*")

# A figure sentence must carry at least one amount (weight 2), not just a date.
MIN_FIGURE_WEIGHT = 2


def figure_weight(text: str) -> int:
    """How much quotable data a sentence carries: amounts count double."""
    amounts = len(_AMOUNT.findall(text)) + len(_COUNT.findall(text))
    return 2 * amounts + len(_DATE.findall(text))


def numbers(text: str) -> frozenset[str]:
    """The numbers a sentence states, spaces inside a number removed."""
    return frozenset(re.sub(r"[\s\u00a0]", "", n) for n in _NUMBER.findall(text))


# --- One figure, what it measures -------------------------------------------------
# A figure as the source writes it: "55 миллиардов долларов", "80%", "4,2 млрд тенге".
_SCALE = r"тыс\.|тысяч\w*|млн|миллион\w*|млрд|миллиард\w*|трлн|триллион\w*"
_UNIT = (
    r"%|процент\w*|доллар\w*|долл\.|USD|\$|тенге|евро|рубл\w*|тонн\w*|баррел\w*|"
    r"квадратн\w+ метр\w*|кв\.\s?м|километр\w*|метр\w*|км|гектар\w*|га|лет|год\w*|месяц\w*|"
    r"человек"
)
_FIGURE_NUMBER = r"\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?"
# "7 млн 062 тыс. 358 человек" is one figure written in words of scale, not three.
_COMPOUND = rf"\d{{1,3}}\s?(?:{_SCALE})(?:\s\d{{3}}\s?(?:{_SCALE}))+(?:\s\d{{3}}(?!\d))?"
FIGURE = re.compile(
    rf"(?:[$€₸]\s?)?(?:{_COMPOUND}|{_FIGURE_NUMBER}(?:\s?(?:{_SCALE}))?)(?:\s?(?:{_UNIT}))?(?!\w)",
    re.IGNORECASE,
)
# Verbs whose object is the value of their subject: "объем инвестиций превысил 100 млрд".
_VALUE_VERBS = {
    "составить",
    "составлять",
    "превысить",
    "превышать",
    "достичь",
    "достигнуть",
    "достигать",
    "равняться",
    "вырасти",
    "расти",
    "увеличиться",
    "сократиться",
    "снизиться",
    "уменьшиться",
    "оцениваться",
    "насчитывать",
}
# Words that measure, not what is measured ("миллиардов долларов", "году", "процентов").
_MEASURE_WORDS = re.compile(
    rf"^(?:{_SCALE}|{_UNIT}|раз\w*|част\w*|дол[яеию]|сумм\w*|уровн\w*|отметк\w*)$", re.IGNORECASE
)
_WHAT_WORDS = 10
_SKIP_RELS = {"punct", "cc", "mark", "advcl", "parataxis", "conj", "acl:relcl", "discourse"}


@dataclass(frozen=True)
class Figure:
    """One figure of a source sentence: as written, what it measures, where it stands."""

    text: str
    what: str
    sentence_id: str
    sentence: str


def _is_year(text: str) -> bool:
    """A year ("2029", "2029 году", "2020-2030"): a date, not a quantity."""
    number = re.match(r"[\d\s\u00a0.,-]+", text)
    digits = number.group().strip() if number else ""
    rest = text[len(number.group()) :].strip() if number else text
    return bool(re.fullmatch(r"(19|20)\d\d(-(19|20)\d\d)?", digits)) and (
        not rest or re.match(r"год", rest, re.IGNORECASE) is not None
    )


def figure_spans(text: str) -> list[tuple[int, int]]:
    """Where the quantities of a sentence stand: no years, no bare day numbers."""
    spans = []
    for match in FIGURE.finditer(text):
        value = match.group().strip()
        if _is_year(value) or re.fullmatch(r"\d{1,2}", value):
            continue
        if re.match(r"\s*(?:" + _MONTHS + r")", text[match.end() :], re.IGNORECASE):
            continue  # "16 декабря": a date
        if _PERIOD.search(text[: match.start()]) and re.search(r"(месяц|лет|год)", value, re.I):
            continue  # "за 11 месяцев": the period a figure covers, not a figure
        spans.append((match.start(), match.start() + len(match.group().rstrip())))
    return spans


_PERIOD = re.compile(r"(?:\bза|\bв течение|\bпоследние|\bпервые|\bитогам)\s+$", re.IGNORECASE)


def figures_of(sentence_id: str, text: str, previous: str | None = None) -> list[Figure]:
    """Every quantity of one source sentence with the phrase it measures, read from the
    sentence's syntax parse (:mod:`processor.nlp`).  ``previous`` is the sentence before
    it, where "Он составил 4,2 млрд" finds what "он" is."""
    spans = figure_spans(text)
    if not spans:
        return []
    from processor.nlp import parse

    tokens = parse(text, ner=False).tokens
    figures = []
    for a, b in spans:
        what = what_of(tokens, a, b)
        if re.search(r"\d", what):
            what = ""  # a label holding another number is borrowed, not this figure's
        if not what and previous and _pronoun_subject(tokens):
            what = _subject(parse(previous, ner=False).tokens)
        if not what:
            # No phrase of its own: a short run of words just before it ("удвоение ВВП
            # до 450 млрд"), else the sentence's subject, else the longer run.
            before = _words_before(text, a)
            short = before if 0 < len(before.split()) <= 4 else ""
            what = short or _subject(tokens) or before
        figures.append(Figure(text[a:b], what, sentence_id, text))
    return figures


def _pronoun_subject(tokens: list[Any]) -> bool:
    """The sentence's main verb has a pronoun for its subject ("Он составил …")."""
    root = next((t for t in tokens if t.rel == "root"), None)
    return root is not None and any(
        t.rel == "nsubj" and t.pos == "PRON" and t.head_id == root.id for t in tokens
    )


def _subject(tokens: list[Any]) -> str:
    """The subject phrase of a sentence's main verb, in the nominative ("товарооборот …")."""
    index = {t.id: i for i, t in enumerate(tokens)}
    head_of = [index.get(t.head_id, -1) for t in tokens]
    root = next((i for i, t in enumerate(tokens) if t.rel == "root"), None)
    subject = next(
        (i for i, t in enumerate(tokens) if t.rel == "nsubj" and head_of[i] == root), None
    )
    if subject is None or tokens[subject].pos == "PRON":
        return ""
    return _phrase(tokens, _children(head_of), subject, exclude=set())


def what_of(tokens: list[Any], start: int, stop: int) -> str:
    """The noun phrase a figure (characters ``start:stop``) belongs to in its own clause:
    its genitive complement ("55 млрд долларов инвестиций" -> "инвестиции"), the noun it
    hangs from ("инвестиции в наш регион – это 80%"), the subject whose value it is
    ("объем инвестиций превысил 100 млрд"), else the clause's subject and verb."""
    index = {t.id: i for i, t in enumerate(tokens)}
    inside = {i for i, t in enumerate(tokens) if t.start >= start and t.stop <= stop}
    if not inside:
        return ""
    head_of = [index.get(t.head_id, -1) for t in tokens]
    top = next((i for i in sorted(inside) if head_of[i] not in inside), min(inside))
    children = _children(head_of)
    # "на сумму 17 млрд": the amount is the head's value; what it measures is further up.
    while (
        head_of[top] >= 0
        and head_of[top] not in inside
        and _is_noun(tokens[head_of[top]])
        and _MEASURE_WORDS.match(tokens[head_of[top]].text)
    ):
        inside |= {head_of[top]} | {i for i in children[head_of[top]] if tokens[i].rel == "case"}
        top = head_of[top]
    percent = "%" in tokens[top].text or "процент" in tokens[top].text.lower()
    if percent and head_of[top] >= 0 and _is_noun(tokens[head_of[top]]):
        # "Инвестиции в регион – это 80% всех вложений": a share of the noun it hangs from.
        head = head_of[top]
        return _phrase(tokens, children, head, exclude=_subtree(children, top, head))
    # "55 млрд долларов инвестиций": a complement of the figure that is not a measure.
    for i in children[top]:
        measure = _MEASURE_WORDS.match(tokens[i].text)
        if tokens[i].rel == "nmod" and i not in inside and _is_noun(tokens[i]) and not measure:
            return _phrase(tokens, children, i, exclude=inside)
    head = head_of[top]
    if head < 0:
        return ""
    if _is_noun(tokens[head]) and tokens[top].rel in ("nmod", "appos", "nsubj", "nummod"):
        return _phrase(tokens, children, head, exclude=_subtree(children, top, head))
    if tokens[head].pos in ("VERB", "AUX"):
        verb = head
        if tokens[verb].rel == "acl" and head_of[verb] >= 0:
            # "контракт …, заключенный … на 40 лет": the contract's term.
            noun = head_of[verb]
            return _phrase(tokens, children, noun, exclude=_subtree(children, verb, noun))
        subject = next((i for i in children[verb] if tokens[i].rel == "nsubj"), None)
        from processor.nlp import lemma_of

        if subject is not None and lemma_of(tokens[verb]) in _VALUE_VERBS:
            if tokens[subject].pos != "PRON":
                return _phrase(tokens, children, subject, exclude=inside)
            return ""
        return _phrase(tokens, children, verb, exclude=_subtree(children, top, verb))
    return ""


def _children(head_of: list[int]) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in head_of]
    for i, h in enumerate(head_of):
        if h >= 0:
            kids[h].append(i)
    return kids


def _subtree(children: list[list[int]], root: int, stop: int = -1) -> set[int]:
    """``root`` and what depends on it, never entering ``stop`` (a parse may hold a cycle:
    "Инвестиции" <- "%" <- "Инвестиции")."""
    out: set[int] = {stop}
    todo = [root]
    while todo:
        i = todo.pop()
        if i not in out:
            out.add(i)
            todo.extend(children[i])
    return out - {stop}


def _is_noun(token: Any) -> bool:
    return token.pos in ("NOUN", "PROPN")


def _phrase(tokens: list[Any], children: list[list[int]], root: int, exclude: set[int]) -> str:
    """The words of ``root``'s phrase, in order, without clauses and ``exclude``; the
    phrase's head in the nominative, trimmed to a few words around it."""
    keep = {root}
    # The phrase's own preposition stays out: "сумма", not "на сумма".
    todo = [i for i in children[root] if tokens[i].rel not in _SKIP_RELS | {"case"}]
    while todo:
        i = todo.pop()
        if i in keep or i in exclude or tokens[i].rel in _SKIP_RELS:
            continue
        keep.add(i)
        todo.extend(children[i])
    # A contiguous run around the head: nothing from across a dropped piece.
    first, last = root, root
    while first - 1 in keep:
        first -= 1
    while last + 1 in keep:
        last += 1
    span = list(range(first, last + 1))
    # No dangling preposition or punctuation at the end ("удвоение ВВП до").
    while span and (tokens[span[-1]].pos in ("ADP", "PUNCT", "CCONJ") or span[-1] in exclude):
        span.pop()
    if not any(_is_noun(tokens[i]) for i in span):
        return ""  # "если не ошибаюсь": an aside, not what the figure measures
    return " ".join(_nominative(tokens, i, root) for i in span[:_WHAT_WORDS])


def _nominative(tokens: list[Any], i: int, root: int) -> str:
    """The head noun (and the adjectives agreeing with it) in the nominative."""
    token = tokens[i]
    if i != root and not (
        tokens[i].rel in ("amod", "det") and tokens[i].head_id == tokens[root].id
    ):
        return str(token.text)
    if token.pos not in ("NOUN", "ADJ", "DET") or "Case" not in token.feats:
        return str(token.text)
    from processor.morphology import analyzer

    number = {"Plur": "plur", "Sing": "sing"}.get(token.feats.get("Number", ""), "sing")
    for parsed in analyzer().parse(token.text):
        if parsed.tag.POS in ("NOUN", "ADJF") and parsed.tag.case != "nomn":
            form = parsed.inflect({"nomn", number})
            if form is not None:
                word = form.word
                return word[:1].upper() + word[1:] if token.text[:1].isupper() else word
        if parsed.tag.case == "nomn":
            break
    return str(token.text)


def _words_before(text: str, at: int) -> str:
    """No parse to go by: the words just before the figure in its clause."""
    clause = re.split(r"[,;:()–—]|(?<=[.!?])\s", text[:at])[-1].split()
    while any(ch.isdigit() for ch in " ".join(clause)):
        clause = clause[1:]  # never another figure's words
    while clause and ((len(clause[-1]) <= 3 and clause[-1].islower()) or clause[-1] in _TAIL):
        clause.pop()  # "удвоение ВВП до", "на сумму свыше"
    return " ".join(clause[-_WHAT_WORDS:]).strip(" .,")


_TAIL = set(
    "около почти свыше более менее сумму составил составила составило составили превысил "
    "превысила порядка примерно уже лишь всего".split()
)


def key_figures(sentences: Sequence[tuple[str, str]]) -> list[Figure]:
    """The figures of the key-figure sentences (id, text), one each, in reading order;
    a figure already stated by an earlier sentence is not repeated."""
    seen: set[str] = set()
    out = []
    previous = None
    for sid, text in sentences:
        for figure in figures_of(sid, text, previous):
            key = re.sub(r"\D", "", figure.text) + figure.what
            if key not in seen:
                seen.add(key)
                out.append(figure)
        previous = text
    return out
