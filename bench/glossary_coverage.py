"""How much of the people, organisations and places in real Kazakhstan news the glossary covers.

Two corpora are measured separately: ``tests/data/news`` (the articles the glossary was
extended from) and ``tests/data/holdout`` (news it was never extended from: frozen, the honest
figure). natasha finds PER/ORG/LOC spans in every article; each span is put in
the nominative (``span.normalize``) and the spans of one article are deduplicated by that
form. An entity counts as covered when *every* occurrence of it in the article is covered by
glossary matches over the article (an oblique form the matcher misses is a miss, even if the
nominative elsewhere matched). An occurrence is covered when the glossary matches that overlap
it span at least half of its letters (so "РК" alone does not cover "Министерства финансов
РК"), or when the glossary finds the nominative form itself.

Each miss is classified: ``matching failure`` when an entry with that name exists (the
matcher missed an occurrence), else ``missing entry``, ``NER error`` or ``private person``
where :data:`REVIEWED` says so (a reviewed, by-hand classification of the hold-out misses).

Run from the repository root: ``python -m bench.glossary_coverage`` (``--folder DIR`` measures
one folder only, ``--glossary FILE`` adds a user glossary, ``--misses-only`` prints only the
list of misses).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from processor.glossary import Glossary, load_glossaries
from processor.glossary.types import identity

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
NEWS = DATA / "news"
HOLDOUT = DATA / "holdout"
TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}


@dataclass
class Entity:
    """One distinct entity of one article: its nominative form and how it was written."""

    article: str
    type: str
    normal: str
    written: list[str] = field(default_factory=list)
    covered: bool = True
    kind: str = ""  # for a miss: its class (see the module docstring)


@dataclass
class Coverage:
    entities: list[Entity]
    folder: Path = NEWS

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


# Hold-out misses classified by reading them (folder, article, nominative) -> class; every
# other miss is "missing entry" (or "matching failure" when an entry has that name).
_NER, _PRIVATE = "NER error", "private person"
REVIEWED: dict[tuple[str, str, str], str] = {
    ("holdout", a, n): kind
    for kind, items in (
        # NER errors: not a name of that type, or a span cut out of a longer name.
        (_NER, [("01", "Департамент финансов"), ("01", "РГУ"), ("01", "Департамент казначейство"),
                ("06", "Имена"), ("07", "СМИ"), ("12", "Департамент полиция"),
                ("13", "Тасмагамбетов"), ("13", "Аймагамбетов"), ("17", "Го Чжусюэ"),
                ("17", "Казахстанские"), ("17", "Азербайджанские"), ("19", "Сегодня")]),
        # People (and one restaurant) in no public role: no glossary should hold them.
        (_PRIVATE, [("01", "Руслан ТОГАЙБАЕВ"), ("09", "Байтас Курманов"), ("10", "Дмитрий Ким"),
                    ("10", "Мурат Адам"), ("11", "Wall Street"), ("12", "Нурай Серикбай"),
                    ("14", "Артыкбай Усембай"), ("16", "Григорий Михайлов")]),
        # The entry exists (Казахстан темир жолы); the text writes Қазақстан with Kazakh
        # letters, which the matcher read as "Казакстан" (it folds қазақ -> казах since).
        ("matching failure", [("17", "АО «НК «Қазақстан темір жолы")]),
    )
    for a, n in items
}  # fmt: skip


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


def _has_entry(glossary: Glossary, normal: str) -> bool:
    """Whether an entry is named ``normal`` (its canonical, short or alias form)."""
    key = identity(normal)
    for entry in glossary.entries:
        names = [entry.ru, entry.short.get("ru", ""), *entry.aliases.get("ru", ())]
        if any(identity(n) == key for n in names if n):
            return True
    return False


def measure(glossary: Glossary | None = None, folder: Path = NEWS) -> Coverage:
    """Coverage of the natasha entities of every article in ``folder`` by ``glossary``."""
    from processor.nlp import normal_of, parse

    glossary = glossary if glossary is not None else load_glossaries()
    entities: list[Entity] = []
    for path in articles(folder):
        text = path.read_text(encoding="utf-8")
        matched = [(m.start, m.stop) for m in glossary.find(text)]
        doc = parse(text, syntax=False)
        by_key: dict[str, Entity] = {}
        for span in doc.spans:
            if span.type not in TYPES:
                continue
            normal = normal_of(span)
            entity = by_key.setdefault(
                identity(normal), Entity(path.name, TYPES[span.type], normal)
            )
            entity.written.append(span.text)
            ok = _occurrence_covered(text, span.start, span.stop, matched)
            entity.covered &= ok or _normal_covered(glossary, normal)
        entities.extend(by_key.values())
    for e in entities:
        if not e.covered:
            e.kind = "matching failure" if _has_entry(glossary, e.normal) else "missing entry"
            e.kind = REVIEWED.get((folder.name, e.article[:2], e.normal), e.kind)
    return Coverage(entities, folder)


def _shown(folder: Path) -> str:
    root = DATA.parent.parent
    return str(folder.relative_to(root)) if folder.is_relative_to(root) else str(folder)


def report(coverage: Coverage, misses_only: bool = False) -> str:
    lines = []
    if not misses_only:
        lines.append(
            f"glossary coverage: {coverage.hits}/{coverage.total} = {coverage.ratio:.1%} "
            f"of natasha PER/ORG/LOC entities in {len({e.article for e in coverage.entities})}"
            f" articles ({_shown(coverage.folder)})"
        )
        by_type: dict[str, list[Entity]] = {}
        for e in coverage.entities:
            by_type.setdefault(e.type, []).append(e)
        for etype, items in sorted(by_type.items()):
            hits = sum(e.covered for e in items)
            lines.append(f"  {etype:<13} {hits}/{len(items)}")
        kinds: dict[str, int] = {}
        for e in coverage.misses:
            kinds[e.kind] = kinds.get(e.kind, 0) + 1
        summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
        beside = kinds.get(_NER, 0) + kinds.get(_PRIVATE, 0)
        if beside:
            fair = coverage.total - beside
            lines.append(
                f"  without {_NER}s and {_PRIVATE}s: {coverage.hits}/{fair} = "
                f"{coverage.hits / fair:.1%}"
            )
        lines.append(f"misses ({len(coverage.misses)}: {summary or 'none'}):")
    for e in coverage.misses:
        written = "; ".join(dict.fromkeys(e.written))
        lines.append(f"  {e.article[:2]} {e.type:<13} {e.kind:<16} {e.normal}  [{written}]")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--glossary", "-g", action="append", default=[], help="extra glossary")
    parser.add_argument("--folder", type=Path, action="append", help="articles (*.ru.txt)")
    parser.add_argument("--misses-only", action="store_true")
    args = parser.parse_args(argv)
    glossary = load_glossaries(args.glossary)
    folders = [f.resolve() for f in args.folder] if args.folder else [NEWS, HOLDOUT]
    print("\n\n".join(report(measure(glossary, f), args.misses_only) for f in folders))
    return 0


if __name__ == "__main__":
    sys.exit(main())
