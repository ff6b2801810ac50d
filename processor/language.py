"""Which language a text is in, and refusing sources that are not Russian.

Detection is cheap, offline and dependency-free: it looks at scripts and
shares, never at mere presence, because Russian news routinely quotes Kazakh
names ("Мәжіліс", "Қасым-Жомарт") and English brands.
"""

from __future__ import annotations

import re
from collections import Counter

from processor.errors import LanguageError
from processor.model import Document

# Letters of the Kazakh alphabet that Russian does not have.
KAZAKH_LETTERS = "әғқңөұүһі"
# Ukrainian/Belarusian letters: Cyrillic but neither Russian nor Kazakh.
_OTHER_CYRILLIC = "їєґў"

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")

_ENGLISH_WORDS = frozenset(
    "the of and to in is that for on with as was by it at from are be this has have "
    "an or not which will said its were their but he she they his her after".split()
)
# Russian prepositions, conjunctions and pronouns: everywhere in Russian, absent
# from Kazakh (which has postpositions), so Kazakh names quoted in Russian prose
# never outweigh them.
_RUSSIAN_WORDS = frozenset(
    "и в во не на что с со по это как а к из у за о об от для до но же ли бы был была "
    "было были который которая которое которые которых его её ее их он она они мы вы "
    "при после также так только уже или".split()
)
_KAZAKH_WORDS = frozenset(
    "және мен бен пен үшін бұл осы деп туралы бойынша болып болды еді жылы "
    "ол олар біз бір да де та те ғана тиіс керек".split()
)

LANGUAGE_NAMES = {"ru": "Russian", "kk": "Kazakh", "en": "English", "und": "undetermined"}

# Below this many letters a text is too short to call; never refuse on it.
MIN_LETTERS = 20
# A text is Kazakh when this share of its Cyrillic words carry a Kazakh letter
# (typical Kazakh prose: 40-60%; Russian quoting Kazakh names: a few percent).
KAZAKH_WORD_SHARE = 0.15
# ...and Kazakh letters make up at least this share of its Cyrillic letters.
KAZAKH_LETTER_SHARE = 0.02
ENGLISH_WORD_SHARE = 0.08


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _is_latin(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or "\u00c0" <= ch <= "\u024f")


def detect_language(text: str) -> str:
    """Return ``"ru"``, ``"kk"``, ``"en"`` or ``"und"`` (no letters, or another language)."""
    lowered = text.lower()
    cyrillic = sum(1 for ch in lowered if _is_cyrillic(ch))
    latin = sum(1 for ch in lowered if _is_latin(ch))
    if cyrillic + latin == 0:
        return "und"
    words = _WORD.findall(lowered)
    if cyrillic >= latin:
        cyr_words = [w for w in words if any(_is_cyrillic(ch) for ch in w)]
        kk_letters = sum(1 for ch in lowered if ch in KAZAKH_LETTERS)
        kk_words = sum(1 for w in cyr_words if any(ch in KAZAKH_LETTERS for ch in w))
        kk_words += sum(1 for w in cyr_words if w in _KAZAKH_WORDS)
        word_share = kk_words / max(len(cyr_words), 1)
        russian_share = sum(1 for w in cyr_words if w in _RUSSIAN_WORDS) / max(len(cyr_words), 1)
        if (
            word_share >= KAZAKH_WORD_SHARE
            and kk_letters / cyrillic >= KAZAKH_LETTER_SHARE
            and word_share > 2 * russian_share
        ):
            return "kk"
        other = sum(1 for ch in lowered if ch in _OTHER_CYRILLIC)
        if other / cyrillic >= 0.005:
            return "und"  # Ukrainian or Belarusian
        return "ru"
    latin_words = [w for w in words if all(_is_latin(ch) or ch in "-'" for ch in w)]
    english = sum(1 for w in latin_words if w in _ENGLISH_WORDS)
    if english / max(len(latin_words), 1) >= ENGLISH_WORD_SHARE:
        return "en"
    return "und"


def _letter_count(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _refusal(detected: str, text: str, expected: str) -> str:
    want = LANGUAGE_NAMES.get(expected, expected)
    if detected == "kk":
        counts = Counter(ch for ch in text.lower() if ch in KAZAKH_LETTERS)
        letters = ", ".join(ch for ch, _ in counts.most_common(3))
        looks = f"text looks Kazakh, not {want} (Kazakh letters {letters}...)"
    elif detected == "und":
        looks = f"text does not look {want}"
    else:
        looks = f"text looks {LANGUAGE_NAMES.get(detected, detected)}, not {want}"
    flag = detected if detected != "und" else "LANG"
    return (
        f"{looks}; processor briefs {want} sources — pass --source-lang {flag} to process it anyway"
    )


def check_source_language(doc: Document, declared: str | None, *, expected: str = "ru") -> None:
    """Set ``doc.language``; raise :class:`LanguageError` if the text is not ``expected``.

    A ``declared`` language is trusted as is: the user knows their file.
    """
    if declared:
        doc.language = declared
        return
    # The first ~50k characters tell the language as well as a whole book would.
    text = (" ".join(p.text for p in doc.body) or doc.text)[:50_000]
    detected = detect_language(text)
    if detected == expected or (detected == "und" and _letter_count(text) < MIN_LETTERS):
        # Too short to tell is not a reason to refuse.
        doc.language = expected
        return
    doc.language = detected
    path = "<stdin>" if doc.meta.path == "-" else doc.meta.path
    raise LanguageError(_refusal(detected, text, expected), path=path)
