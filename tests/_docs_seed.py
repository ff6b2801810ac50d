"""The seed article, for tests of readers and language checks."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_NAME = "zakon-tokayev-trump.ru.txt"
_CANDIDATES = (REPO / "examples" / SEED_NAME,)


def seed_path() -> Path:
    for path in _CANDIDATES:
        if path.is_file():
            return path
    pytest.skip(f"seed article {SEED_NAME} not found in ../shared/data/seed or examples/")


def seed_text() -> str:
    return seed_path().read_text(encoding="utf-8")


def seed_paragraphs() -> list[str]:
    """The article's paragraphs as its author wrote them (blank-line separated)."""
    return [block.strip() for block in seed_text().split("\n\n") if block.strip()]
