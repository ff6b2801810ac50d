"""The memo as an ordered list of sections: what both renderers (DOCX, Markdown) walk.

Order follows an analyst's brief: header block, bottom line, key points, key figures,
names, notices, the terminology appendix, a small method note, the full text last.
Every cell text is decided here, in the memo language, so the formats say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from processor.kazakh_latin import base_language
from processor.memo.actors import MAX_ROWS
from processor.memo.content import EntityRow, Memo, entity_type, term_notices, term_reason
from processor.memo.labels import counted, label, language_columns
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


def _names(memo: Memo) -> list[Block]:
    """The actors, at most :data:`MAX_ROWS`; the rest counted and named in one line.
    A name outside the glossary is marked "*" where its rendering is unchecked."""
    lang = memo.language
    header = (*language_columns(lang).values(), label("type", lang))
    shown, rest = memo.entities[:MAX_ROWS], memo.entities[MAX_ROWS:]
    rows = tuple(
        (e.ru, e.en, e.kk, entity_type(e, lang))
        if e.in_glossary
        else (e.ru, f"{e.en} *", f"{e.kk} *", entity_type(e, lang))
        for e in shown
    )
    blocks: list[Block] = [Table(header, rows, (0.28, 0.27, 0.28, 0.17))]
    if not all(e.in_glossary for e in shown):
        blocks.append(Text(label("romanized_mark", lang), "note"))
    if rest:
        names = ", ".join(_in_language(e, lang) for e in rest)
        blocks.append(Text(label("more_names", lang, more=len(rest), names=names), "note"))
    return blocks


def _in_language(row: EntityRow, language: str) -> str:
    # kk-latn rows are already converted (memo.script): pick by the base language.
    return {"en": row.en, "kk": row.kk}.get(base_language(language)) or row.ru


def _figures(memo: Memo) -> Table:
    lang = memo.language
    header = (label("figure", lang), label("what", lang), label("context", lang))
    rows = tuple(
        (f"{r.figure} †" if r.lost else r.figure, r.what, r.context) for r in memo.figure_rows
    )
    return Table(header, rows, (0.2, 0.25, 0.55))


def _figures_note(memo: Memo) -> list[Block]:
    """Said once under the table: a figure the translation lost or changed."""
    if not any(r.lost for r in memo.figure_rows):
        return []
    return [Text(label("figure_lost", memo.language), "note")]


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
        reasons = {row[-1] for row in rows}
        if len(rows) > 1 and len(reasons) == 1:
            # One reason for every row: said once under the table, not on each row.
            short = tuple(row[:-1] for row in rows)
            blocks.append(Table(header[:-1], short, (0.32, 0.32, 0.16, 0.2)))
            blocks.append(Text(f"{label('reason', lang)}: {reasons.pop()}.", "note"))
        else:
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
    if memo.figure_rows:
        blocks = (_figures(memo), *_figures_note(memo))
        out.append(Section("key_figures", label("key_figures", lang), blocks))
    if memo.entities:
        out.append(Section("entities", label("entities", lang), tuple(_names(memo))))
    # A term the translation lost is a row of the terminology table: not a notice too
    # (the JSON memo keeps every notice for machines).
    said = set(term_notices(memo.problem_terms, lang))
    other = [n for n in memo.notices if n not in said]
    if other:
        notes = tuple(Text(n, "bullet") for n in other)
        out.append(Section("notices", label("notices", lang), notes))
    if memo.problem_terms or memo.checked_ok:
        out.append(Section("terminology", label("terminology", lang), tuple(_terminology(memo))))
    # One line: how the memo was made matters less than what it says.
    method = "; ".join(f"{key}: {value}" for key, value in memo.method_rows())
    out.append(Section("method", None, (Text(f"{label('method', lang)}. {method}.", "note"),)))
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
