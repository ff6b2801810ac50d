"""Prepared records kept in the output folder, so that a re-run prepares only what is missing.

Preparing an input (read, segment, select, glossary, lead vector) is nearly all of a
digest's time; grouping and writing are a small share.  Each input's record is written
to ``OUTPUT/.processor-digest/<key>.json`` as soon as it is prepared, and recorded in that
folder's state file (:class:`processor.batch.state.State`, as ``brief`` records its memos):
after Ctrl-C, the same command reads back the records of the inputs that are unchanged and
were prepared with the same options, prepares the rest, and writes the digest.

Records are JSON (never pickle: the output folder is not trusted to hold code).
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from processor.batch.state import State
from processor.digest.articles import Article, Name, Point
from processor.digest.outlets import Outlet
from processor.errors import ProcessorError
from processor.fileio import write_text_atomic
from processor.preparation import BriefOptions

FOLDER = ".processor-digest"
_SCHEMA = "processor.digest-record/1"
_SAVE_EVERY = 32  # records between two writes of the state file


def preparation_options(options: BriefOptions) -> BriefOptions:
    """The options that shape a record: not the languages, formats, marking or period."""
    return BriefOptions(
        languages=(),
        algorithm=options.algorithm,
        sentences=options.sentences,
        ratio=options.ratio,
        figures=options.figures,
        formats=(),
        source_lang=options.source_lang,
        glossaries=options.glossaries,
        builtin_glossaries=options.builtin_glossaries,
        use_glossary=options.use_glossary,
    )


def to_json(article: Article) -> dict[str, Any]:
    data = dataclasses.asdict(article)
    data["title_lemmas"] = sorted(article.title_lemmas)
    data["numbers"] = sorted(article.numbers)
    data["lead_speakers"] = sorted(article.lead_speakers)
    data["vector"] = base64.b64encode(article.vector).decode("ascii")
    return {"schema": _SCHEMA, "article": data}


def from_json(data: dict[str, Any]) -> Article:
    """The record written by :func:`to_json`; KeyError/TypeError/ValueError if it is not."""
    if data.get("schema") != _SCHEMA:
        raise ValueError("not a digest record")
    fields = dict(data["article"])
    fields["points"] = [Point(**{**p, "ids": tuple(p["ids"])}) for p in fields["points"]]
    fields["names"] = [Name(**n) for n in fields["names"]]
    fields["title_lemmas"] = frozenset(fields["title_lemmas"])
    fields["numbers"] = frozenset(fields["numbers"])
    fields["lead_speakers"] = frozenset(fields["lead_speakers"])
    fields["vector"] = base64.b64decode(fields["vector"])
    publisher = fields.get("publisher")
    fields["publisher"] = Outlet(**publisher) if publisher else None
    return Article(**fields)


class Records:
    """The records of one output folder (``force``: none is read back, all are rewritten)."""

    def __init__(self, outdir: str | os.PathLike[str], options: BriefOptions, force: bool = False):
        from processor.batch.run import options_fingerprint

        self.folder = Path(outdir) / FOLDER
        self.state = State.load(self.folder)
        self.stamp = options_fingerprint(preparation_options(options))
        self.force = force
        self.unsaved = 0
        self.warning: str | None = None  # why records could not be kept, once

    def cached(self, path: str) -> Article | None:
        """The record of ``path`` when it is up to date, else None."""
        if self.force:
            return None
        kept = self.state.up_to_date(path, self.stamp)
        if not kept:
            return None
        try:
            return from_json(json.loads(kept[0].read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # damaged or of another version: prepared again

    def keep(self, path: str, article: Article) -> None:
        """Write the record of ``path`` (a failure costs only the resuming)."""
        name = hashlib.sha256(os.path.abspath(path).encode("utf-8")).hexdigest()[:24]
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            record = write_text_atomic(
                self.folder / f"{name}.json", json.dumps(to_json(article), ensure_ascii=False)
            )
            self.state.record(path, self.stamp, [record])
        except (ProcessorError, OSError) as exc:
            self.warning = self.warning or f"records not kept (a re-run prepares again): {exc}"
            return
        self.unsaved += 1
        if self.unsaved >= _SAVE_EVERY:
            self.save()

    def save(self) -> None:
        if not self.unsaved:
            return
        try:
            self.state.save()
            self.unsaved = 0
        except (ProcessorError, OSError) as exc:
            self.warning = self.warning or f"records not kept (a re-run prepares again): {exc}"
