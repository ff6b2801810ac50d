"""Write a (translated) Document as DOCX, Markdown or plain text.

These keep the document's own structure (title, headings, list items, quotes,
body); the briefing memo has its own renderers in ``processor/render_*.py``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO

from processor.errors import OutputError
from processor.fileio import atomic_path, write_text_atomic
from processor.model import Document, Paragraph

FORMATS = ("docx", "md", "txt")

# A body line starting like Markdown syntax would change meaning: escape it.
_MD_SPECIAL = re.compile(r"^(\s*)([#>+*-]|\d+[.)])(?=\s|$)")


def _heading_level(paragraph: Paragraph, top: int) -> int:
    return min(max(paragraph.level or 1, 1), top)


def _title_paragraph(doc: Document) -> Paragraph | None:
    return next((p for p in doc.paragraphs if p.kind == "title"), None)


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", text)


def to_markdown(doc: Document) -> str:
    """Markdown: ``#`` title, ``#``-headings at their level, ``-`` list items, ``>`` quotes."""
    blocks: list[str] = []
    if doc.title and _title_paragraph(doc) is None:
        blocks.append(f"# {doc.title}")
    previous = None
    for p in doc.paragraphs:
        text = " ".join(p.text.split("\n")) if p.kind != "body" else p.text
        if p.kind == "title":
            block = f"# {text}"
        elif p.kind == "heading":
            block = f"{'#' * _heading_level(p, 6)} {text}"
        elif p.kind == "list_item":
            block = f"- {text}"
        elif p.kind == "quote":
            block = "\n".join(f"> {line}" for line in p.text.split("\n"))
        else:
            block = "\n".join(_md_escape(line) for line in text.split("\n"))
        # Consecutive list items form one list: no blank line between them.
        if previous == "list_item" and p.kind == "list_item":
            blocks[-1] += "\n" + block
        else:
            blocks.append(block)
        previous = p.kind
    return "\n\n".join(blocks) + "\n"


def to_text(doc: Document) -> str:
    """Plain text: one paragraph per block, blank lines between, ``- `` before list items."""
    blocks: list[str] = []
    if doc.title and _title_paragraph(doc) is None:
        blocks.append(doc.title)
    for p in doc.paragraphs:
        blocks.append(f"- {p.text}" if p.kind == "list_item" else p.text)
    return "\n\n".join(blocks) + "\n"


def _save_docx(doc: Document, fh: IO[bytes]) -> None:
    import docx

    out = docx.Document()
    out.core_properties.language = doc.language
    if doc.title:
        out.core_properties.title = doc.title
        if _title_paragraph(doc) is None:
            out.add_paragraph(doc.title, style="Title")
    for p in doc.paragraphs:
        if p.kind == "title":
            out.add_paragraph(p.text, style="Title")
        elif p.kind == "heading":
            out.add_heading(p.text, level=_heading_level(p, 9))
        elif p.kind == "list_item":
            out.add_paragraph(p.text, style="List Bullet")
        elif p.kind == "quote":
            out.add_paragraph(p.text, style="Quote")
        else:
            out.add_paragraph(p.text)
    out.save(fh)


def write_document(doc: Document, dest: str | Path, fmt: str | None = None) -> Path:
    """Write ``doc`` atomically to ``dest`` as ``fmt`` (default: from ``dest``'s suffix)."""
    dest = Path(dest)
    fmt = (fmt or dest.suffix.lstrip(".")).lower()
    if fmt == "markdown":
        fmt = "md"
    if fmt == "docx":
        with atomic_path(dest) as tmp, open(tmp, "wb") as fh:
            _save_docx(doc, fh)
        return dest
    if fmt == "md":
        return write_text_atomic(dest, to_markdown(doc))
    if fmt == "txt":
        return write_text_atomic(dest, to_text(doc))
    raise OutputError(
        f"cannot write format '{fmt}' (choose one of: {', '.join(FORMATS)})", path=str(dest)
    )
