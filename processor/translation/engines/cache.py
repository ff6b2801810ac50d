"""Each sentence translated once per language pair in a run.

``brief --lang en,kk`` with Kazakh by pivot sends the same (glossary-held) sentences
through ru->en twice: for the English memo and as the pivot's first leg.  A
:class:`RunCache` lives as long as one run; every translator it wraps (each leg of a pivot
on its own) looks a sentence up before decoding it, so the second leg re-uses the first
memo's translations, and a sentence repeated across inputs is decoded once.
"""

from __future__ import annotations

from collections.abc import Sequence

from processor.translation.base import Translator, checked_translate


class CachedTranslator:
    """A translator that decodes only the sentences its cache has not seen."""

    def __init__(self, inner: Translator, done: dict[str, str]):
        self.inner = inner
        self.source = inner.source
        self.target = inner.target
        self.done = done  # shared by every translator of the same pair and engine

    def translate(self, sentences: Sequence[str]) -> list[str]:
        todo = list(dict.fromkeys(s for s in sentences if s not in self.done))
        if todo:
            self.done.update(zip(todo, checked_translate(self.inner, todo), strict=True))
        return [self.done[s] for s in sentences]

    def describe(self) -> str:
        return self.inner.describe()


class RunCache:
    """Translations of one run, by (source, target, engine)."""

    def __init__(self) -> None:
        self._done: dict[tuple[str, str, str], dict[str, str]] = {}

    def wrap(self, translator: Translator) -> Translator:
        """``translator`` going through this cache; a pivot's legs each on their own."""
        from processor.translation.engines.ct2 import PivotTranslator

        if isinstance(translator, CachedTranslator):
            return translator
        if isinstance(translator, PivotTranslator):
            return PivotTranslator(self.wrap(translator.first), self.wrap(translator.second))
        key = (translator.source, translator.target, translator.describe())
        return CachedTranslator(translator, self._done.setdefault(key, {}))
