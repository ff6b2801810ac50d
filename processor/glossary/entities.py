"""Names in a text that no glossary entry covers: natasha's PER/ORG/LOC spans.

Each becomes a ready-to-review glossary entry: the Russian normal form (nominative),
English by :func:`romanize`, Kazakh as the Russian form (Cyrillic reads the same).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from processor.glossary.imports import slug
from processor.glossary.romanize import romanize
from processor.glossary.types import Entry, Glossary, entry_type, identity

_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}


@dataclass(frozen=True)
class Entity:
    """A named entity found in a text (natasha), not covered by the glossary."""

    type: str  # person | organization | place
    text: str  # as written
    normal: str  # nominative
    start: int
    stop: int
    text_index: int = 0


@lru_cache(maxsize=1)
def _pipeline() -> tuple[Any, ...]:
    with warnings.catch_warnings():
        # natasha's pymorphy2 imports pkg_resources, which warns; users cannot act on it.
        warnings.simplefilter("ignore")
        from natasha import (  # heavy: loaded on first use only
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            Segmenter,
        )

        emb = NewsEmbedding()
        return Segmenter(), MorphVocab(), NewsMorphTagger(emb), NewsNERTagger(emb)


def find_entities(texts: Sequence[str], glossary: Glossary | None = None) -> list[Entity]:
    """PER/ORG/LOC spans in ``texts`` that overlap no glossary match."""
    from natasha import Doc

    segmenter, morph_vocab, morph_tagger, ner_tagger = _pipeline()
    found: list[Entity] = []
    for index, text in enumerate(texts):
        if not text.strip():
            continue
        covered = [(m.start, m.stop) for m in glossary.find(text)] if glossary else []
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph_tagger)
        doc.tag_ner(ner_tagger)
        for span in doc.spans:
            if span.type not in _TYPES:
                continue
            if any(s < span.stop and span.start < e for s, e in covered):
                continue
            if span.type == "PER" and not _looks_like_name(span.text):
                continue  # "казахстанско-американские" tagged PER: not a person
            if span.type == "PER" and _is_address(span.text):
                continue  # "Эдуард Эдуардович, ...": an interviewer addressing a guest
            span.normalize(morph_vocab)
            normal = span.normal or span.text
            found.append(Entity(_TYPES[span.type], span.text, normal, span.start, span.stop, index))
    return found


_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична)$")


def _is_address(text: str) -> bool:
    """First name and patronymic with no surname: a form of address, not a full name."""
    words = text.split()
    return len(words) == 2 and bool(_PATRONYMIC.search(words[1]))


def _looks_like_name(text: str) -> bool:
    parts = [p for w in text.split() for p in w.split("-") if p]
    return bool(parts) and all(p[:1].isupper() for p in parts)


def entity_entry(normal: str, etype: str, ids: set[str] | None = None) -> Entry:
    """A glossary entry for an entity: romanized English, Russian form as Kazakh."""
    base = slug(normal)
    entry_id = base
    if ids is not None:
        n = 2
        while entry_id in ids:
            entry_id, n = f"{base}-{n}", n + 1
        ids.add(entry_id)
    return Entry(
        id=entry_id,
        type=entry_type(etype),
        ru=normal,
        en=romanize(normal),
        kk=normal,
        note="suggested: English romanized, Kazakh as in Russian; review before use",
        glossary="suggested",
    )


def suggest_entries(texts: Iterable[str], glossary: Glossary | None = None) -> list[Entry]:
    """One entry per distinct entity outside ``glossary``, most frequent first."""
    entities = find_entities(list(texts), glossary)
    counts: dict[str, int] = {}
    first: dict[str, Entity] = {}
    for ent in entities:
        key = identity(ent.normal)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, ent)
    order = sorted(first, key=lambda k: (-counts[k], first[k].normal))
    ids: set[str] = set()
    return [entity_entry(first[k].normal, first[k].type, ids) for k in order]
