"""Russian Cyrillic -> Latin for names outside the glossary, as Kazakhstan's official
English writes names (akorda.kz, gov.kz: Aibek, Aidarbek, Yerlan, Kairat, Tokayev).

BGN/PCGN, simplified, with the official Kazakhstani habits: й after a vowel and before a
consonant or at the end is "i" (Айбек -> Aibek, Алтай -> Altai), but "y" after и/ы
(Юрий -> Yuriy); е is "ye" at the start and after a vowel (Ерлан -> Yerlan); Kazakh
letters as their plain Latin look-alikes (Қ -> K, Ғ -> G, Ң -> N, Ұ/Ү -> U, Ә -> A).
One consistent scheme, so that an unknown person is spelled the same way in every memo.
Real people with established English names belong in the glossary.

:func:`romanize_name` renders a person: Kazakh names that the text spells with Kazakh
letters by the passport table (:data:`PASSPORT`), Western first names in their own
spelling (:data:`WESTERN_FIRST_NAMES`), others by :func:`romanize`.
"""

from __future__ import annotations

import re

_BASE: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Kazakh letters that appear in Russian texts about Kazakhstan.
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    "і": "i",
}  # fmt: skip
_VOWELS = set("аеёиоуыэюяәөұүі")
_HUSHING = set("жчшщ")


def _letter(prev: str, c: str, nxt: str = "") -> str:
    low = c.lower()
    if low not in _BASE:
        return c
    if low == "й" and prev.lower() in _VOWELS - set("иы") and nxt.lower() not in _VOWELS:
        return "i"  # Айбек -> Aibek, Кайрат -> Kairat, Алтай -> Altai
    # е/ё are iotated at the start of a word, after a vowel and after ь/ъ (Полетаев -> Poletayev).
    iotated = not prev.isalpha() or prev.lower() in _VOWELS or prev.lower() in "ьъ"
    if low == "е":
        out = "ye" if iotated else "e"
    elif low == "ё":
        out = "e" if prev.lower() in _HUSHING else "yo"
    else:
        out = _BASE[low]
    return out


def romanize(text: str) -> str:
    """Romanize Russian Cyrillic in ``text``; Latin, digits and punctuation pass through."""
    out: list[str] = []
    prev = ""
    for i, c in enumerate(text):
        nxt = text[i + 1 : i + 2]
        piece = _letter(prev, c, nxt)
        if c.isupper() and piece:
            prev_up = prev.isupper() if prev.isalpha() else False
            # All-caps words stay all caps (ООН -> OON); otherwise only the first letter.
            if (nxt.isalpha() and nxt.isupper()) or (prev_up and not nxt.isalpha()):
                piece = piece.upper()
            else:
                piece = piece[:1].upper() + piece[1:]
        out.append(piece)
        prev = c
    return "".join(out)


# Western first names in their usual Russian transcription -> their own spelling: a name
# that came into Russian from English, German or French goes back to it (Питер -> Peter,
# not "Piter"); the surname, unknown, is romanized (Ларден -> Larden).
WESTERN_FIRST_NAMES: dict[str, str] = {
    "питер": "Peter", "джон": "John", "майкл": "Michael", "дэвид": "David", "дейвид": "David",
    "джеймс": "James", "роберт": "Robert", "уильям": "William", "ричард": "Richard",
    "томас": "Thomas", "чарльз": "Charles", "кристофер": "Christopher", "дэниел": "Daniel",
    "дэниэл": "Daniel", "мэттью": "Matthew", "энтони": "Anthony", "марк": "Mark",
    "дональд": "Donald", "стивен": "Steven", "пол": "Paul", "эндрю": "Andrew", "джошуа": "Joshua",
    "кеннет": "Kenneth", "кевин": "Kevin", "брайан": "Brian", "джордж": "George",
    "тимоти": "Timothy", "рональд": "Ronald", "джейсон": "Jason", "джеффри": "Jeffrey",
    "райан": "Ryan", "джейкоб": "Jacob", "гэри": "Gary", "николас": "Nicholas", "эрик": "Eric",
    "джонатан": "Jonathan", "ларри": "Larry", "джастин": "Justin", "скотт": "Scott",
    "брэндон": "Brandon", "бенджамин": "Benjamin", "сэмюэл": "Samuel", "фрэнк": "Frank",
    "грегори": "Gregory", "рэймонд": "Raymond", "патрик": "Patrick", "джек": "Jack",
    "деннис": "Dennis", "джерри": "Jerry", "тайлер": "Tyler", "генри": "Henry",
    "дуглас": "Douglas", "натан": "Nathan", "зак": "Zach", "кайл": "Kyle", "ноа": "Noah",
    "итан": "Ethan", "джереми": "Jeremy", "кристиан": "Christian", "шон": "Sean",
    "остин": "Austin", "джо": "Joe", "джозеф": "Joseph", "хиллари": "Hillary", "камала": "Kamala",
    "марко": "Marco", "антонио": "Antonio", "эммануэль": "Emmanuel", "франсуа": "François",
    "жан": "Jean", "пьер": "Pierre", "жак": "Jacques", "шарль": "Charles", "мишель": "Michel",
    "ангела": "Angela", "олаф": "Olaf", "фридрих": "Friedrich", "урсула": "Ursula",
    "вольфганг": "Wolfgang", "ханс": "Hans", "ганс": "Hans", "клаус": "Klaus", "риши": "Rishi",
    "борис": "Boris", "тереза": "Theresa", "лиз": "Liz", "элизабет": "Elizabeth", "мэри": "Mary",
    "патриция": "Patricia", "дженнифер": "Jennifer", "линда": "Linda", "барбара": "Barbara",
    "сьюзен": "Susan", "джессика": "Jessica", "сара": "Sarah", "карен": "Karen", "нэнси": "Nancy",
    "бетти": "Betty", "сандра": "Sandra", "эшли": "Ashley", "кимберли": "Kimberly",
    "эмили": "Emily", "донна": "Donna", "кэрол": "Carol", "аманда": "Amanda", "мелани": "Melanie",
    "ребекка": "Rebecca", "лора": "Laura", "хелен": "Helen", "кэтрин": "Catherine", "кейт": "Kate",
    "энн": "Ann", "анна-мария": "Anna-Maria", "рекс": "Rex", "илон": "Elon", "билл": "Bill",
    "стив": "Steve", "тим": "Tim", "джефф": "Jeff", "сэм": "Sam", "уоррен": "Warren",
    "джей-ди": "JD", "пит": "Pete", "тулси": "Tulsi", "кристи": "Kristi", "говард": "Howard",
    "лютер": "Luther", "рик": "Rick",
}  # fmt: skip


# Kazakh names as Kazakhstan's passports write them: the Cyrillic table of ICAO Doc 9303
# (Machine Readable Travel Documents), Part 3, "Transliteration of Cyrillic characters"
# (as reproduced in docs.cntd.ru/document/420215211 and consultant.ru, "ИКАО Doc 9303 ...
# Транслитерация кириллических знаков"), with its Kazakh letters: Ә A, Ғ G, Қ K, Ң N,
# Ө O, Ұ U, Ү U, Һ KH, І I.  й, ю, я are I, IU, IA there; е and ё are E.
PASSPORT: dict[str, str] = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}  # fmt: skip
# What makes a name certainly Kazakh in a Russian text: a letter only Kazakh has, or the
# -ұлы/-қызы patronymic surname.
_KAZAKH = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]|(?:ұлы|улы|қызы|кызы)$", re.IGNORECASE)


def romanize_passport(text: str) -> str:
    """Kazakh Cyrillic as a Kazakhstani passport writes it, in name case (Нұрлан -> Nurlan)."""
    words = []
    for word in text.split(" "):
        parts = ["".join(PASSPORT.get(c.lower(), c) for c in part) for part in word.split("-")]
        words.append("-".join(p[:1].upper() + p[1:] for p in parts))
    return " ".join(words)


def is_kazakh_name(name: str) -> bool:
    """True when the Russian text itself shows the name is Kazakh (see :data:`_KAZAKH`)."""
    return any(_KAZAKH.search(word) for word in name.split())


def romanize_name(name: str) -> str:
    """A person's name in English: a Kazakh name written with Kazakh letters as in the
    passport (Әлихан Бөкейханұлы -> Alikhan Bokeikhanuly), a Western first name in its own
    spelling with the rest romanized (Питер Ларден -> Peter Larden), any other name by
    :func:`romanize` (BGN/PCGN as Kazakhstan's official English writes it)."""
    words = name.split()
    if not words:
        return name
    if is_kazakh_name(name):
        return romanize_passport(name)
    first = WESTERN_FIRST_NAMES.get(words[0].lower().replace("ё", "е"))
    if first and len(words) > 1:
        return " ".join([first, *(romanize(w) for w in words[1:])])
    return romanize(name)
