"""Key figures as table rows: the figure, what it measures, and its sentence.

Works on the memo language's text (digits are the same in ru, en and kk), so a
translated memo shows the figure as its translation wrote it.
"""

from __future__ import annotations

import re

_SCALE = (
    r"тыс\.|тысяч\w*|млн|миллион\w*|млрд|миллиард\w*|трлн|триллион\w*|"
    r"thousand|million|billion|trillion|мың|"
    r"bn|mln"
)
_UNIT = (
    r"%|процент\w*|пайыз\w*|percent|"
    r"доллар\w*|dollars?|USD|\$|тенге|теңге|tenge|евро|euros?|рубл\w*|roubles?|rubles?|"
    r"тонн\w*|тонна\w*|tonnes?|tons?|баррел\w*|barrels?|км|km|"
    r"лет|год\w*|years?|жыл\w*"
)
_NUMBER = r"\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?"
FIGURE = re.compile(
    rf"(?:[$€₸]\s?)?{_NUMBER}(?:\s?(?:{_SCALE}))?(?:\s?(?:{_UNIT}))?(?![\w])", re.IGNORECASE
)
# Short words that end a context phrase badly ("на сумму свыше", "почти", "of").
_TAIL = {
    "ru": set(
        "в на до около почти свыше более менее это сумму с по за к и а — – составил составила "
        "составило составили превысил превысила порядка примерно уже лишь".split()
    ),
    "en": set(
        "of to at about nearly over is was were the a an by in on and more than some almost "
        "around totalled reached exceeded amounted worth".split()
    ),
    "kk": set("және шамамен жуық астам бұл — –".split()),
}
# Parenthetical asides that never say what a figure measures.
_ASIDES = {
    "если не ошибаюсь",
    "по-моему",
    "например",
    "в частности",
    "кстати",
    "безусловно",
    "конечно",
    "по оценкам",
    "for example",
    "in particular",
    "of course",
    "мысалы",
}
_CONTRAST = {"но", "однако", "but", "however", "бірақ", "алайда"}
_WHAT_WORDS = 9


def _is_year(text: str) -> bool:
    """A year ("2029", "2029 году", "2020-2030"): a date, not a quantity."""
    number = re.match(r"[\d\s\u00a0.,-]+", text)
    digits = number.group().strip() if number else ""
    rest = text[len(number.group()) :].strip() if number else text
    is_year_word = not rest or re.match(r"(год|year|жыл)", rest, re.IGNORECASE) is not None
    return bool(re.fullmatch(r"(19|20)\d\d(-(19|20)\d\d)?", digits)) and is_year_word


def figures_in(text: str) -> list[str]:
    """The figures of a sentence, in order: "55 миллиардов долларов", "80%"."""
    found = []
    for match in FIGURE.finditer(text):
        value = match.group().strip()
        # A bare year or day number is a date, not a key figure, unless nothing else is.
        if _is_year(value) or re.fullmatch(r"\d{1,2}", value):
            continue
        found.append(value)
    return found or [m.group().strip() for m in FIGURE.finditer(text)][:1]


def what_of(text: str, figure: str, language: str) -> str:
    """A few words before the figure, inside its clause: what the figure measures."""
    at = text.find(figure)
    if at < 0:
        return ""
    tail = _TAIL.get(language, set())
    found: list[str] = []
    nearest: list[str] = []
    # The clause the figure stands in; when it says nothing ("– это почти 80%", "Он
    # составил, если не ошибаюсь, 4,2 млрд"), the clauses before it, back to the item's start.
    for clause in reversed(re.split(r"[,;:()]|\s[–—-]\s|(?<=[.!?])\s+", text[:at])):
        words = clause.split()
        if clause.strip().lower() in _ASIDES or (words and words[0].lower() in _CONTRAST):
            continue  # an aside, or a "but …" clause: the subject is further back
        while words and words[-1].lower() in tail:
            words.pop()
        while words and (words[0].lower() in tail or words[0][:1].isdigit()):
            words.pop(0)
        nearest = nearest or words
        if len(words) >= 2:
            found = words
            break
    if not found:
        after = re.split(r"[,;:.()]", text[at + len(figure) :])[0].split()
        found = nearest or [w for w in after if w.lower() not in tail]
    return " ".join(found[-_WHAT_WORDS:]).strip(" .,")


def figure_row(text: str, language: str) -> tuple[str, str, str]:
    """(figure, what, sentence) for one key-figure item; figures joined one a line."""
    figures = figures_in(text)
    if not figures:
        return "", "", text
    return "\n".join(figures[:3]), what_of(text, figures[0], language), text
