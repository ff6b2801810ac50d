"""Deterministic translators for tests: they implement the Translator protocol and record calls."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from processor.errors import ModelError


class RecordingTranslator:
    """Applies ``fn`` to every sentence and records every batch it was given."""

    def __init__(
        self, fn: Callable[[str], str], *, source: str = "ru", target: str = "en", name: str = ""
    ):
        self.fn = fn
        self.source = source
        self.target = target
        self.name = name or "double"
        self.batches: list[list[str]] = []

    def translate(self, sentences: Sequence[str]) -> list[str]:
        batch = list(sentences)
        self.batches.append(batch)
        return [self.fn(s) for s in batch]

    def describe(self) -> str:
        return f"test double {self.name} {self.source}->{self.target}"

    @property
    def seen(self) -> list[str]:
        """Every sentence received, over all calls."""
        return [s for batch in self.batches for s in batch]


def tagging(target: str = "en", source: str = "ru") -> RecordingTranslator:
    """Maps each sentence to ``"EN(<sentence>)"`` (tag = target upper-cased)."""
    tag = target.upper()
    return RecordingTranslator(lambda s: f"{tag}({s})", source=source, target=target, name="tag")


def identity(target: str = "en", source: str = "ru") -> RecordingTranslator:
    return RecordingTranslator(lambda s: s, source=source, target=target, name="identity")


def reversed_words(target: str = "en", source: str = "ru") -> RecordingTranslator:
    return RecordingTranslator(
        lambda s: " ".join(reversed(s.split())), source=source, target=target, name="reversed"
    )


class FailingTranslator(RecordingTranslator):
    """Records the batch, then fails like a broken model would."""

    def __init__(self, *, source: str = "ru", target: str = "en"):
        super().__init__(lambda s: s, source=source, target=target, name="failing")

    def translate(self, sentences: Sequence[str]) -> list[str]:
        self.batches.append(list(sentences))
        raise ModelError("model crashed on purpose")


class ShortTranslator(RecordingTranslator):
    """Breaks the contract: drops the last translation."""

    def __init__(self) -> None:
        super().__init__(lambda s: s, name="short")

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return super().translate(sentences)[:-1]
