"""Write a :class:`~processor.digest.content.Digest` as DOCX, Markdown or JSON.

The digest is laid out as the memo's section list (:mod:`processor.memo.sections` types),
so both renderers are the memo's own: the DOCX gets the memo's A4 page, typeface, running
header, "Page X of Y" and tables that never split a row (:mod:`processor.memo.docx`), the
Markdown the memo's tables and bullets (:mod:`processor.memo.text`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO

from processor.digest.content import Digest, StoryPlan
from processor.digest.labels import label
from processor.fileio import write_atomic, write_text_atomic
from processor.memo.labels import format_date
from processor.memo.sections import Block, Section, Table, Text

FORMATS = ("docx", "md", "json")


def _date(iso: str | None, language: str) -> str:
    return format_date(iso, language) if iso else label("undated", language)


def period_text(digest: Digest) -> str:
    start, end = digest.period
    lang = digest.language
    if start is None and end is None:
        return label("undated", lang)
    if start == end or end is None:
        return _date(start, lang)
    return f"{_date(start, lang)} – {_date(end, lang)}"


def _header(digest: Digest) -> Section:
    lang = digest.language
    rows = [
        (label("period", lang), period_text(digest)),
        (label("articles", lang), str(digest.article_count)),
        (label("outlets", lang), str(digest.outlets)),
        (label("stories", lang), str(len(digest.stories))),
    ]
    if digest.translation:
        rows.append((label("translation", lang), digest.translation))
    return Section("header", None, (Table(("", ""), tuple(rows), (0.26, 0.74), fields=True),))


def _point_text(text: str, speaker: str | None, outlets: list[str]) -> str:
    said = f" — {speaker}" if speaker else ""  # as the memo writes it
    return f"{text}{said} [{', '.join(outlets)}]"


def _story(story: StoryPlan, number: int, digest: Digest) -> Section:
    lang = digest.language
    outlet_of = {a.input: a.outlet or Path(a.input).name for a in story.articles}
    blocks: list[Block] = []
    for p in story.key_points:
        outlets = list(dict.fromkeys(outlet_of.get(i, i) for i in p.articles))
        blocks.append(Text(_point_text(p.text, p.speaker, outlets), "bullet"))
    if story.figures:
        blocks.append(Text(label("key_figures", lang), "subheading"))
        rows = tuple(
            (
                f.figure + (f" ⚠ {label('disagree', lang)}" if f.disagrees else ""),
                f.what,
                f.outlet,
            )
            for f in story.figures
        )
        header = (label("figure", lang), label("what", lang), label("outlet", lang))
        blocks.append(Table(header, rows, (0.24, 0.46, 0.30)))
    blocks.append(Text(label("sources", lang), "subheading"))
    sources = tuple(
        (a.outlet or Path(a.input).name, _date(a.date, lang), a.headline, a.url or "")
        for a in story.articles
    )
    columns = tuple(label(c, lang) for c in ("outlet", "date", "headline", "link"))
    blocks.append(Table(columns, sources, (0.2, 0.13, 0.4, 0.27)))
    return Section(f"story-{story.id}", f"{number}. {story.title}", tuple(blocks))


def sections(digest: Digest) -> list[Section]:
    """The digest as the memo renderers' section list, in reading order."""
    lang = digest.language
    out = [_header(digest)]
    out += [_story(s, n, digest) for n, s in enumerate(digest.stories, start=1)]
    if digest.index:
        number = {s.id: str(n) for n, s in enumerate(digest.stories, start=1)}
        rows = tuple(
            (e.name, label(e.type, lang), ", ".join(number[s] for s in e.stories))
            for e in digest.index
        )
        header = (label("name", lang), "", label("in_stories", lang))
        out.append(Section("index", label("index", lang), (Table(header, rows, (0.5, 0.2, 0.3)),)))
    if digest.failed:
        failed = tuple((f["input"], f["reason"]) for f in digest.failed)
        columns = (label("input", lang), label("reason", lang))
        table = Table(columns, failed, (0.4, 0.6))
        out.append(Section("failed", label("failed", lang), (table,)))
    out.append(
        Section("method", label("method", lang), (Text(label("method_text", lang), "note"),))
    )
    return out


def heading(digest: Digest) -> str:
    return digest.title or f"{label('digest', digest.language)}: {period_text(digest)}"


def docx_bytes(digest: Digest) -> bytes:
    from processor.memo import docx as memo_docx
    from processor.memo.package import document_bytes, timestamp
    from processor.memo.template import template

    document = template(digest.language)
    document.add_paragraph(heading(digest), style="Title")
    for section in sections(digest):
        memo_docx.add_section(document, section)
    memo_docx.header_footer(document, digest)
    props = document.core_properties
    props.title = memo_docx.cap(heading(digest))
    props.subject = memo_docx.cap(digest.memo_type)
    props.author = props.last_modified_by = "processor"
    props.category = memo_docx.cap(digest.marking)
    props.created = props.modified = timestamp()
    props.revision = 1
    return document_bytes(document)


def markdown(digest: Digest) -> str:
    from processor.memo.text import md_table, md_text

    marking = f" · {digest.marking}" if digest.marking else ""
    out = [f"*{digest.memo_type}{marking}*", "", f"# {heading(digest)}"]
    for section in sections(digest):
        if section.heading:
            out += ["", f"## {section.heading}"]
        out.append("")
        for block in section.blocks:
            if isinstance(block, Table):
                out += [*md_table(block), ""]
            else:
                out += [md_text(block)] + ([""] if block.style != "bullet" else [])
        while out and out[-1] == "":
            out.pop()
    out += ["", "---", f"*{digest.footer_notice}*", ""]
    return "\n".join(out)


def json_text(digest: Digest) -> str:
    return json.dumps(digest.to_dict(), ensure_ascii=False, indent=2) + "\n"


def write(digest: Digest, outdir: str | os.PathLike[str], fmt: str) -> Path:
    """Write ``OUTDIR/digest.<lang>.<fmt>`` atomically."""
    dest = Path(outdir) / f"digest.{digest.language}.{fmt}"
    if fmt == "docx":
        data = docx_bytes(digest)

        def put(handle: IO[bytes]) -> None:
            handle.write(data)

        return write_atomic(dest, put)
    text = markdown(digest) if fmt == "md" else json_text(digest)
    return write_text_atomic(dest, text)
