"""Translate one file into one output file, keeping what its format can keep.

DOCX, HTML and Markdown are translated in place (their own markup and the author's
inline formatting kept: :mod:`~processor.translation.formats.docx`, :mod:`.html`,
:mod:`.markdown`); other inputs (TXT, PDF, stdin) go through the document model and are
written as DOCX, Markdown or text with their headings and lists.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from processor.errors import OutputError
from processor.translation.formats.markup import FileReport

if TYPE_CHECKING:
    from processor.translation.base import Translator

FORMATS = ("docx", "html", "md", "txt")
_SUFFIX_FORMAT = {
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
}


def output_format(path: str, requested: str | None = None) -> str:
    """The output format: as asked, else the input's own (PDF becomes DOCX, stdin text)."""
    if requested:
        return requested
    if path == "-":
        return "txt"
    return _SUFFIX_FORMAT.get(Path(path).suffix.lower(), "docx")


def format_of_name(path: str | Path) -> str | None:
    """The format a file name asks for (``out.md`` -> ``md``), or None."""
    return _SUFFIX_FORMAT.get(Path(path).suffix.lower())


def translate_file(
    path: str,
    dest: Path,
    fmt: str,
    translator: Translator,
    *,
    source_lang: str | None = None,
    inline: bool = True,
) -> FileReport:
    """Translate ``path`` (a file or ``-``) into ``dest`` as ``fmt``; atomic write.

    The input is read first, which checks that it is readable and in the source
    language. The output never overwrites the input.
    """
    from processor.readers import read_document

    doc = read_document(path, source_lang=source_lang)
    if path != "-" and Path(path).resolve() == Path(dest).resolve():
        raise OutputError("the output would overwrite the input", path=path)
    native = {"docx": "docx", "html": "html", "md": "md"}.get(doc.meta.format)
    if path != "-" and native == fmt:
        if fmt == "docx":
            from processor.translation.formats.docx import translate_docx

            return translate_docx(Path(path), dest, translator, inline=inline)
        if fmt == "html":
            from processor.translation.formats.html import translate_html

            return translate_html(Path(path), dest, translator, inline=inline)
        from processor.translation.formats.markdown import translate_markdown

        return translate_markdown(Path(path), dest, translator, inline=inline)

    from processor.translation.formats.document import translate_document
    from processor.translation.formats.writers import write_document

    if fmt == "html":
        raise OutputError(
            "HTML is written only for HTML inputs; use --format docx, md or txt", path=path
        )
    translated = translate_document(doc, translator)
    write_document(translated, dest, fmt)
    units = sum(1 for p in translated.paragraphs if p.sentences)
    return FileReport(
        source=Path(path),
        dest=Path(dest),
        route=translator.describe(),
        units={"body": units},
        sentences=sum(len(p.sentences) for p in translated.paragraphs),
    )
