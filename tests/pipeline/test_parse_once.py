"""An article is parsed once in preparation: the names table's entities and the speakers
share the syntax parse (it is most of a worker's time per article, issue 20)."""

from __future__ import annotations

from typing import Any

import pytest

from processor import nlp
from processor.preparation import BriefOptions, prepare
from tests.support.data import seed_path


def test_the_seed_is_parsed_once_for_names_and_speakers(monkeypatch: pytest.MonkeyPatch) -> None:
    full: list[int] = []  # lengths of the texts given a syntax and NER parse
    real = nlp.parse

    def counting(text: str, *, syntax: bool = True, ner: bool = True) -> Any:
        if syntax and ner:
            full.append(len(text))
        return real(text, syntax=syntax, ner=ner)

    monkeypatch.setattr(nlp, "parse", counting)
    nlp._PARSED.clear()
    prepared = prepare(str(seed_path()), BriefOptions(languages=("ru",)))
    # One parse of the article (15 KB); the summarizer's same-event check parses pairs of
    # short sentences on its own.  Before: a second one of nearly the whole article.
    assert len([n for n in full if n > 2000]) == 1, full
    # Both stages found what they find on the seed: its people, and Poletayev speaking.
    assert prepared.findings is not None and prepared.findings.names
    assert prepared.speech is not None
    assert any("Полетаев" in s.name for s in prepared.speech.speakers.values())


def test_without_the_glossary_the_speakers_parse_on_their_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    nlp._PARSED.clear()
    prepared = prepare(str(seed_path()), BriefOptions(languages=("ru",), use_glossary=False))
    assert prepared.findings is None
    assert prepared.speech is not None
    assert any("Полетаев" in s.name for s in prepared.speech.speakers.values())
