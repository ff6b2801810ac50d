"""What a memo shows about names and terms: plain dataclasses the memo renders.

* :func:`document_terms`: each glossary entry in a document and how often it occurs.
* :func:`names_table`: the "People, organizations and places" table (ru | en | kk), from
  glossary matches plus natasha entities outside the glossary (marked as romanized).
* :func:`terminology_appendix`: each term, its occurrences, and whether every translated
  occurrence came out right in each language (from the held translations' reports).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from processor.glossary.hold import HeldTranslation, TermOutcome
from processor.glossary.types import Entry, Glossary, identity

NAME_TYPES: tuple[str, ...] = ("person", "organization", "place", "abbreviation")


@dataclass(frozen=True)
class TermUsage:
    """A glossary entry used in a document: how often, and the Russian forms seen."""

    entry: Entry
    count: int
    forms: tuple[str, ...] = ()


def document_terms(glossary: Glossary, texts: Iterable[str]) -> list[TermUsage]:
    """Every glossary entry in ``texts``, in order of first appearance."""
    counts: dict[Entry, int] = {}
    forms: dict[Entry, list[str]] = {}
    for text in texts:
        for m in glossary.find(text):
            counts[m.entry] = counts.get(m.entry, 0) + 1
            seen = forms.setdefault(m.entry, [])
            if m.text not in seen:
                seen.append(m.text)
    return [TermUsage(e, n, tuple(forms[e])) for e, n in counts.items()]


@dataclass(frozen=True)
class NameRow:
    """One row of the names table."""

    ru: str
    en: str
    kk: str
    type: str
    count: int
    source: Literal["glossary", "romanized"]
    entry_id: str | None = None

    @property
    def romanized(self) -> bool:
        """True when English is a romanization, not a curated glossary rendering."""
        return self.source == "romanized"


def names_table(
    glossary: Glossary,
    texts: Sequence[str],
    *,
    entities: bool = True,
    types: Sequence[str] = NAME_TYPES,
) -> list[NameRow]:
    """People, organizations and places in ``texts``: glossary rows first, then entities."""
    rows = [
        NameRow(u.entry.ru, u.entry.en, u.entry.kk, u.entry.type, u.count, "glossary", u.entry.id)
        for u in document_terms(glossary, texts)
        if u.entry.type in types
    ]
    if entities:
        from processor.glossary.entities import entity_entry, find_entities

        counts: dict[str, int] = {}
        first: dict[str, tuple[str, str]] = {}
        for ent in find_entities(texts, glossary):
            key = identity(ent.normal)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, (ent.normal, ent.type))
        for key, (normal, etype) in first.items():
            if etype not in types:
                continue
            e = entity_entry(normal, etype)
            rows.append(NameRow(e.ru, e.en, e.kk, etype, counts[key], "romanized"))
    return rows


@dataclass(frozen=True)
class TermResult:
    """How a term fared in one translation (one target language)."""

    lang: str
    expected: str  # the glossary rendering (nominative)
    translated: int  # occurrences in translated sentences (sentence, entry) pairs
    ok: int
    repaired: int
    missing: int
    notes: tuple[str, ...] = ()

    @property
    def all_right(self) -> bool | None:
        """True if every translated occurrence came out right; None if none was translated."""
        return None if self.translated == 0 else self.missing == 0


@dataclass(frozen=True)
class TermRow:
    """One row of the terminology appendix."""

    entry: Entry
    term: str  # Russian canonical form
    occurrences: int  # in the whole document
    results: dict[str, TermResult] = field(default_factory=dict)

    def all_right(self, lang: str) -> bool | None:
        result = self.results.get(lang)
        return result.all_right if result else None


def terminology_appendix(
    usages: Sequence[TermUsage],
    held: Mapping[str, HeldTranslation | Sequence[TermOutcome]],
    *,
    types: Sequence[str] | None = None,
) -> list[TermRow]:
    """Rows for each used entry; ``held`` maps a target language to its held translation
    (or a HeldTranslator's ``terms``)."""
    rows: list[TermRow] = []
    for usage in usages:
        if types is not None and usage.entry.type not in types:
            continue
        results: dict[str, TermResult] = {}
        for lang, report in held.items():
            outcomes = report.terms if isinstance(report, HeldTranslation) else report
            mine = [t for t in outcomes if t.entry == usage.entry]
            results[lang] = TermResult(
                lang=lang,
                expected=usage.entry.rendering(lang) if lang in ("ru", "en", "kk") else "",
                translated=len(mine),
                ok=sum(t.ok for t in mine),
                repaired=sum(t.repaired for t in mine),
                missing=sum(t.missing for t in mine),
                notes=tuple(dict.fromkeys(t.note for t in mine if t.note)),
            )
        rows.append(TermRow(usage.entry, usage.entry.ru, usage.count, results))
    return rows
