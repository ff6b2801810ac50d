"""Paths and small builders the tests share."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
SEED = REPO / "examples" / "zakon-tokayev-trump.ru.txt"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
