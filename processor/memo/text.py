"""Write a :class:`~processor.memo.content.Memo` as Markdown or JSON, for workflows.

Markdown walks the same section list as the DOCX (:func:`processor.memo.sections.sections`);
JSON is the memo's data (all key points and terms, with the bottom line named).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from processor.fileio import write_text_atomic
from processor.memo.content import Memo
from processor.memo.sections import Table, Text, sections


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "; ")


def _md_table(table: Table) -> list[str]:
    if table.fields:
        return [f"- **{_md_cell(key)}:** {_md_cell(value)}" for key, value in table.rows]
    header = table.header
    lines = ["| " + " | ".join(map(_md_cell, header)) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(map(_md_cell, row)) + " |" for row in table.rows]
    return lines


def _md_text(block: Text) -> str:
    if block.style == "subheading":
        return f"### {block.text}"
    if block.style == "bullet":
        return f"- {block.text}"
    if block.style == "lead":
        return f"> {block.text}"
    if block.style == "note":
        return f"*{block.text}*"
    return block.text


def markdown(memo: Memo) -> str:
    marking = f" · {memo.marking}" if memo.marking else ""
    out = [f"*{memo.memo_type}{marking}*", "", f"# {memo.title}"]
    for section in sections(memo):
        if section.heading:
            out += ["", f"## {section.heading}"]
        out.append("")
        for block in section.blocks:
            if isinstance(block, Table):
                out += [*_md_table(block), ""]
            else:
                out += [_md_text(block)] + ([""] if block.style != "bullet" else [])
        while out and out[-1] == "":
            out.pop()
    out += ["", "---", f"*{memo.footer_notice}*", ""]
    return "\n".join(out)


def json_text(memo: Memo) -> str:
    return json.dumps(memo.to_dict(), ensure_ascii=False, indent=2) + "\n"


def write_markdown(memo: Memo, dest: str | os.PathLike[str]) -> Path:
    return write_text_atomic(dest, markdown(memo))


def write_json(memo: Memo, dest: str | os.PathLike[str]) -> Path:
    return write_text_atomic(dest, json_text(memo))


# Building blocks for other documents rendered like the memo (the daily digest).
md_table = _md_table
md_text = _md_text
