"""A glossary written back as ``processor-glossary/1`` YAML (what import and suggest write);
reading it is :mod:`processor.glossary.load`'s."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from processor.glossary.load import FORMAT
from processor.glossary.types import Entry


def dump_glossary(entries: Sequence[Entry], *, name: str, title: str | None = None) -> str:
    """The YAML text of a glossary with ``entries`` (what import and suggest write)."""
    doc: dict[str, Any] = {"format": FORMAT, "name": name}
    if title:
        doc["title"] = title
    doc.update({"source": "ru", "targets": ["en", "kk"], "entries": []})
    for e in entries:
        item: dict[str, Any] = {"id": e.id, "type": e.type, "ru": e.ru, "en": e.en, "kk": e.kk}
        if e.short:
            item["short"] = dict(e.short)
        for key in ("aliases", "wrong", "forms"):
            value = getattr(e, key)
            if value:
                item[key] = {lang: list(v) for lang, v in value.items()}
        if e.note:
            item["note"] = e.note
        if e.lowercase is not None:
            item["lowercase"] = e.lowercase
        doc["entries"].append(item)
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
