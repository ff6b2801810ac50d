"""Paths and small builders the tests share."""

from __future__ import annotations

from pathlib import Path

from tests.support.data import REPO, SEED, seed_text

__all__ = ["REPO", "SEED", "Path", "seed_text"]
