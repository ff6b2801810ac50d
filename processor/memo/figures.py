"""Key figures as table rows: one figure, what it measures, its sentence once.

Figures are read from the source (:func:`processor.summarize.figures.key_figures`), never
from the translation: a model that drops or mangles a number ("000000") cannot change the
figure column, and a translated sentence that lost the figure is flagged in the row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from processor.summarize.figures import Figure

# Scale and unit words of a Russian figure in the memo languages (en, kk).
_WORDS = (
    (r"тыс\.|тысяч\w*", "thousand", "мың"),
    (r"млн|миллион\w*", "million", "млн"),
    (r"млрд|миллиард\w*", "billion", "млрд"),
    (r"трлн|триллион\w*", "trillion", "трлн"),
    (r"доллар\w*|долл\.", "dollars", "доллар"),
    (r"тенге", "tenge", "теңге"),
    (r"евро", "euros", "еуро"),
    (r"рубл\w*", "roubles", "рубль"),
    (r"процент\w*", "percent", "пайыз"),
    (r"тонн\w*", "tonnes", "тонна"),
    (r"баррел\w*", "barrels", "баррель"),
    (r"гектар\w*", "hectares", "гектар"),
    (r"лет|год\w*", "years", "жыл"),
    (r"месяц\w*", "months", "ай"),
    (r"человек", "people", "адам"),
)


@dataclass(frozen=True)
class FigureRow:
    """One row of the Key figures table, in the memo language."""

    figure: str
    what: str
    context: str
    lost: bool = False  # the translated sentence does not state the figure's number


def what_key(index: int) -> str:
    """The key under which a figure's "what" phrase is sent for translation."""
    return f"figure.what.{index}"


def localize(figure: str, language: str) -> str:
    """The source figure in the memo language: the number as written (decimal point in
    English), scale and unit words in the memo language."""
    if language == "ru":
        return figure
    column = 1 if language == "en" else 2
    text = figure.replace(",", ".") if language == "en" else figure
    for pattern, *words in _WORDS:
        text = re.sub(rf"(?<=[\d\s]){pattern}(?!\w)", words[column - 1], text, flags=re.I)
    return text


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def stated(figure: str, translated: str) -> bool:
    """Whether a translated sentence still states the figure's number ("4,2" = "4.2",
    "2 000" = "2,000"); "000000" or a dropped number is not."""
    number = re.match(r"[$€₸]?\s?(\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?)", figure)
    wanted = _digits(number.group(1)) if number else _digits(figure)
    found = re.findall(r"\d+(?:[ \u00a0.,]\d+)*", translated)
    return any(_digits(n) == wanted for n in found)


def figure_rows(
    figures: Sequence[Figure], language: str, translations: Mapping[str, str] | None
) -> list[FigureRow]:
    """The table's rows: each source figure once, its sentence in the memo language."""
    rows = []
    for i, figure in enumerate(figures):
        if translations is None:
            rows.append(FigureRow(figure.text, figure.what, _tidy(figure.sentence)))
            continue
        context = _tidy(translations.get(figure.sentence_id, ""))
        what = _tidy(translations.get(what_key(i), "")) if figure.what else ""
        lost = not stated(figure.text, context)
        rows.append(FigureRow(localize(figure.text, language), what, context, lost))
    return rows


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
