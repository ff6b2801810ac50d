"""Which reader reads what, and the public entry points.

Formats are known by suffix (``SUPPORTED_SUFFIXES``) or, for unnamed content
such as stdin, sniffed from the first bytes.  Each format reader turns bytes
into :class:`~processor.readers.text.Parsed`; :func:`read_bytes` numbers its
blocks into paragraphs, copies the source metadata and checks the language.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from processor.access import is_within, read_regular
from processor.errors import InputError
from processor.model import Document, Paragraph, SourceMeta
from processor.readers.byline import outlet_in_lead
from processor.readers.docx import read_docx
from processor.readers.html import read_html
from processor.readers.limits import ReadLimits
from processor.readers.markdown import read_markdown
from processor.readers.meta import host_of
from processor.readers.pdf import read_pdf
from processor.readers.text import Parsed
from processor.readers.txt import read_txt

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".pdf")

_FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}

_READERS: dict[str, Callable[[bytes, str, ReadLimits], Parsed]] = {
    "txt": lambda data, path, _: read_txt(data, path),
    "md": lambda data, path, _: read_markdown(data, path),
    "docx": read_docx,
    "html": read_html,
    "pdf": read_pdf,
}


def _supported() -> str:
    return " ".join(SUPPORTED_SUFFIXES)


def sniff_format(data: bytes) -> str:
    """Guess the format of unnamed content (stdin)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if re.match(rb"<(?:!doctype|html|head|body|meta|div|p|article|section|h[1-6])\b", head, re.I):
        return "html"
    text = head.decode("utf-8", errors="ignore")
    if text.startswith("---\n") or re.search(r"^#{1,6} \S|\]\([^)]+\)", text, re.M):
        return "md"
    return "txt"


def _normalize_format(format: str) -> str:
    key = format.lower()
    key = _FORMAT_BY_SUFFIX.get(key if key.startswith(".") else f".{key}", key)
    if key not in _READERS:
        raise InputError(f"unsupported format '{format}'; supported: {_supported()}")
    return key


def read_bytes(
    data: bytes,
    *,
    name: str,
    format: str | None = None,
    source_lang: str | None = None,
    check_language: bool = True,
    limits: ReadLimits | None = None,
) -> Document:
    """Read in-memory content; ``name`` is reported in errors and ``meta.path``.

    ``format`` is a format name ("txt", "md", "docx", "html", "pdf") or a
    suffix; without it the suffix of ``name`` decides, else the content is sniffed.
    ``limits`` default to :meth:`ReadLimits.from_env`.
    """
    shown = "<stdin>" if name == "-" else name
    limits = limits or ReadLimits.from_env()
    limits.check_size(len(data), shown)
    if format is not None:
        fmt = _normalize_format(format)
    else:
        suffix = Path(name).suffix.lower()
        fmt = _FORMAT_BY_SUFFIX.get(suffix) or sniff_format(data)
    if not data.strip():
        raise InputError("file is empty", path=shown)
    parsed = _READERS[fmt](data, shown, limits)
    doc = Document(
        paragraphs=[
            Paragraph(index=i, text=text, kind=kind, level=level)
            for i, (kind, text, level) in enumerate(parsed.blocks)
        ],
        meta=SourceMeta(
            path=name,
            format=fmt,
            encoding=parsed.encoding,
            size_bytes=len(data),
            # No outlet named: the site's address, else the lead's "сообщает Zakon.kz".
            outlet=parsed.outlet
            or (host_of(parsed.url) if parsed.url else None)
            or outlet_in_lead(text for _, text, _ in parsed.blocks),
            published=parsed.published,
            url=parsed.url,
            author=parsed.author,
        ),
        title=parsed.title,
    )
    if not doc.paragraphs:
        raise InputError("file is empty", path=shown)
    _check_words(doc, shown)
    if check_language:
        from processor.language import check_source_language

        check_source_language(doc, source_lang)
    elif source_lang:
        doc.language = source_lang
    return doc


# Below this share of letters among visible characters a text holds no language at all
# (a page of punctuation or digits); a real article, tables of figures included, is
# well above half letters.
MIN_LETTER_SHARE = 0.2


def _check_words(doc: Document, shown: str) -> None:
    """Refuse text that is not language: mostly punctuation, digits or symbols."""
    sample = "".join(p.text for p in doc.paragraphs)[:200_000]
    visible = sum(1 for ch in sample if not ch.isspace())
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters < MIN_LETTER_SHARE * visible:
        raise InputError(
            f"holds no text in any language: {letters} letters among {visible} characters "
            "(punctuation, digits or symbols)",
            path=shown,
        )


def read_document(
    path: str | os.PathLike[str],
    *,
    source_lang: str | None = None,
    check_language: bool = True,
    limits: ReadLimits | None = None,
) -> Document:
    """Read one input file (or ``"-"`` for stdin) into an unsegmented :class:`Document`.

    ``limits`` bound the work one input may cost; they default to
    :meth:`ReadLimits.from_env` (``PROCESSOR_MAX_INPUT_MB``).
    """
    name = os.fspath(path)
    limits = limits or ReadLimits.from_env()
    if name == "-":
        # One byte over the limit is enough to refuse; never read an endless pipe whole.
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
        return read_bytes(
            data, name="-", source_lang=source_lang, check_language=check_language, limits=limits
        )
    p = Path(name)
    if p.is_dir():
        raise InputError(
            f"is a directory with no supported files in it (supported: {_supported()})",
            path=name,
        )
    suffix = p.suffix.lower()
    if suffix not in _FORMAT_BY_SUFFIX and p.exists():
        shown = f"'{suffix}'" if suffix else "without an extension"
        raise InputError(f"unsupported file type {shown}; supported: {_supported()}", path=name)
    # Regular files only (a FIFO or a device never ends); the size is checked before
    # reading, and the read stops one byte past the limit, so a growing file is bounded.
    data = read_regular(
        name, limits.max_bytes, check_size=lambda size: limits.check_size(size, name)
    )
    return read_bytes(
        data,
        name=name,
        format=_FORMAT_BY_SUFFIX[suffix],
        source_lang=source_lang,
        check_language=check_language,
        limits=limits,
    )


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in path.relative_to(root).parts)


def expand_inputs(
    paths: Iterable[str], *, exclude: Iterable[str | os.PathLike[str]] = ()
) -> list[str]:
    """Files as given, directories expanded to their supported files, ``-`` kept.

    Directories are walked recursively in sorted order, skipping hidden files
    and folders, Word lock files (``~$doc.docx``) and anything under an
    ``exclude`` folder (a run's output folder: its memos are never its inputs).  Missing paths, and
    directories with nothing to read, are kept so that reading them raises a
    clear error for that input alone.  Repeated paths are read once.
    """
    result: list[str] = []
    skipped = [folder for folder in exclude if Path(folder).is_dir()]
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            found = sorted(
                (
                    f
                    for f in path.rglob("*")
                    if f.suffix.lower() in SUPPORTED_SUFFIXES
                    and f.is_file()
                    and not _hidden(f, path)
                    and not any(is_within(f, folder) for folder in skipped)
                ),
                key=lambda f: f.relative_to(path).parts,
            )
            items = [str(f) for f in found] or [raw]
        else:
            items = [raw]
        for item in items:
            if item not in result:
                result.append(item)
    return result
