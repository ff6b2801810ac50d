"""The selection entry point: key points and key figures under the briefing rules.

A ranking (:mod:`.ranking`) orders the body sentences; this module walks that
order greedily and keeps what a memo can show:

* the lead (the first sentence of the report's body) comes first: it is the
  report's own summary, never dropped as a near-duplicate of background;
* a sentence that refers back (:func:`.grammar.refers_back`) brings in the
  sentence before it, or is passed over when that one cannot stand in a memo,
  in Key points and in Key figures alike;
* a sentence next to a chosen one in the same paragraph joins its bullet;
* ``sentences`` counts source sentences, so merged neighbours and antecedents
  count too and the limit holds.

Key points come back in reading order, each naming the source sentence ids it
covers, so translations align with the source.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from processor.errors import InputError
from processor.model import Document, Sentence
from processor.segment import is_lower_cased
from processor.summarize.events import same_event
from processor.summarize.figures import DEFAULT_FIGURES, MIN_FIGURE_WEIGHT, figure_weight
from processor.summarize.grammar import refers_back
from processor.summarize.ranking import DEFAULT_ALGORITHM, ranker
from processor.summarize.rules import (
    Signature,
    is_fragment,
    is_question,
    is_question_turn,
    is_setup,
    is_teaser,
    near_duplicate,
    strip_dash,
)

DEFAULT_SENTENCES = 7
# A bullet is one thought: an antecedent, its sentence, and at most one neighbour.
MAX_BULLET_SENTENCES = 3


@dataclass(frozen=True)
class KeyPoint:
    """One memo bullet: one source sentence, or an antecedent plus its sentence."""

    sentence_ids: tuple[str, ...]
    text: str
    score: float

    @property
    def first_id(self) -> str:
        return self.sentence_ids[0]


@dataclass
class Selection:
    """What the summarizer chose from a document."""

    algorithm: str
    key_points: list[KeyPoint]
    key_figures: list[KeyPoint] = field(default_factory=list)

    def sentence_ids(self) -> list[str]:
        """Every source sentence the memo shows, each once, in reading order."""
        seen: dict[str, None] = {}
        for point in sorted(self.key_points + self.key_figures, key=_reading_key):
            for sid in point.sentence_ids:
                seen.setdefault(sid, None)
        return list(seen)


def _reading_key(point: KeyPoint) -> tuple[int, int]:
    paragraph, sentence = point.first_id[1:].split(".s")
    return int(paragraph), int(sentence)


# Where a new point goes: into bullet ``k`` (replacing it) or a new bullet (k is None).
_Placement = tuple[int | None, list[int]]


class _Selector:
    """Greedy selection in score order under the briefing rules."""

    def __init__(self, doc: Document, sentences: list[Sentence], *, strict: bool = True):
        self.sentences = sentences
        self.strict = strict
        self.cased = not is_lower_cased(" ".join(p.text for p in doc.body[:5]))
        self.question_paragraphs = {p.index for p in doc.paragraphs if is_question_turn(p)}
        self.position = {s.id: i for i, s in enumerate(sentences)}
        self.texts = [strip_dash(s.text) for s in sentences]
        self.signatures = [Signature.of(t) for t in self.texts]
        self._refers_back: dict[int, bool] = {}
        self.used: set[str] = set()
        self.chosen: list[KeyPoint] = []

    def eligible(self, i: int) -> bool:
        text = self.texts[i]
        if self.sentences[i].paragraph in self.question_paragraphs or is_question(text):
            return False
        if self.strict and (is_teaser(text) or is_setup(text)):
            return False  # announces or sets up what another sentence says
        return not (self.strict and is_fragment(text, cased=self.cased))

    def refers_back(self, i: int) -> bool:
        if i not in self._refers_back:
            self._refers_back[i] = refers_back(self.texts[i])
        return self._refers_back[i]

    def antecedent(self, i: int) -> int | None:
        """The sentence a referring sentence leans on, if it can stand in a memo."""
        if i == 0:
            return None
        previous = i - 1
        same_paragraph = self.sentences[previous].paragraph == self.sentences[i].paragraph
        if not same_paragraph and self.sentences[previous].paragraph in self.question_paragraphs:
            return None  # the sentence answers a question: its referent is in the question
        if not self.eligible(previous) or self.refers_back(previous):
            return None
        return previous

    def duplicate(self, indices: Sequence[int]) -> bool:
        fresh = [i for i in indices if self.sentences[i].id not in self.used]
        return any(
            near_duplicate(self.signatures[i], self.signatures[j])
            or same_event(self.texts[i], self.texts[j])
            for point in self.chosen
            for j in (self.position[sid] for sid in point.sentence_ids)
            for i in fresh
        )

    def candidate(self, i: int, into: Sequence[KeyPoint]) -> list[int] | None:
        """The sentence indices a new point in ``into`` for sentence ``i`` needs, or None."""
        if not self.eligible(i) or self.sentences[i].id in self.used:
            return None
        indices = [i]
        if self.refers_back(i):
            previous = self.antecedent(i)
            if previous is None:
                return None
            previous_id = self.sentences[previous].id
            # An antecedent shown already can only be shared as the end of a bullet of
            # this list (the bullet then grows); one shown in the other list leaves
            # this sentence without its referent.
            if previous_id in self.used and not any(
                p.sentence_ids[-1] == previous_id for p in into
            ):
                return None
            indices = [previous, i]
        if self.duplicate(indices):
            return None
        return indices

    def placement(self, indices: list[int], into: Sequence[KeyPoint]) -> _Placement | None:
        """Join a bullet it shares a sentence with or touches in its paragraph, or stand alone.

        One thought, one bullet, and no slot spent twice on it. None: its antecedent
        sits in a bullet that is full.
        """
        for k, point in enumerate(into):
            start = self.position[point.sentence_ids[0]]
            last = self.position[point.sentence_ids[-1]]
            lo, hi = min(start, indices[0]), max(last, indices[-1])
            overlapping = start <= indices[-1] and indices[0] <= last
            touching = last + 1 == indices[0] or indices[-1] + 1 == start
            same_paragraph = self.sentences[lo].paragraph == self.sentences[hi].paragraph
            if (overlapping or (touching and same_paragraph)) and hi - lo < MAX_BULLET_SENTENCES:
                return k, list(range(lo, hi + 1))
        if any(self.sentences[j].id in self.used for j in indices):
            return None
        return None, indices

    def added(self, placement: _Placement, into: Sequence[KeyPoint]) -> int:
        """How many source sentences ``placement`` adds to ``into``."""
        k, indices = placement
        return len(indices) - (len(into[k].sentence_ids) if k is not None else 0)

    def take(self, placement: _Placement, score: float, into: list[KeyPoint]) -> None:
        k, indices = placement
        point = KeyPoint(
            sentence_ids=tuple(self.sentences[j].id for j in indices),
            text=" ".join(self.texts[j] for j in indices),
            score=max(score, into[k].score) if k is not None else score,
        )
        if k is None:
            into.append(point)
            self.chosen.append(point)
        else:
            self.chosen[self.chosen.index(into[k])] = point
            into[k] = point
        self.used.update(point.sentence_ids)

    def fill(
        self,
        order: Sequence[int],
        scores: list[float],
        into: list[KeyPoint],
        budget: int,
        *,
        new: bool = True,
    ) -> None:
        """Take points in ``order`` while ``budget`` (source sentences) allows.

        ``new=False``: only grow bullets already in ``into``.
        """
        spent = sum(len(p.sentence_ids) for p in into)
        for i in order:
            if spent >= budget:
                break
            indices = self.candidate(i, into)
            placement = self.placement(indices, into) if indices is not None else None
            if placement is None or spent + self.added(placement, into) > budget:
                continue
            if placement[0] is None and not new:
                continue
            spent += self.added(placement, into)
            self.take(placement, scores[i], into)

    def lead(self, doc: Document) -> list[int]:
        """The first sentence of the report's body, when it can stand in a memo."""
        kinds = {p.index: p.kind for p in doc.paragraphs}
        for i, s in enumerate(self.sentences):
            if kinds[s.paragraph] == "body":
                return [i] if self.eligible(i) and not self.refers_back(i) else []
        return []


def select(
    doc: Document,
    *,
    algorithm: str = DEFAULT_ALGORITHM,
    sentences: int | None = None,
    ratio: float | None = None,
    figures: int = DEFAULT_FIGURES,
) -> Selection:
    """Choose key points (``sentences`` source sentences, or ``ratio`` of the body) and
    key figures (``figures`` bullets).

    The document is segmented first if it was not already. Raises
    :class:`~processor.errors.InputError` when the article has no sentence that
    can stand as a key point: an empty memo is never reported as done.
    """
    rank = ranker(algorithm)
    if not doc.is_segmented:
        doc.segment()
    body = list(doc.sentences())
    budget = _target_count(len(body), sentences, ratio)
    scores = rank(doc, body) if body else []
    by_score = sorted(range(len(body)), key=lambda k: (-scores[k], k))

    key_points: list[KeyPoint] = []
    selector = _Selector(doc, body)
    selector.fill(selector.lead(doc) + by_score, scores, key_points, budget)
    if not key_points:
        # Nothing passes as a full sentence (headlines, a feed's snippets): the best
        # non-questions as written beat an empty memo.
        selector = _Selector(doc, body, strict=False)
        selector.fill(by_score, scores, key_points, budget)
        selector.strict = True  # figures stay full sentences
    if not key_points:
        raise InputError(
            "no sentence of the article can stand as a key point (only questions or no text)",
            path=doc.meta.path,
        )

    key_figures: list[KeyPoint] = []
    weights = [figure_weight(t) for t in selector.texts]
    # Amount-bearing sentences first, centrality breaking ties.
    by_weight = [
        i
        for i in sorted(range(len(body)), key=lambda k: (-weights[k], -scores[k], k))
        if weights[i] >= MIN_FIGURE_WEIGHT
    ]
    for i in by_weight:
        # Once the list is full, a figure may still join a bullet as its neighbour.
        selector.fill([i], scores, key_figures, len(body), new=len(key_figures) < figures)

    return Selection(
        algorithm,
        sorted(key_points, key=_reading_key),
        sorted(key_figures, key=_reading_key),
    )


def _target_count(total: int, sentences: int | None, ratio: float | None) -> int:
    if sentences is not None and ratio is not None:
        raise ValueError("give either a sentence count or a ratio, not both")
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise ValueError("ratio must be in (0, 1]")
        return max(1, math.ceil(total * ratio))
    if sentences is not None and sentences < 1:
        raise ValueError("sentence count must be at least 1")
    return min(total, sentences or DEFAULT_SENTENCES)
