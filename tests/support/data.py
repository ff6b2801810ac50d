"""Where the tests find their data: always inside the repository, never ``../shared``."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
SEED = REPO / "examples" / "zakon-tokayev-trump.ru.txt"
FLORES = DATA / "flores"
ARGOS_INDEX = DATA / "argos" / "index.json"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
