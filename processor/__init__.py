"""processor: offline briefing memos in English and Kazakh from Russian articles.

The public API, in pipeline order::

    doc = read("article.txt")                # Document, segmented
    selection = summarize(doc)               # key points and key figures
    results = brief(["article.txt"], "out/", BriefOptions(languages=("en", "kk")))

Names are imported on first use, so ``import processor`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "read": "processor.pipeline",
    "summarize": "processor.pipeline",
    "brief": "processor.pipeline",
    "prepare": "processor.pipeline",
    "BriefOptions": "processor.pipeline",
    "BriefResult": "processor.pipeline",
    "Document": "processor.model",
    "Paragraph": "processor.model",
    "Sentence": "processor.model",
    "SourceMeta": "processor.model",
    "Selection": "processor.summarize",
    "KeyPoint": "processor.summarize",
    "ALGORITHMS": "processor.summarize",
    "Memo": "processor.memo",
    "build_memo": "processor.memo",
    "read_document": "processor.readers",
    "ProcessorError": "processor.errors",
    "InputError": "processor.errors",
    "LanguageError": "processor.errors",
    "ModelError": "processor.errors",
    "NoRouteError": "processor.errors",
    "GlossaryError": "processor.errors",
    "OutputError": "processor.errors",
}

__all__ = [
    "ALGORITHMS",
    "BriefOptions",
    "BriefResult",
    "Document",
    "GlossaryError",
    "InputError",
    "KeyPoint",
    "LanguageError",
    "Memo",
    "ModelError",
    "NoRouteError",
    "OutputError",
    "Paragraph",
    "ProcessorError",
    "Selection",
    "Sentence",
    "SourceMeta",
    "__version__",
    "brief",
    "build_memo",
    "prepare",
    "read",
    "read_document",
    "summarize",
]

if TYPE_CHECKING:
    from processor.errors import (
        GlossaryError,
        InputError,
        LanguageError,
        ModelError,
        NoRouteError,
        OutputError,
        ProcessorError,
    )
    from processor.memo import Memo, build_memo
    from processor.model import Document, Paragraph, Sentence, SourceMeta
    from processor.pipeline import BriefOptions, BriefResult, brief, prepare, read, summarize
    from processor.readers import read_document
    from processor.summarize import ALGORITHMS, KeyPoint, Selection


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'processor' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
