"""Two sentences about one event: the same actor, the same place, a verb of one meaning.

"Токаев прилетел в ВКО" and "Токаев прибыл в ВКО" share few words, so the near-duplicate
rule of :mod:`.rules` lets both through; their parse says they are one event. The actor
and the place are natasha's NER spans (PER/ORG, LOC), the verb is the predicate of the
sentence (its syntax root), and verbs of one meaning are close in natasha's navec vectors.
Everything comes from :mod:`processor.nlp`; a cheap test of shared capitalised words
comes first, so most pairs are never parsed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from processor.summarize.figures import numbers

# navec cosine above which two predicates mean the same ("прилететь"/"прибыть": 0.64,
# "провести"/"встретиться": 0.44).
SAME_MEANING = 0.6
_CAPITALISED = re.compile(r"\b[A-ZА-ЯЁ][\w-]+")


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in _CAPITALISED.findall(text)}


def same_event(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` tell the same event (and no different figure)."""
    if len(_stems(a) & _stems(b)) < 2:
        return False  # one actor and one place at least, both capitalised
    first, second = numbers(a), numbers(b)
    if (first - second) and (second - first):
        return False
    return _same_event(a, b) if a <= b else _same_event(b, a)


@lru_cache(maxsize=4096)
def _same_event(a: str, b: str) -> bool:
    from processor.nlp import parse_sentences, pipeline

    parsed = parse_sentences((a, b))
    # The tagger calls "ВКО" a place in one sentence and an organisation in the next:
    # two shared names of any type stand for the actor and the place.
    names = [_names(parsed.spans[k]) for k in (0, 1)]
    if len(names[0] & names[1]) < 2:
        return False
    verbs = [_predicate(parsed.tokens[k]) for k in (0, 1)]
    if not verbs[0] or not verbs[1]:
        return False
    if verbs[0] == verbs[1]:
        return True
    embedding = pipeline().embedding
    if verbs[0] not in embedding or verbs[1] not in embedding:
        return False
    return float(embedding.sim(verbs[0], verbs[1])) >= SAME_MEANING


def _names(spans: list[Any]) -> set[str]:
    from processor.nlp import normal_of

    # A surname alone is the full name's person ("Токаев", "Касым-Жомарт Токаев").
    return {normal_of(s).split()[-1].lower() for s in spans}


def _predicate(tokens: list[Any]) -> str:
    from processor.nlp import lemma_of

    root = next((t for t in tokens if t.rel == "root"), None)
    return lemma_of(root).lower() if root is not None and root.pos == "VERB" else ""
