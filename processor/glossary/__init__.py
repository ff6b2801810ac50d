"""Glossary: format and loading, inflection-aware matching, holding terms through
translation, Kazakh case endings, entity suggestions.

Nothing heavy is imported here: pymorphy3 loads when a matcher is first built,
natasha when entities are first looked for.
"""

from processor.glossary.hold import HeldTranslation, HeldTranslator, TermOutcome, translate_held
from processor.glossary.load import load_glossaries, read_glossary, validate_glossary
from processor.glossary.romanize import romanize
from processor.glossary.types import Entry, Glossary, Match

__all__ = [
    "Entry",
    "Glossary",
    "HeldTranslation",
    "HeldTranslator",
    "Match",
    "TermOutcome",
    "load_glossaries",
    "read_glossary",
    "romanize",
    "translate_held",
    "validate_glossary",
]
