"""What a sentence's grammar says about where it stands: pymorphy3 tags, not word lists.

* :func:`refers_back`: the first clause leans on something said before: a
  third-person pronoun ("Вместо него...", "В ходе поездки он посетит..."), a
  demonstrative ("Этот разговор...", "Для этого...", "Помимо этого...",
  "И это..."), or a demonstrative adverb ("Тогда...", "Там...");
* :func:`addresses_reader`, :func:`opens_with_request`: second person ("вы",
  "вас", "оцениваете", "Расскажите..."), how an interviewer speaks to a guest.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from processor.summarize.words import WORD, words

# Where the first clause of a sentence ends.
_CLAUSE_END = re.compile(r"[,;:()«»\"—–]|\s-\s")
_OPENING = re.compile(r"^[\s«\"'(—–-]+")
# pymorphy3 tags the demonstrative noun "это" NPRO without Anph (unlike "этот",
# "тот", "он"), so its lemma is named here; the rest comes from the tags.
_DEMONSTRATIVE_NOUN = "это"
# "В этом году", "на этой неделе" point at the present, not at an earlier sentence.
# pymorphy3 tags every conjunction CONJ; the adversative ones, which answer a
# sentence before them, have no grammeme of their own.
_ADVERSATIVE = frozenset({"но", "однако", "зато"})
# Parts of speech that make a clause of a phrase: "назначен", "запрещено", "нужно".
_PREDICATES = frozenset({"VERB", "INFN", "PRTS", "ADJS", "PRED"})
_MAX_OPENING_PHRASES = 3
_MAX_OPENING_WORDS = 4
# The longest pronoun, demonstrative or conjunction looked for ("оттуда", "однако").
_LONGEST_POINTER = 6
_SUBORDINATE = re.compile(r"^\s*,\s*(\w+)")
_RELATIVE = re.compile(r"^\s*,\s*(?:котор|чей|чья|чьё|чье|чьи)", re.IGNORECASE)
# Words that, opening a sentence, take up something named before it.
_LEANING_FIRST = frozenset({"другой", "цифра"})
_AFOREMENTIONED = frozenset({"указанный", "вышеуказанный", "упомянутый", "вышеупомянутый"})
_PRESENT = frozenset({"год", "месяц", "неделя", "квартал", "полугодие", "сезон", "век"})


@lru_cache(maxsize=50_000)
def _parses(word: str) -> tuple[Any, ...]:
    from processor.morphology import analyzer

    return tuple(analyzer().parse(word.lower()))


def _clauses(text: str) -> list[tuple[str, str]]:
    """The first clause (with what follows it); for a quotation first, the attribution too.

    An opening phrase without a predicate ("По данным министерства, их число...",
    "К слову, их начало...") is not yet a clause: the clause after it is read too.
    "«…», — сказал он." leans back through its attribution as much as through an
    opening pronoun.
    """
    quoted = text.lstrip()[:1] in '«"'
    text = _OPENING.sub("", text)
    clauses = [_split_clause(text)]
    while not _has_predicate(clauses[-1][0]) and len(clauses) < _MAX_OPENING_PHRASES:
        rest = clauses[-1][1].lstrip(",;: ")
        if not rest or not rest[0].isalpha() or _subordinate(clauses[-1][1]):
            break  # a subordinate clause ("..., что он ...") has its antecedent before it
        clauses.append(_split_clause(rest))
    if quoted and "»" in text:
        clauses.append(_split_clause(_OPENING.sub("", text.split("»", 1)[1].lstrip(",.!? "))))
    return clauses


def _split_clause(text: str) -> tuple[str, str]:
    match = _CLAUSE_END.search(text)
    return (text[: match.start()], text[match.start() :]) if match else (text, "")


def _has_predicate(clause: str) -> bool:
    tokens = words(clause)
    # A longer stretch is taken for a clause without parsing it.
    if len(tokens) > _MAX_OPENING_WORDS:
        return True
    return any(_parses(w)[0].tag.POS in _PREDICATES for w in tokens)


def _subordinate(rest: str) -> bool:
    """The rest opens a subordinate clause (", что ...", ", где ...", ", кто ...")."""
    match = _SUBORDINATE.match(rest)
    if not match:
        return False
    tag = _parses(match.group(1))[0].tag
    return "CONJ" in tag or "Ques" in tag or ("NPRO" in tag and tag.person is None)


def _agrees(pronoun: Any, noun: Any) -> bool:
    if "plur" in pronoun.tag:
        return "plur" in noun.tag
    gender = pronoun.tag.gender
    # "ms-f": common gender ("судья", "коллега") agrees with either pronoun.
    return "sing" in noun.tag and (gender is None or gender in noun.tag or "ms-f" in noun.tag)


def _antecedent(parse: Any) -> bool:
    """A noun a later pronoun of its clause may stand for.

    A subject never binds a pronoun of its own clause ("Суд приговорил его": who?),
    unless it is a person the pronoun's phrase belongs to ("Президент и его супруга");
    any other noun may ("В целях модернизации экономики ... её диверсификации").
    """
    if "NOUN" not in parse.tag:
        return False
    person = "anim" in parse.tag or bool({"Name", "Surn"} & parse.tag.grammemes)
    return person or "nomn" not in parse.tag


def _personal(parse: Any, before: list[str]) -> bool:
    """A third-person pronoun whose antecedent is not among the words ``before`` it.

    A subject pronoun ("он посетит") never has its antecedent in its own clause;
    an oblique one may ("Президент и его супруга").
    """
    if not ({"NPRO", "3per"} <= parse.tag.grammemes):
        return False
    if "nomn" in parse.tag:
        return True
    nouns = (p for p in (_parses(w)[0] for w in before) if _antecedent(p))
    return not any(_agrees(parse, noun) for noun in nouns)


def _demonstrative(parses: tuple[Any, ...], following: list[str], rest: str) -> bool:
    """ "этот", "тот", "это" pointing back; not "в этом году" (the present) and not
    "в том, что ..." (pointing forward to the clause it introduces)."""
    best = parses[0]
    determiner = {"Apro", "Anph", "Subx"} <= best.tag.grammemes
    noun = any("NPRO" in p.tag and p.normal_form == _DEMONSTRATIVE_NOUN for p in parses)
    if not (determiner or noun) or (determiner and best.normal_form == "который"):
        return False  # a relative pronoun refers inside its own sentence
    if not following:
        return not _subordinate(rest)
    return _parses(following[0])[0].normal_form not in _PRESENT


def _leans_by_word(tokens: list[str], clause: str) -> bool:
    """ "Еще одной отраслью ...", "Другим направлением ...", "Цифра в шесть процентов ...":
    another one of a list, or the figure, that a sentence before has named; "Документ уже
    введен в действие": the document it named; "И, надо сказать, ...": the sentence before
    goes on."""
    first = _parses(tokens[0])[0].normal_form
    if first in _LEANING_FIRST:
        return True
    if first == "и" and len(tokens) == 1 and not clause.strip()[1:].strip():
        return True
    second = _parses(tokens[1])[0] if len(tokens) > 1 else None
    if first == "документ" and second is not None:
        # "Документ уже введен в действие": which one?  Not "Документ о партнерстве ...".
        return not ("PREP" in second.tag or {"NOUN", "gent"} in second.tag)
    return first == "ещё" and second is not None and second.normal_form == "один"


def refers_back(text: str) -> bool:
    """Whether the sentence's first clause leans on something said before it."""
    for clause, rest in _clauses(text):
        # A short word cut by a period inside the clause is an abbreviation ("им. Абая").
        tokens = [
            m.group()
            for m in WORD.finditer(clause)
            if not (clause[m.end() : m.end() + 1] == "." and clause[m.end() + 1 :].strip())
        ]
        for k, token in enumerate(tokens):
            if k == 0 and _leans_by_word(tokens, clause):
                return True
            if _parses(token)[0].normal_form in _AFOREMENTIONED:
                return True  # "за указанный период": the period named before
            if len(token) > _LONGEST_POINTER:
                continue  # pronouns and their kin are short words: parse only those
            parses = _parses(token)
            best = parses[0]
            # "по тому списку, который ...": the demonstrative points at the clause after it.
            forward = k >= len(tokens) - 3 and bool(_RELATIVE.match(rest))
            if _personal(best, tokens[:k]) or (
                not forward and _demonstrative(parses, tokens[k + 1 : k + 2], rest)
            ):
                return True
            if {"ADVB", "Dmns"} <= best.tag.grammemes:
                return True  # "тогда", "там": a time or place named before
            if k == 0 and "CONJ" in best.tag and best.normal_form in _ADVERSATIVE:
                return True  # "Но ...": a contrast with what the reader has not seen
    return False


def addresses_reader(text: str) -> bool:
    """Second person: a pronoun or verb form, or the possessive "ваш"."""
    for token in words(text):
        best = _parses(token)[0]
        if "2per" in best.tag or best.normal_form in ("ваш", "твой"):
            return True
    return False


def opens_with_request(text: str) -> bool:
    """The text opens with an imperative to "вы" ("Расскажите, ...", "Поясните ...")."""
    tokens = words(text)
    return bool(tokens) and {"impr", "plur"} <= _parses(tokens[0])[0].tag.grammemes
