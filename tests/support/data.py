"""Where the tests find their data: always inside the repository (tests/data, examples)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
SEED = REPO / "examples" / "zakon-tokayev-trump.ru.txt"
FLORES = DATA / "flores"
ARGOS_INDEX = DATA / "argos" / "index.json"
HOSTILE = DATA / "hostile"
GLOSSARY_SMALL = DATA / "glossary" / "small.yaml"
NEWS = DATA / "news"
DIGEST = DATA / "digest"  # the labelled set of the daily digest (labels.json)
MEMO_NEWS = DATA / "memo-news"


def seed_path() -> Path:
    return SEED


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_paragraphs() -> list[str]:
    """The article's paragraphs as its author wrote them (blank-line separated)."""
    return [block.strip() for block in seed_text().split("\n\n") if block.strip()]


# Real articles saved with no headline: the first line is the lead.
HEADLESS = DATA / "headless"
