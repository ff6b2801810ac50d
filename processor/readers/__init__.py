"""Read articles from TXT, Markdown, DOCX, HTML and PDF into a :class:`Document`.

One module per format (``txt``, ``markdown``, ``docx``, ``html``, ``pdf``),
shared text normalisation (``text``), what a source says of itself (``meta``,
``html_meta``), the bounds on one input (``limits``) and the dispatch
(``registry``).  Third-party parsers (python-docx, bs4, lxml, pypdf) are imported
inside the functions that use them, so importing this package stays cheap.
"""

from __future__ import annotations

from processor.readers.limits import ENV_MAX_INPUT_MB, ReadLimits
from processor.readers.markdown import strip_markdown_inline
from processor.readers.registry import (
    SUPPORTED_SUFFIXES,
    expand_inputs,
    read_bytes,
    read_document,
    sniff_format,
)
from processor.readers.text import (
    clean_text,
    decode_text,
    join_lines,
    looks_like_title,
    normalize_newlines,
)

__all__ = [
    "ENV_MAX_INPUT_MB",
    "SUPPORTED_SUFFIXES",
    "ReadLimits",
    "clean_text",
    "decode_text",
    "expand_inputs",
    "join_lines",
    "looks_like_title",
    "normalize_newlines",
    "read_bytes",
    "read_document",
    "sniff_format",
    "strip_markdown_inline",
]
