"""Write a :class:`~processor.memo.Memo` as Markdown or JSON, for workflows."""

from __future__ import annotations

import json
import os
from pathlib import Path

from processor.fileio import write_text_atomic
from processor.labels import label
from processor.memo import Memo, entity_type


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(map(_md_cell, header)) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(map(_md_cell, row)) + " |" for row in rows]
    return lines


def markdown(memo: Memo) -> str:
    lang = memo.language
    out = [f"# {memo.title}", "", f"*{label('memo', lang)}*", ""]
    out += [f"- **{key}:** {value}" for key, value in memo.metadata_rows()]
    out += ["", f"## {label('key_points', lang)}", ""]
    out += [f"- {item.text}" for item in memo.key_points]
    if memo.key_figures:
        out += ["", f"## {label('key_figures', lang)}", ""]
        out += [f"- {item.text}" for item in memo.key_figures]
    if memo.entities:
        out += ["", f"## {label('entities', lang)}", ""]
        out += _md_table(
            ["ru", "en", "kk", label("type", lang)],
            [[e.ru, e.en, e.kk, entity_type(e, lang)] for e in memo.entities],
        )
    if memo.notices:
        out += ["", f"## {label('notices', lang)}", ""]
        out += [f"- {notice}" for notice in memo.notices]
    if memo.full_text is not None:
        out += ["", f"## {label('full_text', lang)}", ""]
        for kind, text in memo.full_text:
            out += [f"### {text}" if kind in ("title", "heading") else
                    f"- {text}" if kind == "list_item" else text, ""]
    if memo.terms:
        out += ["", f"## {label('terminology', lang)}", ""]
        out += _md_table(
            [label("term", lang), "ru", label("occurrences", lang), label("correct", lang)],
            [
                [t.term, t.source, str(t.occurrences),
                 label("not_translated", lang) if t.correct is None
                 else label("yes" if t.correct else "no", lang)]
                for t in memo.terms
            ],
        )
    out += ["", "---", f"*{memo.footer_notice}*", ""]
    return "\n".join(out)


def json_text(memo: Memo) -> str:
    return json.dumps(memo.to_dict(), ensure_ascii=False, indent=2) + "\n"


def write_markdown(memo: Memo, dest: str | os.PathLike[str]) -> Path:
    return write_text_atomic(dest, markdown(memo))


def write_json(memo: Memo, dest: str | os.PathLike[str]) -> Path:
    return write_text_atomic(dest, json_text(memo))
