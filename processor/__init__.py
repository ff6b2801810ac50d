"""processor: offline briefing memos in English and Kazakh from Russian articles.

The public API, in pipeline order::

    doc = read("article.txt")                # Document, segmented
    selection = summarize(doc, sentences=5)  # key points and key figures
    results = brief(["article.txt"], "out/", BriefOptions(languages=("en", "kk")))
    results = translate_files(["report.docx"], "out/", TranslateOptions(target="en"))

Every option is a keyword.  ``brief`` and ``translate_files`` return one :class:`Result`
per input (the same type the CLI prints and the manifest lists).  Names are imported on
first use, so ``import processor`` stays cheap.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "read": "processor.preparation",
    "summarize": "processor.preparation",
    "prepare": "processor.preparation",
    "BriefOptions": "processor.preparation",
    "Prepared": "processor.preparation",
    "brief": "processor.pipeline",
    "digest": "processor.digest",
    "DigestOptions": "processor.digest",
    "translate_files": "processor.document_translation",
    "TranslateOptions": "processor.document_translation",
    "Result": "processor.results",
    "Missing": "processor.results",
    "exit_code": "processor.results",
    "write_manifest": "processor.results",
    "Config": "processor.config",
    "load_config": "processor.config",
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
    "UsageError": "processor.errors",
    "ConfigError": "processor.errors",
}

__all__ = [
    "ALGORITHMS",
    "BriefOptions",
    "Config",
    "ConfigError",
    "DigestOptions",
    "Document",
    "GlossaryError",
    "InputError",
    "KeyPoint",
    "LanguageError",
    "Memo",
    "Missing",
    "ModelError",
    "NoRouteError",
    "OutputError",
    "Paragraph",
    "Prepared",
    "ProcessorError",
    "Result",
    "Selection",
    "Sentence",
    "SourceMeta",
    "TranslateOptions",
    "UsageError",
    "__version__",
    "brief",
    "build_memo",
    "digest",
    "exit_code",
    "load_config",
    "prepare",
    "read",
    "read_document",
    "summarize",
    "translate_files",
    "write_manifest",
]

if TYPE_CHECKING:
    from processor.config import Config, load_config
    from processor.digest import DigestOptions, digest
    from processor.document_translation import TranslateOptions, translate_files
    from processor.errors import (
        ConfigError,
        GlossaryError,
        InputError,
        LanguageError,
        ModelError,
        NoRouteError,
        OutputError,
        ProcessorError,
        UsageError,
    )
    from processor.memo import Memo, build_memo
    from processor.model import Document, Paragraph, Sentence, SourceMeta
    from processor.pipeline import brief
    from processor.preparation import BriefOptions, Prepared, prepare, read, summarize
    from processor.readers import read_document
    from processor.results import Missing, Result, exit_code, write_manifest
    from processor.summarize import ALGORITHMS, KeyPoint, Selection


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'processor' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


class _Package(types.ModuleType):
    """Keeps ``processor.summarize`` the API function.

    Importing the subpackage ``processor.summarize`` would otherwise set the package
    attribute of that name to the subpackage, and ``from processor import summarize``
    would return a module.  The subpackage itself stays importable by its full name.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _EXPORTS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
