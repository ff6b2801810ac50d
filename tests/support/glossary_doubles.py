"""Translation engines with known behaviour, for testing how glossary terms are held.

Each implements the Translator protocol.  They "translate" word by word: words in a
tiny lexicon become the lexicon's rendering, other Cyrillic words are romanized (en)
or passed through (kk), and placeholder tokens (``ZX1``) are handled the way each
double's name says.  Deterministic, so every test knows what the engine did.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from processor.glossary.romanize import romanize

_TOKEN = re.compile(r"ZX\d+|\w+(?:-\w+)*|\s+|[^\w\s]", re.UNICODE)
_PLACEHOLDER = re.compile(r"^ZX(\d+)$")

# What a naive engine writes for names it sees (known wrong spellings included).
WRONG_EN = {"токаев": "Tokaev", "токаева": "Tokaev", "токаеву": "Tokaev", "токаевым": "Tokaev"}
WRONG_KK = {
    "токаев": "Токаев",
    "токаева": "Токаевтің",  # wrong stem and wrong harmony: both must be fixed
    "токаеву": "Токаевқа",
    "токаевым": "Токаевпен",
}


class LexiconEngine:
    """Copies placeholders perfectly; other words through the lexicon or romanized."""

    lexicon_en: ClassVar[dict[str, str]] = {
        "президент": "president",
        "встретился": "met",
        "с": "with",
    }
    lexicon_kk: ClassVar[dict[str, str]] = {"президент": "президент", "встретился": "кездесті"}

    def __init__(self, source: str = "ru", target: str = "en"):
        self.source = source
        self.target = target
        self.calls: list[list[str]] = []

    def describe(self) -> str:
        return f"{type(self).__name__} {self.source}->{self.target} (test double)"

    def translate(self, sentences: Sequence[str]) -> list[str]:
        self.calls.append(list(sentences))
        return [self.sentence(s) for s in sentences]

    def sentence(self, text: str) -> str:
        tokens = _TOKEN.findall(text)
        placeholders = [t for t in tokens if _PLACEHOLDER.match(t)]
        out: list[str] = []
        seen = 0
        for tok in tokens:
            if _PLACEHOLDER.match(tok):
                out.append(self.placeholder(tok, seen, placeholders))
                seen += 1
            elif tok[:1].isalpha():
                out.append(self.word(tok))
            else:
                out.append(tok)
        return "".join(out)

    def placeholder(self, token: str, index: int, all_tokens: list[str]) -> str:
        return token

    def word(self, word: str) -> str:
        lexicon = self.lexicon_en if self.target == "en" else self.lexicon_kk
        low = word.lower()
        if low in lexicon:
            rendered = lexicon[low]
            return rendered[:1].upper() + rendered[1:] if word[:1].isupper() else rendered
        return romanize(word) if self.target == "en" else word


class DroppingEngine(LexiconEngine):
    """Loses the first placeholder of every sentence."""

    def placeholder(self, token: str, index: int, all_tokens: list[str]) -> str:
        return "" if index == 0 else token


class CaseChangingEngine(LexiconEngine):
    """Lower-cases placeholders (zx1)."""

    def placeholder(self, token: str, index: int, all_tokens: list[str]) -> str:
        return token.lower()


class ReorderingEngine(LexiconEngine):
    """Writes the placeholders in reverse order."""

    def placeholder(self, token: str, index: int, all_tokens: list[str]) -> str:
        return all_tokens[len(all_tokens) - 1 - index]


class ManglingEngine(LexiconEngine):
    """Breaks placeholders with spaces and punctuation (``# Z X - 1 #``, ``zx 2``)."""

    def placeholder(self, token: str, index: int, all_tokens: list[str]) -> str:
        n = token[2:]
        return f"# Z X-{n} #" if index % 2 == 0 else f"zx {n}"


class WrongSpellingEngine(LexiconEngine):
    """Garbles placeholders beyond recognition and spells Токаев the wrong way (Tokaev)."""

    def placeholder(self, token: str, index: int, all_tokens: list[str]) -> str:
        return "Zeks"

    def word(self, word: str) -> str:
        table = WRONG_EN if self.target == "en" else WRONG_KK
        return table.get(word.lower()) or super().word(word)


class SuffixingEngine(LexiconEngine):
    """Kazakh: attaches a case suffix to the placeholder, always with front harmony.

    ``suffix`` is glued (``ZX1тің``) or hyphenated (``ZX1-тің``); the held result must keep
    the engine's case but fix harmony and consonant class for the real name.
    """

    def __init__(self, suffix: str = "тің", *, hyphen: bool = False):
        super().__init__("ru", "kk")
        self.suffix = suffix
        self.hyphen = hyphen

    def placeholder(self, token: str, index: int, all_tokens: list[str]) -> str:
        return token + ("-" if self.hyphen else "") + self.suffix


class SilentEngine(LexiconEngine):
    """Drops placeholders and every name: the terms are simply not in its output."""

    def placeholder(self, token: str, index: int, all_tokens: list[str]) -> str:
        return ""

    def word(self, word: str) -> str:
        return "" if word[:1].isupper() else super().word(word)
