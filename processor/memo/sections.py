"""The memo as an ordered list of sections: what both renderers (DOCX, Markdown) walk.

Order follows an analyst's brief: header block, bottom line, key points, key figures,
names, notices, the terminology appendix, a small method note, the full text last.
Every cell text is decided here, in the memo language, so the formats say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from processor.memo.content import Memo, entity_type, term_reason
from processor.memo.figures import figure_row
from processor.memo.labels import LANGUAGE_COLUMNS, counted, label
from processor.memo.speakers import with_speaker

TextStyle = Literal["body", "bullet", "lead", "note", "subheading"]


@dataclass(frozen=True)
class Text:
    text: str
    style: TextStyle = "body"


@dataclass(frozen=True)
class Table:
    """A table; ``widths`` are fractions of the text width. ``fields``: label | value rows,
    no header row."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    fields: bool = False


Block = Text | Table


@dataclass(frozen=True)
class Section:
    key: str
    heading: str | None
    blocks: tuple[Block, ...]


def _fields(rows: list[tuple[str, str]], small: bool = False) -> Table:
    return Table(("", ""), tuple(rows), (0.26, 0.74) if not small else (0.22, 0.78), fields=True)


def _names(memo: Memo) -> Table:
    lang = memo.language
    header = (*LANGUAGE_COLUMNS.values(), label("type", lang))
    rows = tuple((e.ru, e.en, e.kk, entity_type(e, lang)) for e in memo.entities)
    return Table(header, rows, (0.28, 0.27, 0.28, 0.17))


def _figures(memo: Memo) -> Table:
    lang = memo.language
    header = (label("figure", lang), label("what", lang), label("sentence", lang))
    rows = tuple(figure_row(item.text, lang) for item in memo.key_figures)
    return Table(header, rows, (0.23, 0.23, 0.54))


def _terminology(memo: Memo) -> list[Block]:
    lang = memo.language
    problems = memo.problem_terms
    blocks: list[Block] = []
    if problems:
        header = (
            label("term", lang),
            label("expected", lang),
            label("occurrences", lang),
            label("lost", lang),
            label("reason", lang),
        )
        rows = tuple(
            (
                t.source,
                t.term,
                str(t.occurrences),
                f"{t.missing} / {t.translated}" if t.translated else "—",
                term_reason(t, lang),
            )
            for t in problems
        )
        blocks.append(Table(header, rows, (0.22, 0.22, 0.1, 0.12, 0.34)))
    rest = memo.checked_ok
    if rest:
        key = "terms_ok" if problems else "terms_all_ok"
        blocks.append(Text(label(key, lang, terms=counted(rest, "term", lang)), "note"))
    return blocks


def sections(memo: Memo) -> list[Section]:
    """Every section the memo shows, in order; empty sections are left out."""
    lang = memo.language
    out = [Section("header", None, (_fields(memo.header_rows()),))]
    if memo.bottom_line:
        lead = " ".join(
            with_speaker(item.text, item.source_text, item.speaker) for item in memo.bottom_line
        )
        out.append(Section("bottom_line", label("bottom_line", lang), (Text(lead, "lead"),)))
    shown = {item.sentence_ids for item in memo.bottom_line}
    # Neither the bottom line nor the subject is said twice.
    rest = [
        item
        for item in memo.key_points
        if item.sentence_ids not in shown and item.text.rstrip(".") != memo.title
    ]
    if rest:
        bullets = tuple(
            Text(with_speaker(item.text, item.source_text, item.speaker), "bullet") for item in rest
        )
        out.append(Section("key_points", label("key_points", lang), bullets))
    if memo.key_figures:
        out.append(Section("key_figures", label("key_figures", lang), (_figures(memo),)))
    if memo.entities:
        out.append(Section("entities", label("entities", lang), (_names(memo),)))
    if memo.notices:
        notes = tuple(Text(n, "bullet") for n in memo.notices)
        out.append(Section("notices", label("notices", lang), notes))
    if memo.problem_terms or memo.checked_ok:
        out.append(Section("terminology", label("terminology", lang), tuple(_terminology(memo))))
    out.append(Section("method", label("method", lang), (_fields(memo.method_rows(), True),)))
    if memo.full_text is not None:
        out.append(Section("full_text", label("full_text", lang), tuple(_full_text(memo))))
    return out


def _full_text(memo: Memo) -> list[Block]:
    blocks: list[Block] = []
    for kind, text in memo.full_text or []:
        style: TextStyle = (
            "subheading"
            if kind in ("title", "heading")
            else "bullet"
            if kind == "list_item"
            else "body"
        )
        blocks.append(Text(text, style))
    return blocks
