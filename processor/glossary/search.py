"""Glossary matches in files (``processor glossary find``): each input read and matched in
a worker under a time budget and memory cap (:mod:`processor.batch.executor`), so one
hostile file costs its own line, never the run."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Any

from processor.batch.executor import Limits, run_each

Record = dict[str, Any]


@functools.lru_cache(maxsize=4)
def _glossary(glossaries: tuple[str, ...], builtin: bool) -> Any:
    # Once per worker: workers live for the whole run.
    from processor.glossary.load import load_glossaries

    return load_glossaries(glossaries, builtin=builtin)


def matches_in_file(path: str, glossaries: tuple[str, ...], builtin: bool) -> list[Record]:
    """Every glossary match of one file, as records (file, paragraph, span, entry...)."""
    from processor.readers import read_document

    gl = _glossary(glossaries, builtin)
    records = []
    for index, paragraph in enumerate(read_document(path).paragraphs):
        for m in gl.find(paragraph.text):
            records.append(
                {
                    "file": path,
                    "paragraph": index,
                    "start": m.start,
                    "stop": m.stop,
                    "id": m.entry.id,
                    "text": m.text,
                    "form": m.form,
                    "case": m.case,
                    "ru": m.entry.ru,
                    "en": m.entry.rendering("en", m.form),
                    "kk": m.entry.rendering("kk", m.form),
                    "glossary": m.entry.glossary,
                }
            )
    return records


def find_in_files(
    paths: Sequence[str], glossaries: tuple[str, ...], builtin: bool, limits: Limits
) -> Iterator[tuple[str, list[Record] | BaseException]]:
    """(path, its records or its failure) for every path, in the order given."""
    work = functools.partial(matches_in_file, glossaries=glossaries, builtin=builtin)
    ready: dict[int, list[Record] | BaseException] = {}
    upto = 0
    for done in run_each(work, paths, limits, names=paths, preload=("processor.readers",)):
        ready[done.index] = done.error if done.error is not None else done.value or []
        while upto in ready:  # in input order, as soon as each is known
            yield paths[upto], ready.pop(upto)
            upto += 1
