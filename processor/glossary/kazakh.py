"""Kazakh case endings for glossary renderings, chosen from how the word sounds.

Kazakh is agglutinative: a name takes its case ending on the last word.  The ending
follows two things that Kazakh spelling does not always show:

* **harmony** (back a о ұ ы / front ә е ө ү і) of the last syllable actually pronounced.
  Russian surname suffixes -ов/-ев/-ёв are not pronounced as a syllable of their own:
  the stem decides (Тоқаевқа, Бектеновке, Мерғалиевке).  и is read front (Путинге,
  Каспийге, Парижге); a final soft sign makes the word front (Израильде, Кремльдің,
  Беларуське); a final у after a consonant in a loanword is front (Бакуде), in a native
  word it keeps the word's harmony (судың, Жетісуда).
* **the final sound**: vowel; sonorant л р й, the glide у and и (read ий); nasal м н ң;
  voiced ж з; voiceless (б в г д devoice at the end: Тоқаевқа).  A soft sign is silent.

Latin-script names, abbreviations and numerals are read aloud and take a hyphen
(``Air Astana-ның``, ``Chevron-ға``, ``АҚШ-тың``, ``С5+1-ге``).  A 3rd-person
possessive (``облысы``, ``банкі``, ``Елбасы``) takes the ``-н-`` endings
(``облысының``, ``Елбасына``); an agent noun in -шы/-ші (``кеңесші``) is not one.
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

BACK = set("аоұыяё")
FRONT = set("әеөүіэ")
VOWELS = BACK | FRONT | set("иую")
# Letters only Kazakh uses: a word with one of them is a native (or nativised) spelling.
_KAZAKH_LETTERS = set("әғқңөұүһі")
_LATIN_BACK = set("aou")
_LATIN_FRONT = set("ei")

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
# Plural: -лар after a vowel, р, й, у; -дар after л, м, н, ң, ж, з (елдер); -тар after
# a voiceless consonant.
_PLURAL: dict[str, tuple[str, str]] = {
    "open": ("лар", "лер"),
    "closed": ("дар", "дер"),
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

# How a final digit, tens or power of ten is read: its word decides the ending.
_UNITS = ("нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз")
_TENS = ("", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан")
_POWERS = ((9, "миллиард"), (6, "миллион"), (3, "мың"), (2, "жүз"))
_SURNAME = re.compile(r"(?<=[^\W\d_]{2})(?:ов|ев|ёв)$")
_AGENT = re.compile(r"(?:шы|ші)$")
_AGENT_POSSESSED = re.compile(r"(?:шысы|шісі)$")


def is_abbreviation(word: str) -> bool:
    """All-caps words of 2+ letters (АҚШ, ҚР, БҰҰ) are read letter by letter."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_latin(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isascii() for c in letters)


def _number_word(digits: str) -> str:
    """The Kazakh word a number is read with at its end (1 -> бір, 20 -> жиырма, 300 -> жүз)."""
    value = int(digits)
    if value == 0:
        return _UNITS[0]
    if value % 10:
        return _UNITS[value % 10]
    if value % 100:
        return _TENS[(value % 100) // 10]
    for power, word in _POWERS:
        if value % 10**power == 0:
            return word
    return "жүз"


def spoken(word: str) -> str:
    """The end of ``word`` as it is pronounced, in Kazakh Cyrillic: what decides its ending.

    A trailing number is read as a word (``С5+1`` -> ``бір``), ``+`` as ``плюс``; other
    spellings are returned lower-cased.
    """
    w = word.strip().lower()
    digits = re.search(r"(\d+)\W*$", w)
    if digits:
        return _number_word(digits.group(1))
    if w.endswith("+"):
        return "плюс"
    return w


def _latin_front(word: str) -> bool:
    for c in reversed(word.lower()):
        if c in _LATIN_FRONT:
            return True
        if c in _LATIN_BACK:
            return False
    return False


def is_front(word: str) -> bool:
    """Front (ә е ө ү і) or back harmony, from the last syllable actually pronounced."""
    w = spoken(word)
    if _is_latin(w):
        return _latin_front(w)
    letters = "".join(c for c in w if c.isalpha())
    if not letters:
        return False
    if letters[-1] == "ь":
        return True  # Израиль, Кремль, Беларусь: the soft sign is heard as a front word
    native = bool(_KAZAKH_LETTERS & set(letters))
    # Loanwords ending in a consonant cluster with к/г are read front: банк -> банктер, парк.
    if len(letters) > 2 and letters[-1] in "кг" and letters[-2] not in VOWELS:
        return True
    # Russian surnames: -ов/-ев/-ёв is not a syllable of its own, the stem decides.
    stem = _SURNAME.sub("", letters) if _SURNAME.search(letters) else letters
    if stem != letters and stem[-1:] == "и":
        return True  # Мерғалиев, Әлиев: -иев is read -иеф, front
    for i in range(len(stem) - 1, -1, -1):
        c = stem[i]
        if c in FRONT:
            return True
        if c in BACK:
            return False
        # и is read ій: front (Путин, Қарин, Париж, Каспий), except a final и of a native
        # word, which keeps the word's harmony (Мұқағали -> Мұқағалидың).
        if c == "и" and (i < len(stem) - 1 or not native):
            return True
        if c == "у" and i > 0 and stem[i - 1] not in VOWELS:
            if i < len(stem) - 1:
                return False  # у after a consonant inside a word is ұ: Голливудта, Кабулда
            # A final у after a consonant: front in a loanword (Баку -> Бакуде), the
            # word's own harmony in a native one (су -> судың, Жетісу -> Жетісуда).
            if not native and not stem.endswith("су") and len(stem) > 2:
                return True
    # No deciding vowel: к/г point to front words, otherwise back (ҚР -> ҚР-да).
    for c in reversed(letters):
        if c in "кгә":
            return True
        if c in "қғ":
            return False
    return False


def sound_class(word: str) -> str:
    """vowel | sonorant | nasal | voiced | voiceless: the last sound of ``word``."""
    w = spoken(word)
    if _is_latin(w):
        return _latin_class(w)
    letters = "".join(c for c in w if c.isalpha())
    letters = letters.rstrip("ьъ")
    c = letters[-1:]
    if c in ("у", "и"):
        return "sonorant"  # у is a glide (Мәскеудің, судың); и is read ій (Мұқағалидың)
    if c in VOWELS:
        return "vowel"
    if c in "мнң":
        return "nasal"
    if c in "лрй":
        return "sonorant"
    if c in "жз":
        return "voiced"
    return "voiceless"


def _latin_class(word: str) -> str:
    letters = [c for c in word.lower() if c.isalpha()]
    c = letters[-1] if letters else ""
    prev = letters[-2] if len(letters) > 1 else ""
    if c in "aeiou":
        return "vowel"
    if c in "yw":
        return "sonorant" if prev in "aeiou" else "vowel"
    if c in "mn":
        return "nasal"
    if c in "lr":
        return "sonorant"
    if c in "zjv":
        return "voiced"
    if c == "g":
        return "voiceless" if prev not in "n" else "nasal"
    return "voiceless"


def _plural_class(word: str) -> str:
    klass = sound_class(word)
    last = spoken(word).rstrip("ьъ")[-1:]
    if klass == "voiceless":
        return "voiceless"
    if klass == "vowel" or last in "рйуиrwy":
        return "open"
    return "closed"


def looks_possessive(phrase: str) -> bool:
    """Whether the last word carries a 3rd-person possessive: an izafet head (Қарағанды
    облысы, Ұлттық банкі) or a compound (Елбасы); not an agent noun (кеңесші, басшы)."""
    words = phrase.split()
    if not words:
        return False
    last = words[-1]
    low = last.lower()
    if is_abbreviation(last) or _is_latin(last) or low[-1:] not in ("ы", "і"):
        return False
    if _AGENT.search(low) and not _AGENT_POSSESSED.search(low):
        return False  # кеңесші, басшы: agent nouns in -шы/-ші
    if len(words) == 1:
        return low.endswith(("басы", "басшысы"))  # Елбасы: ел + бас-ы
    return True


def _needs_hyphen(word: str) -> bool:
    return is_abbreviation(word) or _is_latin(word) or bool(re.search(r"[\d+]\W*$", word))


def inflect(
    word_or_phrase: str,
    case: str,
    *,
    number: str = "sg",
    possessive: bool | None = None,
) -> str:
    """``word_or_phrase`` in the Kazakh ``case`` (one of :data:`CASES`), ending on its last word.

    ``possessive`` None decides from the form (see :func:`looks_possessive`).
    """
    if case not in CASES:
        raise ValueError(f"unknown Kazakh case {case!r}; expected one of {', '.join(CASES)}")
    phrase = word_or_phrase.strip()
    if not phrase:
        return phrase
    if possessive is None:
        possessive = looks_possessive(phrase)
    head, sep, last = phrase.rpartition(" ")
    hyphen = _needs_hyphen(last)
    stem = last
    plural = number in ("pl", "plur")
    if plural and not possessive:
        back, front = _PLURAL[_plural_class(last)]
        stem = last + ("-" if hyphen else "") + (front if is_front(last) else back)
        hyphen = False
    if case == "nominative":
        return head + sep + stem
    front_vowel = is_front(stem)
    if possessive and not plural:
        ending = _POSSESSIVE[case][1 if front_vowel else 0]
    else:
        ending = _ENDINGS[case][sound_class(stem)][1 if front_vowel else 0]
    if hyphen:
        ending = "-" + ending
    return head + sep + stem + ending


def stem_for_search(phrase: str) -> str:
    """The part of a rendering that stays the same in every case (drops a possessive vowel)."""
    if looks_possessive(phrase):
        return phrase[:-1]
    return phrase


def case_of_suffix(suffix: str) -> str | None:
    """The Kazakh case a bare suffix (``тың``, ``-ге``, ``да``) marks, or None."""
    return SUFFIX_CASE.get(suffix.lstrip("-‐").lower())
