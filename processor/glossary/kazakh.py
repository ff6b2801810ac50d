"""Kazakh case endings for glossary renderings.

Kazakh is agglutinative: a name takes its case ending on the last word, chosen by
vowel harmony (back a о ұ ы / front ә е ө ү і of the last vowel) and by the last
sound (vowel; sonorant л р у й; nasal м н ң; voiced ж з; voiceless).  Words ending
in a 3rd-person possessive (``облысы``, ``банкі``) take the ``-н-`` endings
(``облысының``, ``облысына``, ``облысында``); abbreviations take a hyphen
(``АҚШ-тың``, ``ҚР-да``).
"""

from __future__ import annotations

import re

CASES: tuple[str, ...] = (
    "nominative",
    "genitive",
    "dative",
    "accusative",
    "locative",
    "ablative",
    "instrumental",
)

BACK = set("аоұыя" + "ё")
FRONT = set("әеөүіэ")
# и, у, ю are pronounced with the harmony of the word; they never decide it.
VOWELS = BACK | FRONT | set("иую")
SONORANT = set("лрйу")
NASAL = set("мнң")
VOICED = set("жз")
# б в г д devoice at the end of a word (Тоқаев -> Тоқаевқа, Тоқаевтың).
VOICELESS = set("кқпстшщфхцчбвгд")

# (back, front) endings per case and sound class.
_ENDINGS: dict[str, dict[str, tuple[str, str]]] = {
    "genitive": {
        "vowel": ("ның", "нің"),
        "nasal": ("ның", "нің"),
        "sonorant": ("дың", "дің"),
        "voiced": ("дың", "дің"),
        "voiceless": ("тың", "тің"),
    },
    "dative": {
        "vowel": ("ға", "ге"),
        "nasal": ("ға", "ге"),
        "sonorant": ("ға", "ге"),
        "voiced": ("ға", "ге"),
        "voiceless": ("қа", "ке"),
    },
    "accusative": {
        "vowel": ("ны", "ні"),
        "nasal": ("ды", "ді"),
        "sonorant": ("ды", "ді"),
        "voiced": ("ды", "ді"),
        "voiceless": ("ты", "ті"),
    },
    "locative": {
        "vowel": ("да", "де"),
        "nasal": ("да", "де"),
        "sonorant": ("да", "де"),
        "voiced": ("да", "де"),
        "voiceless": ("та", "те"),
    },
    "ablative": {
        "vowel": ("дан", "ден"),
        "nasal": ("нан", "нен"),
        "sonorant": ("дан", "ден"),
        "voiced": ("дан", "ден"),
        "voiceless": ("тан", "тен"),
    },
    "instrumental": {
        "vowel": ("мен", "мен"),
        "nasal": ("мен", "мен"),
        "sonorant": ("мен", "мен"),
        "voiced": ("бен", "бен"),
        "voiceless": ("пен", "пен"),
    },
}
# After a 3rd-person possessive (облысы, банкі).
_POSSESSIVE: dict[str, tuple[str, str]] = {
    "genitive": ("ның", "нің"),
    "dative": ("на", "не"),
    "accusative": ("н", "н"),
    "locative": ("нда", "нде"),
    "ablative": ("нан", "нен"),
    "instrumental": ("мен", "мен"),
}
_PLURAL: dict[str, tuple[str, str]] = {
    "vowel": ("лар", "лер"),
    "sonorant": ("лар", "лер"),
    "nasal": ("дар", "дер"),
    "voiced": ("дар", "дер"),
    "voiceless": ("тар", "тер"),
}
# Every case suffix, for recognizing one an engine already attached.
SUFFIX_CASE: dict[str, str] = {}
for _case, _classes in _ENDINGS.items():
    for _pair in _classes.values():
        for _s in _pair:
            SUFFIX_CASE.setdefault(_s, _case)
for _case, _pair in _POSSESSIVE.items():
    for _s in _pair:
        SUFFIX_CASE.setdefault(_s, _case)
SUFFIX_CASE.update({"нда": "locative", "нде": "locative", "н": "accusative"})

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def is_abbreviation(word: str) -> bool:
    """All-caps words of 2+ letters (АҚШ, ҚР, БҰҰ) are read letter by letter."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_front(word: str) -> bool:
    """Front (ә е ө ү і) or back harmony, from the last deciding vowel."""
    w = word.lower()
    # Loanwords ending in a consonant cluster with к/г are read front: банк -> банктер, парк.
    if len(w) > 2 and w[-1] in "кг" and w[-2] not in VOWELS and w[-2].isalpha():
        return True
    # Russian-style surnames in -ев/-ёв (Тоқаев) follow the vowel before the suffix.
    if len(w) > 3 and w[-2:] in ("ев", "ёв") and any(c in VOWELS for c in w[:-2]):
        w = w[:-2]
    for c in reversed(w):
        if c in FRONT:
            return True
        if c in BACK:
            return False
    # No deciding vowel: к/г point to front words, otherwise back (ҚР -> ҚР-да).
    for c in reversed(w):
        if c in "кгә":
            return True
        if c in "қғ":
            return False
    return False


def sound_class(word: str) -> str:
    """vowel | sonorant | nasal | voiced | voiceless, of the word's last letter."""
    w = word.lower()
    c = w[-1:]
    if c == "у" and len(w) > 1 and w[-2] in VOWELS:
        return "sonorant"  # Мәскеу -> Мәскеудің: у after a vowel is a glide
    if c in VOWELS:
        return "vowel"
    if c in NASAL:
        return "nasal"
    if c in SONORANT:
        return "sonorant"
    if c in VOICED:
        return "voiced"
    return "voiceless"


def looks_possessive(phrase: str) -> bool:
    """A multi-word name ending in -ы/-і (Қарағанды облысы, Ұлттық банкі) is an izafet."""
    words = phrase.split()
    return (
        len(words) > 1 and words[-1].lower()[-1:] in ("ы", "і") and not is_abbreviation(words[-1])
    )


def inflect(
    word_or_phrase: str,
    case: str,
    *,
    number: str = "sg",
    possessive: bool | None = None,
) -> str:
    """``word_or_phrase`` in the Kazakh ``case`` (one of :data:`CASES`), ending on its last word.

    ``possessive`` None guesses from the form (see :func:`looks_possessive`).
    """
    if case not in CASES:
        raise ValueError(f"unknown Kazakh case {case!r}; expected one of {', '.join(CASES)}")
    phrase = word_or_phrase.strip()
    if not phrase:
        return phrase
    if possessive is None:
        possessive = looks_possessive(phrase)
    head, sep, last = phrase.rpartition(" ")
    abbreviation = is_abbreviation(last)
    stem = last
    if number in ("pl", "plur") and not possessive:
        back, front = _PLURAL[sound_class(last)]
        stem = last + ("-" if abbreviation else "") + (front if is_front(last) else back)
        abbreviation = False
    if case == "nominative":
        return head + sep + stem
    front = is_front(stem)
    if possessive and number not in ("pl", "plur"):
        ending = _POSSESSIVE[case][1 if front else 0]
    else:
        ending = _ENDINGS[case][sound_class(stem)][1 if front else 0]
    if abbreviation:
        ending = "-" + ending
    if stem.isupper() and not abbreviation and len(stem) > 1:
        ending = ending.upper()
    return head + sep + stem + ending


def stem_for_search(phrase: str) -> str:
    """The part of a rendering that stays the same in every case (drops a possessive vowel)."""
    if looks_possessive(phrase):
        return phrase[:-1]
    return phrase


def split_suffix(word: str, stem: str) -> str | None:
    """If ``word`` is ``stem`` plus a case suffix (with or without a hyphen), the case."""
    if not word.lower().startswith(stem.lower()):
        return None
    rest = word[len(stem) :].lstrip("-‐").lower()
    if rest == "":
        return "nominative"
    return SUFFIX_CASE.get(rest)


def case_of_suffix(suffix: str) -> str | None:
    """The Kazakh case a bare suffix (``тың``, ``-ге``, ``да``) marks, or None."""
    return SUFFIX_CASE.get(suffix.lstrip("-‐").lower())
