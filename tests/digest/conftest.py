"""Articles of the labelled digest set, prepared once per test session (natasha is slow)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest

from processor.digest.articles import Article, prepare_article
from processor.preparation import BriefOptions
from tests.support.data import DIGEST

LABELS = json.loads((DIGEST / "labels.json").read_text(encoding="utf-8"))


def path_of(number: int) -> str:
    """The labelled file whose name starts with ``NN-``."""
    [name] = [n for n in LABELS["files"] if n.startswith(f"{number:02d}-")]
    return str(DIGEST / name)


def copied(tmp_path: Path, numbers: Iterable[int]) -> Path:
    """A folder ``news`` under ``tmp_path`` holding the labelled articles ``numbers``."""
    folder = tmp_path / "news"
    folder.mkdir()
    for n in numbers:
        shutil.copy(path_of(n), folder)
    return folder


def story_of(path: str) -> str:
    return LABELS["files"][path.rsplit("/", 1)[-1]]


@pytest.fixture(scope="session")
def prepared_articles() -> dict[int, Article]:
    """Prepared records, by file number, of the files the digest tests use."""
    numbers = [
        *(1, 2, 3, 7, 8, 9, 10, 11, 12, 17, 18, 19, 20, 21, 22, 23, 24, 31, 32, 33, 34),
        *(41, 42, 43, 44, 48, 49, 50, 60, 61, 62, 64, 65, 66, 67, 68),
    ]
    options = BriefOptions(languages=("ru",))
    return {n: prepare_article(path_of(n), options) for n in numbers}
