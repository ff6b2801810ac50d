"""The one pymorphy3 analyzer of the process, loaded on first use.

pymorphy3's Russian dictionary takes about a second and 15 MB to load, so every stage
that needs morphology (PDF de-hyphenation, glossary forms, key-point rules, memo
number agreement) shares this instance instead of loading its own.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pymorphy3


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The shared analyzer (heavy import: only when first asked for)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()
