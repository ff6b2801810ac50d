"""The interface every translation engine and wrapper implements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable


@runtime_checkable
class Translator(Protocol):
    """Translates sentences from ``source`` to ``target``, one output per input, in order."""

    source: str
    target: str

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """Translate a batch; implementations batch internally for throughput."""
        ...

    def describe(self) -> str:
        """The route used, e.g. ``"argos translate-ru_en 1.9 via CTranslate2 (licence: MIT)"``."""
        ...
