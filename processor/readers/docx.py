"""DOCX: paragraphs and tables in document order, styles to kinds, core properties.

:func:`open_docx` is the one place a DOCX is opened: it checks the zip
against the decompression limits first (python-docx reads every part into
memory) and maps every way a broken file fails to one line.  python-docx parses
XML with entities unresolved and libxml2's default depth limit, so XXE and
billion-laughs parts fail as broken XML instead of expanding.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from processor.errors import InputError
from processor.model import ParagraphKind
from processor.readers.limits import MIB, ReadLimits
from processor.readers.meta import iso_date
from processor.readers.text import Parsed, clean_text

# Word saves a password-protected document as an OLE compound file, not a zip.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Entries in a real DOCX: a few dozen; tens of thousands only make the listing slow.
_MAX_ENTRIES = 10_000
# What python-docx's default template says of itself: not the article's author or date.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = "2013-12-23"


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _check_zip(data: bytes, path: str, limits: ReadLimits) -> None:
    """Refuse encrypted, bomb-like and oversized packages before anything is unpacked."""
    import zipfile

    if data.startswith(_OLE_MAGIC):
        raise InputError("DOCX is password-protected; save it without a password first", path=path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise InputError(f"not a valid DOCX file ({_first_line(exc)})", path=path) from None
    if len(entries) > _MAX_ENTRIES:
        raise InputError(f"not a valid DOCX file ({len(entries)} zip entries)", path=path)
    if any(info.flag_bits & 0x1 for info in entries):
        raise InputError("DOCX has encrypted parts; save it without a password first", path=path)
    total = sum(info.file_size for info in entries)
    if total > limits.max_unpacked_bytes:
        raise InputError(
            f"DOCX unpacks to {total // MIB} MB, over the "
            f"{limits.max_unpacked_bytes // MIB} MB limit (a zip bomb?)",
            path=path,
        )
    for info in entries:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MIB and ratio > limits.max_ratio:
            raise InputError(
                f"DOCX part {info.filename} is compressed {ratio:.0f}:1, over the "
                f"{limits.max_ratio}:1 limit (a zip bomb?)",
                path=path,
            )


def open_docx(source: bytes | Path, *, path: str, limits: ReadLimits | None = None) -> Any:
    """A python-docx ``Document`` for ``source`` (content or a file), or one-line InputError."""
    import zipfile
    import zlib

    import docx
    from lxml import etree

    data = source if isinstance(source, bytes) else source.read_bytes()
    _check_zip(data, path, limits or ReadLimits.from_env())
    try:
        document = docx.Document(io.BytesIO(data))
        _standard_core_relationship(document)
        return document
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
        OSError,
        EOFError,
        zlib.error,
        NotImplementedError,  # a compression method zipfile does not know
        RuntimeError,  # zipfile: "File is encrypted" (flag hidden in a local header)
        RecursionError,
        # python-docx on well-formed XML in the wrong namespace (found by fuzzing)
        AttributeError,
        TypeError,
        IndexError,
    ) as exc:
        raise InputError(f"not a valid DOCX file ({_first_line(exc)})", path=path) from None
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and others
        if type(exc).__module__.startswith("docx"):
            raise InputError(f"not a valid DOCX file ({_first_line(exc)})", path=path) from None
        raise


# LibreOffice relates docProps/core.xml with the transitional spelling of the type;
# python-docx knows only the standard one, and would add a second, default core.xml.
_CORE_TYPES = (
    "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/metadata/core-properties",
)


def _standard_core_relationship(document: Any) -> None:
    """Give the package's core-properties relationship the type python-docx (and Word)
    read, so the document's own properties are used and saved, never a second copy."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    rels = document.part.package.rels
    if any(rel.reltype == RT.CORE_PROPERTIES for rel in rels.values()):
        return
    for rel in rels.values():
        if rel.reltype in _CORE_TYPES and not rel.is_external:
            rel._reltype = RT.CORE_PROPERTIES  # python-docx has no public setter
            return


def _core_meta(document: Any, parsed: Parsed) -> None:
    """Author and creation date from the core properties, unless they are the template's."""
    core = document.core_properties
    author = clean_text(core.author or "")
    if author and author != _TEMPLATE_AUTHOR:
        parsed.author = author
    created = core.created
    date = iso_date(created.isoformat()) if created is not None else None
    if date and date != _TEMPLATE_CREATED:
        parsed.published = date


def _docx_kind(paragraph: Any) -> tuple[ParagraphKind, int]:
    """Kind and heading level from a python-docx paragraph's style and numbering."""
    from docx.oxml.ns import qn

    try:
        style = (paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        # A broken styles part (python-docx then meets plain lxml elements where it
        # expects its own): the text is still readable, without style kinds.
        style = ""
    name = style.lower()
    if name == "title":
        return "title", 0
    if m := re.match(r"(?:heading|заголовок)\s*(\d)", name):
        return "heading", int(m.group(1))
    p_pr = paragraph._p.pPr
    if p_pr is not None and (outline := p_pr.find(qn("w:outlineLvl"))) is not None:
        level = int(outline.get(qn("w:val"), "9"))
        if level < 9:  # 9 means "body text"
            return "heading", level + 1
    if "quote" in name or "цитата" in name:
        return "quote", 0
    if name.startswith(("list", "список")) or (p_pr is not None and p_pr.numPr is not None):
        return "list_item", 0
    return "body", 0


def _docx_table(parsed: Parsed, table: Any) -> None:
    """Each cell's text once: python-docx repeats merged cells in every grid slot."""
    seen: set[Any] = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            for item in _docx_items(cell._tc, cell):
                if item.__class__.__name__ == "Table":
                    _docx_table(parsed, item)
                else:
                    parsed.add("table_cell", item.text)


def _docx_items(container: Any, parent: Any) -> Iterable[Any]:
    """Paragraphs and tables of a body or cell in document order (content controls opened)."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield DocxParagraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _docx_items(content, parent)


def read_docx(data: bytes, path: str, limits: ReadLimits) -> Parsed:
    document = open_docx(data, path=path, limits=limits)
    parsed = Parsed()
    try:
        for item in _docx_items(document.element.body, document._body):
            if item.__class__.__name__ == "Table":
                _docx_table(parsed, item)
            else:
                kind, level = _docx_kind(item)
                parsed.add(kind, item.text, level)
        titles = [text for kind, text, _ in parsed.blocks if kind == "title"]
        core_title = clean_text(document.core_properties.title or "")
        _core_meta(document, parsed)
    # python-docx meets malformed but well-formed XML (a wrong namespace, a bad
    # attribute value) with these; the document is broken, not our reading of it.
    except (ValueError, KeyError, AttributeError, TypeError, IndexError, RecursionError) as exc:
        raise InputError(f"not a valid DOCX file ({_first_line(exc)})", path=path) from None
    parsed.title = titles[0] if titles else core_title or None
    if not parsed.blocks:
        raise InputError("file is empty (no text in the document)", path=path)
    return parsed
