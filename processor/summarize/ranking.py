"""Ranking: one interface, many algorithms, registered by name (as sumy's summarizers are).

A ranker scores every body sentence (higher is more central), aligned with the
sentences it was given. Each algorithm is a builder in one registry: the sumy
family and the ``lead`` news baseline alike, so the CLI's choices, the API's
check and the selection all read the same table.
"""

from __future__ import annotations

import functools
import importlib
import math
import warnings
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, Protocol

from processor.model import Document, Sentence
from processor.summarize.words import stop_words, words


class Ranker(Protocol):
    def __call__(self, doc: Document, sentences: Sequence[Sentence]) -> list[float]: ...


Builder = Callable[[], Ranker]
_REGISTRY: dict[str, Builder] = {}


def register(name: str) -> Callable[[Builder], Builder]:
    """Decorator: make ``builder`` the algorithm called ``name``."""

    def add(builder: Builder) -> Builder:
        _REGISTRY[name] = builder
        return builder

    return add


@cache
def ranker(name: str) -> Ranker:
    """The ranker registered as ``name`` (built once per process)."""
    try:
        builder = _REGISTRY[name]
    except KeyError:
        raise ValueError(
            f"unknown algorithm {name!r}; choose from {', '.join(_REGISTRY)}"
        ) from None
    return builder()


def lead_scores(doc: Document, sentences: Sequence[Sentence]) -> list[float]:
    """The news baseline: earlier is more important."""
    return [1.0 / (1 + i) for i in range(len(sentences))]


# --- sumy ----------------------------------------------------------------------------------


class _RussianTokenizer:
    """sumy tokenizer that works offline, unlike sumy's NLTK default."""

    language = "russian"

    def to_words(self, sentence: str) -> list[str]:
        return words(sentence)


def sumy_document(doc: Document, sentences: Sequence[Sentence]) -> tuple[Any, dict[int, int]]:
    """The sumy document, and a map from sumy's sentence order to indices in ``sentences``.

    sumy counts headings among its sentences; the map is built in the same loop so
    the two can never drift apart.
    """
    from sumy.models.dom import ObjectDocumentModel
    from sumy.models.dom import Paragraph as SumyParagraph
    from sumy.models.dom import Sentence as SumySentence

    from processor.summarize.rules import strip_dash

    tokenizer = _RussianTokenizer()
    by_paragraph: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_paragraph.setdefault(s.paragraph, []).append(i)
    paragraphs = []
    order_to_index: dict[int, int] = {}
    order = 0
    for p in doc.paragraphs:
        items = []
        if p.kind in ("title", "heading"):
            items.append(SumySentence(p.text, tokenizer, is_heading=True))
            order += 1
        for i in by_paragraph.get(p.index, []):
            items.append(SumySentence(strip_dash(sentences[i].text), tokenizer))
            order_to_index[order] = i
            order += 1
        if items:
            paragraphs.append(SumyParagraph(items))
    return ObjectDocumentModel(tuple(paragraphs)), order_to_index


def sumy_summarizer(module: str, cls: str) -> Any:
    """A sumy summarizer for Russian: our stemmer language and stop words."""
    from sumy.nlp.stemmers import Stemmer

    # Stems cached: LexRank stems every word of every sentence again (a fifth of its time).
    stem = functools.lru_cache(maxsize=200_000)(Stemmer("russian"))
    summarizer = getattr(importlib.import_module(f"sumy.summarizers.{module}"), cls)(stem)
    summarizer.stop_words = stop_words()
    return summarizer


# Sentences one sumy ranking sees at most.  sumy's LexRank and TextRank build an n x n
# similarity matrix in pure Python (and LSA a term x sentence SVD): fine for an article
# (a long one has ~300 sentences), quadratic beyond.  Longer texts are ranked in chunks
# of CHUNK consecutive sentences; each chunk's best sentences are then ranked together
# (in chunks again when there are many).
MAX_RANKED = 400
CHUNK = 100
# Best sentences of each chunk that go on to the next ranking.
CANDIDATES_PER_CHUNK = 10


class SumyRanker:
    """Adapts a sumy summarizer to :class:`Ranker`: its full ranking, as rank-based scores.

    Up to :data:`MAX_RANKED` sentences (every real article) are ranked at once, exactly as
    sumy ranks them.  Beyond, the work stays linear: each chunk of :data:`CHUNK`
    consecutive sentences is ranked alone, and the union of the chunks' best sentences is
    ranked again; those candidates score above every other sentence, which keeps its rank
    within its chunk.
    """

    def __init__(self, summarizer: Any):
        self.summarizer = summarizer

    def __call__(self, doc: Document, sentences: Sequence[Sentence]) -> list[float]:
        if len(sentences) <= MAX_RANKED:
            return self.rank(doc, sentences)
        chunks = [
            list(range(start, min(start + CHUNK, len(sentences))))
            for start in range(0, len(sentences), CHUNK)
        ]
        per_chunk = max(1, min(CANDIDATES_PER_CHUNK, MAX_RANKED // len(chunks)))
        scores = [0.0] * len(sentences)
        candidates: list[int] = []
        for chunk in chunks:
            local = self.rank(_part(doc, sentences, chunk), [sentences[i] for i in chunk])
            for i, score in zip(chunk, local, strict=True):
                scores[i] = score / 2  # below every candidate's final score
            best = sorted(range(len(chunk)), key=lambda k: (-local[k], k))[:per_chunk]
            candidates += sorted(chunk[k] for k in best)
        # Over MAX_RANKED candidates (a very long text) are ranked in chunks in turn.
        final = self(_part(doc, sentences, candidates), [sentences[i] for i in candidates])
        for i, score in zip(candidates, final, strict=True):
            scores[i] = 0.5 + score / 2
        return scores

    def rank(self, doc: Document, sentences: Sequence[Sentence]) -> list[float]:
        """sumy's ranking of ``sentences`` (all of ``doc``'s, or a part), rank-based."""
        import numpy

        ranking: list[Any] = []

        def keep_all(infos: list[Any]) -> list[Any]:
            # sumy passes every sentence, best first, to a callable count: keep them all.
            ranking.extend(infos)
            return infos

        document, order_to_index = sumy_document(doc, sentences)
        # With no content word shared (or none at all) LexRank's power method divides
        # zero by zero and LSA warns that it "may not work properly": such a ranking
        # says nothing, so it is silenced here and reading order stands in for it.
        with warnings.catch_warnings(record=True) as caught, numpy.errstate(all="ignore"):
            warnings.simplefilter("always")
            self.summarizer(document, keep_all)
        if caught or any(not math.isfinite(float(info.rating)) for info in ranking):
            return lead_scores(doc, sentences)
        scores = [0.0] * len(sentences)
        for position, info in enumerate(ranking):
            index = order_to_index.get(info.order)
            if index is not None:
                # Rank-based: comparable across algorithms whose raw ratings are not.
                scores[index] = 1.0 - position / max(len(ranking), 1)
        return scores


def _part(doc: Document, sentences: Sequence[Sentence], chosen: Sequence[int]) -> Document:
    """``doc`` cut to the paragraphs of the ``chosen`` sentences (headings among them kept),
    so a chunk never walks the whole document."""
    if not chosen:
        return Document(paragraphs=[], meta=doc.meta, title=doc.title)
    first, last = sentences[chosen[0]].paragraph, sentences[chosen[-1]].paragraph
    wanted = {sentences[i].paragraph for i in chosen}
    numbered = all(doc.paragraphs[i].index == i for i in (first, last) if i < len(doc.paragraphs))
    span = doc.paragraphs[first : last + 1] if numbered else doc.paragraphs  # readers number 0..n
    paragraphs = [
        p
        for p in span
        if first <= p.index <= last and (p.index in wanted or p.kind in ("title", "heading"))
    ]
    return Document(paragraphs=paragraphs, meta=doc.meta, title=doc.title, language=doc.language)


def _sumy(module: str, cls: str) -> Builder:
    return lambda: SumyRanker(sumy_summarizer(module, cls))


register("lexrank")(_sumy("lex_rank", "LexRankSummarizer"))
register("lsa")(_sumy("lsa", "LsaSummarizer"))
register("textrank")(_sumy("text_rank", "TextRankSummarizer"))
register("luhn")(_sumy("luhn", "LuhnSummarizer"))


@register("edmundson")
def _edmundson() -> Ranker:
    summarizer = sumy_summarizer("edmundson", "EdmundsonSummarizer")
    stem = summarizer.stem_word
    # Edmundson needs cue words: reporting verbs and figures mark findings,
    # hedges and interview phatics mark filler.
    summarizer.bonus_words = tuple(
        stem(w)
        for w in "заявил подчеркнул отметил сообщил подписан соглашение договоренность "
        "инвестиции миллиард процент рост объем президент правительство".split()
    )
    summarizer.stigma_words = tuple(
        stem(w) for w in "наверное кажется мнение вопрос считаю помню скажем например ну".split()
    )
    summarizer.null_words = stop_words()
    return SumyRanker(summarizer)


register("kl")(_sumy("kl", "KLSummarizer"))
register("sumbasic")(_sumy("sum_basic", "SumBasicSummarizer"))


@register("lead")
def _lead() -> Ranker:
    return lead_scores


ALGORITHMS: tuple[str, ...] = tuple(_REGISTRY)
DEFAULT_ALGORITHM = "lexrank"
