"""A lost placeholder costs one more decoding of that sentence only, and is counted."""

from __future__ import annotations

from processor.glossary import HeldTranslator, load_glossaries
from tests.support import data
from tests.support.glossary_doubles import DroppingEngine

SENTENCES = [
    "Президент встретился с Токаевым в Астане.",
    "Погода была хорошей.",
    "Токаеву написали из США.",
]


def test_held_translator_counts_the_sentences_it_translated_again():
    glossary = load_glossaries([data.GLOSSARY_SMALL], builtin=False)
    engine = DroppingEngine("ru", "en")
    holder = HeldTranslator(engine, glossary)
    holder.translate(SENTENCES)
    holder.translate(SENTENCES[:1])
    assert holder.retried == 3  # two sentences with a name, then one
    # Each retry sends only the sentences that lost a placeholder, once.
    assert engine.calls[1] == [SENTENCES[0], SENTENCES[2]]
    assert engine.calls[3] == [SENTENCES[0]]
    assert len(engine.calls) == 4
