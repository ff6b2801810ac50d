"""How much of the people, organisations and places in real Kazakhstan news the glossary covers.

natasha finds PER/ORG/LOC spans in every article of ``tests/data/news``; each span is put in
the nominative (``span.normalize``) and the spans of one article are deduplicated by that
form. An entity counts as covered when *every* occurrence of it in the article is covered by
glossary matches over the article (an oblique form the matcher misses is a miss, even if the
nominative elsewhere matched). An occurrence is covered when the glossary matches that overlap
it span at least half of its letters (so "РК" alone does not cover "Министерства финансов
РК"), or when the glossary finds the nominative form itself.

Run from the repository root: ``python -m bench.glossary_coverage`` (``--glossary FILE`` adds a
user glossary, ``--misses-only`` prints only the list of misses).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from processor.glossary import Glossary, load_glossaries
from processor.glossary.types import identity

NEWS = Path(__file__).resolve().parent.parent / "tests" / "data" / "news"
TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}


@dataclass
class Entity:
    """One distinct entity of one article: its nominative form and how it was written."""

    article: str
    type: str
    normal: str
    written: list[str] = field(default_factory=list)
    covered: bool = True


@dataclass
class Coverage:
    entities: list[Entity]

    @property
    def total(self) -> int:
        return len(self.entities)

    @property
    def hits(self) -> int:
        return sum(e.covered for e in self.entities)

    @property
    def ratio(self) -> float:
        return self.hits / self.total if self.total else 0.0

    @property
    def misses(self) -> list[Entity]:
        return [e for e in self.entities if not e.covered]


def articles(folder: Path = NEWS) -> list[Path]:
    return sorted(folder.glob("*.ru.txt"))


def _letters(text: str, start: int, stop: int) -> set[int]:
    return {i for i in range(start, stop) if text[i].isalnum()}


def _occurrence_covered(text: str, start: int, stop: int, spans: Iterable[tuple[int, int]]) -> bool:
    letters = _letters(text, start, stop)
    hit: set[int] = set()
    for s, e in spans:
        if s < stop and start < e:
            hit |= _letters(text, max(s, start), min(e, stop))
    return bool(letters) and 2 * len(hit) >= len(letters)


def _normal_covered(glossary: Glossary, normal: str) -> bool:
    spans = [(m.start, m.stop) for m in glossary.find(normal)]
    return _occurrence_covered(normal, 0, len(normal), spans)


def measure(glossary: Glossary | None = None, folder: Path = NEWS) -> Coverage:
    """Coverage of the natasha entities of every article in ``folder`` by ``glossary``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # natasha's pymorphy2 imports pkg_resources
        from natasha import Doc

        from processor.glossary.entities import _pipeline

        segmenter, morph_vocab, morph_tagger, ner_tagger = _pipeline()
    glossary = glossary if glossary is not None else load_glossaries()
    entities: list[Entity] = []
    for path in articles(folder):
        text = path.read_text(encoding="utf-8")
        matched = [(m.start, m.stop) for m in glossary.find(text)]
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph_tagger)
        doc.tag_ner(ner_tagger)
        by_key: dict[str, Entity] = {}
        for span in doc.spans:
            if span.type not in TYPES:
                continue
            span.normalize(morph_vocab)
            normal = span.normal or span.text
            entity = by_key.setdefault(
                identity(normal), Entity(path.name, TYPES[span.type], normal)
            )
            entity.written.append(span.text)
            ok = _occurrence_covered(text, span.start, span.stop, matched)
            entity.covered &= ok or _normal_covered(glossary, normal)
        entities.extend(by_key.values())
    return Coverage(entities)


def report(coverage: Coverage, misses_only: bool = False) -> str:
    lines = []
    if not misses_only:
        lines.append(
            f"glossary coverage: {coverage.hits}/{coverage.total} = {coverage.ratio:.1%} "
            f"of natasha PER/ORG/LOC entities in {len({e.article for e in coverage.entities})}"
            f" articles ({NEWS.relative_to(NEWS.parent.parent.parent)})"
        )
        by_type: dict[str, list[Entity]] = {}
        for e in coverage.entities:
            by_type.setdefault(e.type, []).append(e)
        for etype, items in sorted(by_type.items()):
            hits = sum(e.covered for e in items)
            lines.append(f"  {etype:<13} {hits}/{len(items)}")
        lines.append(f"misses ({len(coverage.misses)}):")
    for e in coverage.misses:
        written = "; ".join(dict.fromkeys(e.written))
        lines.append(f"  {e.article[:2]} {e.type:<13} {e.normal}  [{written}]")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--glossary", "-g", action="append", default=[], help="extra glossary")
    parser.add_argument("--misses-only", action="store_true")
    args = parser.parse_args(argv)
    coverage = measure(load_glossaries(args.glossary))
    print(report(coverage, args.misses_only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
