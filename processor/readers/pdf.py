"""PDF: the text layer, without page numbers and running heads, lines joined into paragraphs."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from processor.errors import InputError
from processor.readers.limits import ReadLimits
from processor.readers.text import (
    DIALOGUE_DASH,
    SENTENCE_END,
    Parsed,
    clean_text,
    join_lines,
    looks_like_title,
    normalize_newlines,
)

_PAGE_NUMBER = re.compile(
    r"^[-–— ]*(?:(?:стр\.?|страница|page|p\.)\s*)?\d{1,4}(?:\s*(?:/|из|of)\s*\d{1,4})?[-–— ]*$",
    re.I,
)


def _page_lines(text: str) -> list[str]:
    return [clean_text(line) for line in normalize_newlines(text).split("\n")]


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and headers/footers repeated on most pages."""
    edge = 2

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line)

    counts: Counter[str] = Counter()
    for lines in pages:
        nonblank = [ln for ln in lines if ln]
        counts.update({key(ln) for ln in nonblank[:edge] + nonblank[-edge:]})
    repeated = {k for k, n in counts.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    result = []
    for lines in pages:
        positions = [i for i, ln in enumerate(lines) if ln]
        edges = set(positions[:edge] + positions[-edge:])
        result.append(
            [
                ln
                for i, ln in enumerate(lines)
                if not (i in edges and (key(ln) in repeated or _PAGE_NUMBER.match(ln)))
            ]
        )
    return result


def _pdf_paragraphs(lines: list[str]) -> list[str]:
    """Join a page stream's lines into paragraphs.

    A paragraph ends at a blank line, or after a line that ends a sentence and
    is clearly shorter than a full line (the last line of a paragraph).
    """
    widths = sorted(len(ln) for ln in lines if ln)
    full = widths[int(len(widths) * 0.8)] if widths else 0
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and DIALOGUE_DASH.match(line) and SENTENCE_END.search(current):
            paragraphs.append(current)  # an interview turn starts a new paragraph
            current = ""
        current = join_lines([current, line])
        if SENTENCE_END.search(line) and len(line) < 0.85 * full:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _pages(data: bytes, path: str, limits: ReadLimits) -> list[list[str]]:
    """Each page's text lines; every way pypdf fails on a broken file becomes one line."""
    import pypdf

    # pypdf logs every repair it makes to a broken file; the user gets our one line.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("PDF is encrypted; decrypt it first (password required)", path=path)
        if len(reader.pages) > limits.max_pdf_pages:
            raise InputError(
                f"PDF has {len(reader.pages)} pages, over the {limits.max_pdf_pages} page limit",
                path=path,
            )
        return [_page_lines(page.extract_text() or "") for page in reader.pages]
    except InputError:
        raise
    except RecursionError:  # objects nested without end
        raise InputError("not a valid PDF file (objects nested too deep)", path=path) from None
    except Exception as exc:  # pypdf fails on broken files in many ways, all meaning "broken"
        if "crypt" in f"{type(exc).__name__} {exc}".lower():
            raise InputError("PDF is encrypted; decrypt it first", path=path) from None
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"not a valid PDF file ({reason})", path=path) from None


def read_pdf(data: bytes, path: str, limits: ReadLimits) -> Parsed:
    pages = _pages(data, path, limits)
    if not any(any(ln for ln in lines) for lines in pages):
        raise InputError("PDF has no text layer (scanned?); run OCR first", path=path)
    pages = _strip_running_lines(pages)
    # Pages flow into each other: a paragraph may continue on the next page.
    lines: list[str] = []
    for page in pages:
        body = page
        while body and not body[-1]:
            body = body[:-1]
        if lines and lines[-1] and SENTENCE_END.search(lines[-1]) and body:
            lines.append("")  # the page ended a sentence: trust it as a paragraph end
        lines.extend(body)
    parsed = Parsed()
    first = next((ln for ln in lines if ln), "")
    widths = sorted(len(ln) for ln in lines if ln)
    full = widths[int(len(widths) * 0.8)] if widths else 0
    if looks_like_title(first) and len(first) < 0.7 * full:
        parsed.add("title", first)
        parsed.title = clean_text(first)
        lines = lines[lines.index(first) + 1 :]
    for paragraph in _pdf_paragraphs(lines):
        parsed.add("body", paragraph)
    return parsed
