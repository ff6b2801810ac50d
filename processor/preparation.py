"""The stages every input goes through on its own: read, segment, select, match the glossary.

:func:`prepare` does them for one input and raises on failure: a module-level function of
picklable arguments, so that the batch executor can run it in worker processes.
:func:`read` and :func:`summarize` are the first stages on their own (Python API).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from processor.model import Document
from processor.summarize import DEFAULT_ALGORITHM, DEFAULT_FIGURES, Selection, select

if TYPE_CHECKING:
    from processor.glossary import Glossary
    from processor.glossary.report import Findings
    from processor.speech import Speech
    from processor.summarize.figures import Figure
    from processor.translation import TranslationSettings

DEFAULT_LANGUAGES = ("en", "kk")
# Every language a memo can be written in; kk-latn is Kazakh in the 2021 Latin alphabet.
MEMO_LANGUAGES = ("en", "kk", "kk-latn", "ru")


@dataclass(kw_only=True)
class BriefOptions:
    """Everything that shapes a memo; the defaults are the CLI's defaults."""

    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    algorithm: str = DEFAULT_ALGORITHM
    sentences: int | None = None
    ratio: float | None = None
    figures: int = DEFAULT_FIGURES
    full_text: bool = False
    formats: tuple[str, ...] = ("docx",)  # of processor.pipeline.FORMATS
    source_lang: str | None = None
    glossaries: tuple[str | os.PathLike[str], ...] = ()
    builtin_glossaries: bool = True
    use_glossary: bool = True
    translation: TranslationSettings | None = None
    # Handling marking on every memo; None: "For internal use" in the memo's language.
    marking: str | None = None


@dataclass
class Prepared:
    """One input read, segmented, summarized and matched: what every memo language shares."""

    source: str
    doc: Document
    selection: Selection
    findings: Findings | None = None  # None: briefed without a glossary
    # The key figures with what each measures (a syntax parse: done here, in the worker).
    figures: tuple[Figure, ...] | None = None
    speech: Speech | None = None  # who said which sentence, the genre


def read(path: str | os.PathLike[str], *, source_lang: str | None = None) -> Document:
    """Read and segment one input (a path, or ``"-"`` for stdin)."""
    from processor.readers import read_document

    return read_document(path, source_lang=source_lang).segment()


# The API name for the selection stage: the same function, in the pipeline's vocabulary.
summarize = select


def summary_record(source: str, doc: Document, selection: Selection) -> dict[str, object]:
    """One input's key points and key figures, as ``processor summarize --json`` prints them."""
    return {
        "source": source,
        "title": doc.title,
        "algorithm": selection.algorithm,
        "key_points": [{"ids": list(p.sentence_ids), "text": p.text} for p in selection.key_points],
        "key_figures": [
            {"ids": list(p.sentence_ids), "text": p.text} for p in selection.key_figures
        ],
    }


@lru_cache(maxsize=4)
def _glossary(files: tuple[tuple[str, int], ...], builtin: bool) -> Glossary:
    from processor.glossary import load_glossaries

    return load_glossaries([path for path, _ in files], builtin=builtin)


def _stamped(path: str) -> tuple[str, int]:
    # An edited glossary file is loaded again; the matcher of an unchanged one is reused.
    try:
        return path, os.stat(path).st_mtime_ns
    except OSError:
        return path, -1  # loading it says what is wrong


def load_glossary(options: BriefOptions) -> Glossary | None:
    """The glossaries of ``options``, loaded once per process; raises GlossaryError."""
    if not options.use_glossary:
        return None
    files = tuple(_stamped(os.fspath(g)) for g in options.glossaries)
    return _glossary(files, options.builtin_glossaries)


def prepare(path: str, options: BriefOptions) -> Prepared:
    """Read, segment, select and match the glossary for one input; raises on failure.

    A module-level function of picklable arguments: the batch executor runs it in
    worker processes.
    """
    from processor.glossary.report import find_terms
    from processor.speech import find_speech

    doc = read(path, source_lang=options.source_lang)
    selection = summarize(
        doc,
        algorithm=options.algorithm,
        sentences=options.sentences,
        ratio=options.ratio,
        figures=options.figures,
    )
    glossary = load_glossary(options)
    findings = find_terms(glossary, doc.text) if glossary is not None else None
    from processor.memo.content import source_figures

    figures = tuple(source_figures(doc, selection))
    return Prepared(path, doc, selection, findings, figures, find_speech(doc))


# How ``brief`` prepares its inputs: :func:`prepare_each`, or the batch executor's.
PrepareWith = Callable[[Sequence[str], BriefOptions], "list[Prepared | Exception]"]


def prepare_each(paths: Sequence[str], options: BriefOptions) -> list[Prepared | Exception]:
    """:func:`prepare` for every input, in order, in this process; a failure is returned.

    The batch executor (:mod:`processor.batch`) does the same in worker processes, with a
    time budget per input (``brief(..., prepare_with=...)``).
    """
    out: list[Prepared | Exception] = []
    for path in paths:
        try:
            out.append(prepare(path, options))
        except Exception as exc:  # the error policy: one input's failure is its own
            out.append(exc)
    return out
