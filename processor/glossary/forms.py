"""Every inflected Russian form of a glossary entry, generated once when the matcher is built.

Lemmatizing the text word by word is both slow and wrong for names (pymorphy's first
parse of ``Токаеву`` is ``токаева``, of ``Акорды`` is ``акорд``).  Instead each entry is
inflected in all six cases and both numbers: adjectives agree with their head noun,
words after the head (``банк Казахстана``) stay fixed, person names inflect every part
(surnames in -ов/-ев/-ин by the surname paradigm), unknown proper nouns by their
ending, indeclinable and all-caps words stay as written, and a hyphenated compound
inflects its last part (``Самрук-Казыны``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

RU_CASES: tuple[str, ...] = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NUMBERS: tuple[str, ...] = ("sing", "plur")
# pymorphy's second genitive / locative (чаю, в лесу) count as the main ones.
_CASE_ALIAS = {"gen2": "gent", "gen1": "gent", "loc2": "loct", "loc1": "loct", "acc2": "accs"}

# Words of letters/digits; hyphenated compounds, web names (Zakon.kz, NUR.KZ) and "+" formats
# (С5+1, ОПЕК+) stay one token, so such names can be glossary entries at all.
TOKEN_RE = re.compile(r"\w+(?:[-‐‑]\w+|\.(?:[a-z]{2,6}|[A-Z]{2,6})\b|\+\d*)*", re.UNICODE)
# One kind of hyphen, ё as е, and Kazakh letters as their Russian look-alikes: the press
# writes "Самрук-Қазына" as well as "Самрук-Казына".
_HYPHENS = str.maketrans(
    {"‐": "-", "‑": "-", "ё": "е", "Ё": "Е"}
    | dict(zip("қғңұүөәіһҚҒҢҰҮӨӘІҺ", "кгнууоаихКГНУУОАИХ", strict=True))
)
_HARD_TO_I = set("гкхжшщч")  # after these Russian writes и, not ы
_HUSH = set("жшщчц")  # after these an unstressed о becomes е
_INDECLINABLE_END = set("оеиуюэы")


def normalize(token: str) -> str:
    """Matching key of a token: lower case, ё -> е, one kind of hyphen, Kazakh letters as
    their Russian look-alikes, and the root қазақ as Russian writes it, казах, not казак
    ("Қазақстан темір жолы" in Russian text is the entry "Казахстан темир жолы")."""
    return token.lower().replace("қазақ", "казах").translate(_HYPHENS)


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, stop, token) for words of letters/digits, hyphenated compounds kept whole."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


@dataclass(frozen=True)
class Form:
    """One surface form of an entry: its normalized tokens and what case/number they are."""

    tokens: tuple[str, ...]
    cases: frozenset[str]
    number: str
    # Singular adjective(s) + plural head ("Кызылординской областях"): valid only after
    # another coordinated adjective ("в Туркестанской и Кызылординской областях").
    coordinated: bool = False
    # Index of the first token after the adjectives (the head noun), for coordination.
    head: int = 0


def _morph() -> Any:
    from processor.morphology import analyzer

    return analyzer()


def _case_of(tag: Any) -> str | None:
    case = tag.case
    return _CASE_ALIAS.get(case, case) if case else None


def _is_abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) >= 2
        and sum(c.isupper() for c in letters) >= len(letters) - 1
        and (letters[-1].isupper())
    )


# ---------------------------------------------------------------------------------------------
# rule-based paradigms for words pymorphy does not know


def _i_or_y(stem: str) -> str:
    return "и" if stem[-1:].lower() in _HARD_TO_I else "ы"


def _o_or_e(stem: str) -> str:
    return "е" if stem[-1:].lower() in _HUSH else "о"


def _surname_forms(word: str, female: bool) -> dict[tuple[str, str], set[str]]:
    """Russian-style surnames: Токаев, Токаева, Токаеву, Токаевым, Токаеве; Токаевы, Токаевых."""
    low = word.lower()
    stem = word[:-1] if low.endswith("а") else word
    if female:
        sing = {"nomn": "а", "gent": "ой", "datv": "ой", "accs": "у", "ablt": "ой", "loct": "ой"}
    else:
        sing = {"nomn": "", "gent": "а", "datv": "у", "accs": "а", "ablt": "ым", "loct": "е"}
    plur = {"nomn": "ы", "gent": "ых", "datv": "ым", "accs": "ых", "ablt": "ыми", "loct": "ых"}
    out: dict[tuple[str, str], set[str]] = {}
    for case in RU_CASES:
        out[(case, "sing")] = {stem + sing[case]}
        out[(case, "plur")] = {stem + plur[case]}
    return out


def _rule_noun_forms(word: str) -> dict[tuple[str, str], set[str]]:
    """Declension of an unknown noun by its ending (Акорда, Казына, Жомарт, Мажилис)."""
    low = word.lower()
    out: dict[tuple[str, str], set[str]] = {}

    def put(sing: dict[str, list[str]], plur: dict[str, list[str]], stem: str) -> None:
        for case in RU_CASES:
            out.setdefault((case, "sing"), set()).update(stem + e for e in sing[case])
            out.setdefault((case, "plur"), set()).update(stem + e for e in plur[case])

    if low[-1:] == "а":
        s = word[:-1]
        iy, oe = _i_or_y(s), _o_or_e(s)
        put(
            {"nomn": ["а"], "gent": [iy], "datv": ["е"], "accs": ["у"],
             "ablt": [oe + "й", "ою"], "loct": ["е"]},
            {"nomn": [iy], "gent": [""], "datv": ["ам"], "accs": [iy, ""],
             "ablt": ["ами"], "loct": ["ах"]},
            s,
        )  # fmt: skip
    elif low[-1:] == "я":
        s = word[:-1]
        dl = "и" if low.endswith("ия") else "е"
        put(
            {"nomn": ["я"], "gent": ["и"], "datv": [dl], "accs": ["ю"], "ablt": ["ей", "ею"],
             "loct": [dl]},
            {"nomn": ["и"], "gent": ["й", "ь"], "datv": ["ям"], "accs": ["и"], "ablt": ["ями"],
             "loct": ["ях"]},
            s,
        )  # fmt: skip
    elif low[-1:] == "й":
        s = word[:-1]
        lc = "и" if low.endswith("ий") else "е"
        put(
            {"nomn": ["й"], "gent": ["я"], "datv": ["ю"], "accs": ["й", "я"], "ablt": ["ем"],
             "loct": [lc]},
            {"nomn": ["и"], "gent": ["ев"], "datv": ["ям"], "accs": ["и", "ев"],
             "ablt": ["ями"], "loct": ["ях"]},
            s,
        )  # fmt: skip
    elif low[-1:] == "ь":
        s = word[:-1]
        # Masculine (Иртышь is not a word, but Чуль, Кремль) or feminine (Обь): allow both.
        put(
            {"nomn": ["ь"], "gent": ["я", "и"], "datv": ["ю", "и"], "accs": ["ь", "я"],
             "ablt": ["ем", "ём", "ью"], "loct": ["е", "и"]},
            {"nomn": ["и"], "gent": ["ей"], "datv": ["ям"], "accs": ["и", "ей"],
             "ablt": ["ями"], "loct": ["ях"]},
            s,
        )  # fmt: skip
    elif low[-1:].isalpha() and low[-1:] not in _INDECLINABLE_END:
        s = word
        iy, oe = _i_or_y(s), _o_or_e(s)
        gpl = "ей" if low[-1:] in "жшщч" else oe + "в"
        put(
            {"nomn": [""], "gent": ["а"], "datv": ["у"], "accs": ["", "а"], "ablt": [oe + "м"],
             "loct": ["е"]},
            {"nomn": [iy], "gent": [gpl], "datv": ["ам"], "accs": [iy, gpl], "ablt": ["ами"],
             "loct": ["ах"]},
            s,
        )  # fmt: skip
    else:
        for case in RU_CASES:
            for number in NUMBERS:
                out[(case, number)] = {word}
    return out


def _same_case(word: str) -> dict[tuple[str, str], set[str]]:
    return {(c, n): {word} for c in RU_CASES for n in NUMBERS}


# ---------------------------------------------------------------------------------------------
# pymorphy-based paradigms for dictionary words


def _lexeme_table(
    parse: Any, gender: str | None = None, animacy: str | None = None
) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = {}
    for form in parse.lexeme:
        tag = form.tag
        if tag.POS != parse.tag.POS:
            continue  # ADJF lexemes include short forms and comparatives
        if tag.POS == "PRTF" and (tag.voice, tag.tense) != (parse.tag.voice, parse.tag.tense):
            continue  # a participle's lexeme holds every participle of its verb
        case = _case_of(tag)
        number = tag.number
        if case is None or number is None:
            continue
        if gender and number == "sing" and tag.gender and tag.gender != gender:
            continue
        # The accusative of an adjective agrees with the noun's animacy.
        if animacy and tag.animacy and tag.animacy != animacy:
            continue
        out.setdefault((case, number), set()).add(form.word)
    return out


@lru_cache(maxsize=65536)
def _parses(word: str) -> tuple[Any, ...]:
    return tuple(_morph().parse(word))  # names repeat across entries (район, области)


def _nominative_parses(word: str, pos: set[str]) -> list[Any]:
    return [
        p
        for p in _parses(word)
        if p.tag.POS in pos and p.tag.case == "nomn" and not {"Surn", "Abbr"} & p.tag.grammemes
    ]


@lru_cache(maxsize=65536)
def _noun_table(
    word: str,
) -> tuple[dict[tuple[str, str], set[str]], str | None, str | None, str]:
    """Inflection table of a head noun, its gender and animacy (None when unknown), and
    the number of the canonical form (``plur`` for Соединенные Штаты)."""
    if "-" in word:
        prefix, _, last = word.rpartition("-")
        table, gender, animacy, number = _noun_table(last)
        table = {k: {f"{prefix}-{w}" for w in v} for k, v in table.items()}
        return table, gender, animacy, number
    if _is_abbreviation(word) or not word.isalpha():
        return _same_case(word), None, None, "sing"
    morph = _morph()
    parses = _nominative_parses(word, {"NOUN"})
    known = morph.word_is_known(word.lower())
    if parses and known:
        best = parses[0]
        number = best.tag.number or "sing"
        if "Fixd" in best.tag.grammemes:
            return _same_case(word), best.tag.gender, best.tag.animacy, number
        table = _lexeme_table(best)
        return _cased_like(table, word), best.tag.gender, best.tag.animacy, number
    if word.lower()[-1:] in _INDECLINABLE_END:
        return _same_case(word), None, None, "sing"
    gender = "femn" if word.lower()[-1:] in "ая" else "masc"
    return _rule_noun_forms(word), gender, "inan", "sing"


@lru_cache(maxsize=65536)
def _adjective_table(
    word: str, gender: str | None, animacy: str | None = None
) -> dict[tuple[str, str], set[str]] | None:
    parses = _nominative_parses(word, {"ADJF", "PRTF"})
    if gender:
        parses = [p for p in parses if p.tag.gender in (gender, None)] or parses
    if not parses and word.lower().endswith("ский") and "-" not in word and len(word) > 5:
        # pymorphy3 knows Глубоковский only as a surname: it declines like русский.
        model = _adjective_table("русский", gender, animacy) or {}
        return {k: {word[:-4] + w[3:] for w in v} for k, v in model.items()}
    if not parses:
        return None
    return _cased_like(_lexeme_table(parses[0], gender, animacy), word)


def _cased_like(
    table: dict[tuple[str, str], set[str]], model: str
) -> dict[tuple[str, str], set[str]]:
    """pymorphy answers in lower case; keep the entry's capitalization."""
    if model[:1].isupper():
        return {k: {w[:1].upper() + w[1:] for w in v} for k, v in table.items()}
    return table


@lru_cache(maxsize=65536)
def name_table(word: str, female: bool) -> dict[tuple[str, str], set[str]]:
    """A part of a person's name: first name, patronymic or surname."""
    if "-" in word:
        # Касым-Жомарт -> Касым-Жомарта: only the last part declines.
        prefix, _, last = word.rpartition("-")
        table = name_table(last, female)
        return {k: {f"{prefix}-{w}" for w in v} for k, v in table.items()}
    low = word.lower()
    if _is_abbreviation(word) or len(word) <= 2 or not word.isalpha():
        return _same_case(word)  # initials (К.-Ж.) and abbreviations stay
    if re.search(r"(ов|ев|ёв|ин|ын)$", low) and not female:
        return _surname_forms(word, female=False)
    if re.search(r"(ова|ева|ёва|ина|ына)$", low) and female:
        return _surname_forms(word, female=True)
    if re.search(r"(ский|цкий|ская|цкая)$", low):
        adjective = _adjective_table(word, "femn" if female else "masc")
        if adjective:
            return adjective
    named = [p for p in _parses(word) if {"Name", "Patr"} & p.tag.grammemes]
    parses = [p for p in named if p.tag.case == "nomn"]
    if parses:
        return _cased_like(_lexeme_table(parses[0]), word)
    if female and low[-1:] not in "ая":
        return _same_case(word)  # Russian does not decline female names on a consonant
    return _rule_noun_forms(word)


def is_female_name(words: list[str]) -> bool:
    for w in words:
        low = w.lower()
        if re.search(r"(ова|ева|ёва|ина|ына|ская|цкая|овна|евна|ична|кызы)$", low):
            return True
    return False


def _combine(
    tables: list[dict[tuple[str, str], set[str]]], key: tuple[str, str]
) -> list[list[str]]:
    return [sorted(t.get(key, set())) for t in tables]


def _product(options: list[list[str]]) -> list[tuple[str, ...]]:
    result: list[tuple[str, ...]] = [()]
    for opts in options:
        if not opts:
            return []
        result = [(*r, o) for r in result for o in opts]
        if len(result) > 64:  # guard against runaway combinations of variant spellings
            result = result[:64]
    return result


def phrase_forms(phrase: str, entry_type: str) -> list[Form]:
    """All surface forms of a Russian phrase, as normalized token tuples with their cases."""
    words = [t for _, _, t in tokenize(phrase)]
    if not words:
        return []
    if entry_type == "abbreviation" or all(_is_abbreviation(w) for w in words):
        return [Form(tuple(normalize(w) for w in words), frozenset(), "sing")]

    tables: list[dict[tuple[str, str], set[str]]]
    head = 0
    if entry_type == "person":
        female = is_female_name(words)
        tables = [name_table(w, female) for w in words]
        numbers: tuple[str, ...] = ("sing",)
    else:
        head = _find_head(words)
        head_table, gender, animacy, canonical_number = _noun_table(words[head])
        tables = []
        for w in words[:head]:
            adj = _adjective_table(w, gender, animacy)
            tables.append(adj if adj else _same_case(w))
        tables.append(head_table)
        tables.extend(_same_case(w) for w in words[head + 1 :])
        # A capitalized head is a name (Казахстан, Акорда): its plural is noise, not a form.
        if canonical_number == "plur":
            numbers = ("plur",)  # plural names stay plural: Соединенных Штатов
        elif words[head][:1].isupper():
            numbers = ("sing",)
        else:
            numbers = NUMBERS

    by_tokens: dict[tuple[tuple[str, ...], str, bool], set[str]] = {}
    for number in numbers:
        for case in RU_CASES:
            for combo in _product(_combine(tables, (case, number))):
                key = (tuple(normalize(w) for w in combo), number, False)
                by_tokens.setdefault(key, set()).add(case)
            if number == "plur" and head > 0 and canonical_number == "sing":
                # Coordination: singular adjectives with a plural head noun.
                opts = _combine(tables[:head], (case, "sing")) + _combine(
                    tables[head:], (case, "plur")
                )
                for combo in _product(opts):
                    key = (tuple(normalize(w) for w in combo), number, True)
                    by_tokens.setdefault(key, set()).add(case)
    forms = [
        Form(tokens, frozenset(cases), number, coordinated, head)
        for (tokens, number, coordinated), cases in by_tokens.items()
    ]
    # The same tokens as an ordinary form win over the coordination-only reading.
    plain = {f.tokens for f in forms if not f.coordinated}
    return [f for f in forms if not (f.coordinated and f.tokens in plain)]


def _find_head(words: list[str]) -> int:
    """Index of the head noun: the first word that is not an agreeing adjective."""
    for i, w in enumerate(words):
        if _is_abbreviation(w) or not w.replace("-", "").isalpha():
            return i
        if "-" in w and not (i < len(words) - 1 and _nominative_parses(w, {"ADJF"})):
            return i  # Самрук-Казына is a head; Северо-Казахстанская agrees with one
        adj = _nominative_parses(w, {"ADJF", "PRTF"})
        noun = _nominative_parses(w, {"NOUN"})
        if adj and not (noun and noun[0].score > adj[0].score) and i < len(words) - 1:
            continue
        guess = i < len(words) - 1 and w.lower().endswith("ский") and "-" not in w
        if guess and not ((adj or noun) and _morph().word_is_known(w.lower())):
            continue  # Глубоковский, Зайсанский район: adjectives pymorphy3 does not know
        return i
    return len(words) - 1
