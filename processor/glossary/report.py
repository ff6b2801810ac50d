"""What a memo shows about names and terms: plain dataclasses the memo renders.

* :func:`document_terms`: each glossary entry in a document and how often it occurs.
* :func:`names_table`: the "People, organizations and places" table (ru | en | kk), from
  glossary matches plus natasha entities outside the glossary (marked as romanized).
* :func:`terminology_appendix`: each term, its occurrences, and whether every translated
  occurrence came out right in each language (from the held translations' reports).
* :func:`find_terms`: all of that for one document from one glossary match, as a value
  (:class:`Findings`) that travels with the document to its memos; :func:`found_people` turns
  the people found outside the glossary into entries, so they are held like the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from processor.glossary.entities import NAME_TYPES, EntityName, names_in
from processor.glossary.hold import HeldTranslation, TermOutcome
from processor.glossary.types import Entry, Glossary, Match


@dataclass(frozen=True)
class TermUsage:
    """A glossary entry used in a document: how often, and the Russian forms seen."""

    entry: Entry
    count: int
    forms: tuple[str, ...] = ()


def document_terms(glossary: Glossary, texts: Iterable[str]) -> list[TermUsage]:
    """Every glossary entry in ``texts``, in order of first appearance."""
    return _usages(m for text in texts for m in glossary.find(text))


def _usages(matches: Iterable[Match]) -> list[TermUsage]:
    counts: dict[Entry, int] = {}
    forms: dict[Entry, list[str]] = {}
    for m in matches:
        counts[m.entry] = counts.get(m.entry, 0) + 1
        seen = forms.setdefault(m.entry, [])
        if m.text not in seen:
            seen.append(m.text)
    return [TermUsage(e, n, tuple(forms[e])) for e, n in counts.items()]


def names_table(
    glossary: Glossary,
    texts: Sequence[str],
    *,
    entities: bool = True,
    types: Sequence[str] = NAME_TYPES,
) -> list[EntityName]:
    """People, organizations and places in ``texts``: glossary rows first, then entities."""
    return names_in(texts, glossary, entities=entities, types=types)


@dataclass(frozen=True)
class Findings:
    """What the glossary (and natasha, for names outside it) found in one document."""

    usages: tuple[TermUsage, ...]
    names: tuple[EntityName, ...]
    glossaries: tuple[str, ...]  # the names of the glossaries that were searched


def find_terms(glossary: Glossary, text: str, *, entities: bool = True) -> Findings:
    """Terms and names of one document, from a single pass of the glossary matcher."""
    matches = glossary.find(text)
    names = names_in([text], glossary, entities=entities, matches=[matches])
    return Findings(tuple(_usages(matches)), tuple(names), tuple(glossary.names))


def found_people(glossary: Glossary, findings: Iterable[Findings]) -> Glossary:
    """The people found outside ``glossary``, as a glossary of their own.

    Added to the glossary that holds a translation, an unknown name comes out with the same
    romanization in every memo and every sentence, and the terminology appendix checks it.
    """
    from processor.glossary.entities import entity_entry

    found = {
        row.ru: None
        for item in findings
        for row in item.names
        if row.type == "person" and row.romanized
    }
    ids = {entry.id for entry in glossary.entries}
    people = []
    for name in found:
        entry = entity_entry(name, "person", ids)
        if " " in name:
            # The surname alone is the same person: render it the same way, short.
            surname = name.split()[-1]
            entry.short.update(ru=surname, en=entry.en.split()[-1], kk=surname)
        people.append(entry)
    return Glossary(entries=people)


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
