"""What the glossary generators share: reading the reviewed tables of tools/data/, the Russian
forms the hand-written glossaries already hold, and writing (or checking) a generated file.

Each generator (build_admin_glossary.py, build_parliament_glossary.py,
build_settlement_table.py) turns its tables into one shipped file under glossaries/ and is
run from the repository root with ``--check`` to say whether that file is up to date.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tools" / "data"
GLOSSARIES = REPO / "glossaries"
CHECKED = "2026-12-07"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def rows(name: str, width: int = 0) -> Iterator[list[str]]:
    """The tab-separated rows of ``tools/data/<name>`` (comments and blank lines skipped),
    padded with empty cells to ``width``."""
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t")
            yield cells + [""] * (width - len(cells))


def split(cell: str) -> tuple[str, ...]:
    """``a | b`` -> ("a", "b")."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-").replace("--", "-")


def taken_forms(besides: Sequence[Path]) -> tuple[set[str], list[object]]:
    """Identities of every Russian form (full and aliases) in the built-in YAML glossaries other
    than ``besides``, and their entries: a generated entry must not silently override them."""
    from processor.glossary import load_glossaries
    from processor.glossary.types import identity

    others = [p for p in sorted(GLOSSARIES.glob("*.yaml")) if p not in besides]
    known = load_glossaries(others, builtin=False)
    taken: set[str] = set()
    for e in known.entries:
        taken |= {identity(e.ru), *(identity(a) for a in e.aliases.get("ru", ()))}
    return taken, list(known.entries)


def main(out: Path, build: Callable[[], str], doc: str | None, unit: str = "- id: ") -> int:
    """Write ``out`` from ``build()``, or with ``--check`` exit 1 when it differs."""
    ap = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = build()
    if args.check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{out.name} differs from the tables")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    count = text.count(unit) if unit else sum(1 for line in text.splitlines() if line[:1] != "#")
    print(f"wrote {out.relative_to(REPO)}: {count} entries")
    return 0
