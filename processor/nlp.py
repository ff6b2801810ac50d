"""The one natasha pipeline of the process: segmentation, morphology, syntax, NER.

Every stage that needs a parse (names in the nominative, speakers of quotes, the digest's
word vectors) takes it from here, so the models load once per process and a text is
parsed with the same settings everywhere.  natasha's wheel ships all of it (slovnet
models and navec vectors): nothing is downloaded.

``parse(text)`` returns a natasha ``Doc`` whose tokens carry ``pos``, ``feats``,
``head_id`` and ``rel`` (Universal Dependencies), and whose ``spans`` are PER/ORG/LOC;
``lemma_of(token)`` and ``normal_of(span)`` give base forms through one ``MorphVocab``.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Pipeline:
    """natasha's loaded models; built once per process by :func:`pipeline`."""

    segmenter: Any
    morph_vocab: Any
    embedding: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    """Load natasha's models (about 1 s, once per process)."""
    with warnings.catch_warnings():
        # natasha's pymorphy2 imports pkg_resources, which warns; users cannot act on it.
        warnings.simplefilter("ignore")
        from natasha import (  # heavy: loaded on first use only
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )

        emb = NewsEmbedding()
        return Pipeline(
            segmenter=Segmenter(),
            morph_vocab=MorphVocab(),
            embedding=emb,
            morph_tagger=NewsMorphTagger(emb),
            syntax_parser=NewsSyntaxParser(emb),
            ner_tagger=NewsNERTagger(emb),
        )


def parse(text: str, *, syntax: bool = True, ner: bool = True) -> Any:
    """A natasha ``Doc`` of ``text``: segmented and morphology-tagged, then parsed
    (``syntax``) and NER-tagged (``ner``) as asked."""
    from natasha import Doc

    nlp = pipeline()
    doc = Doc(text)
    doc.segment(nlp.segmenter)
    doc.tag_morph(nlp.morph_tagger)
    if syntax:
        doc.parse_syntax(nlp.syntax_parser)
    if ner:
        doc.tag_ner(nlp.ner_tagger)
    return doc


def lemma_of(token: Any) -> str:
    """The token's lemma (computed once, cached on the token by natasha)."""
    if token.lemma is None:
        token.lemmatize(pipeline().morph_vocab)
    return str(token.lemma)


def normal_of(span: Any) -> str:
    """natasha's normal form of a span: the phrase in the nominative, its dependent
    genitives kept (``Министерства туризма и спорта`` -> ``Министерство туризма и спорта``)."""
    if span.normal is None:
        span.normalize(pipeline().morph_vocab)
    return str(span.normal or span.text)


def normalize_tokens(tokens: Any) -> str:
    """Tokens of one phrase in the nominative by their syntax (the head and the words that
    agree with it; genitive dependents kept), as natasha normalises a span."""
    from natasha.norm import syntax_normalize

    return str(syntax_normalize(pipeline().morph_vocab, tokens))


_PARSED: dict[str, Any] = {}  # the last texts parse_text parsed, oldest first
_KEEP = 2


def parse_text(text: str) -> Any:
    """:func:`parse` of ``text`` with syntax and NER, kept for the next stage that reads the
    same text: the names table's entities and the speakers of one article share a parse
    (the parse is most of a worker's time per article)."""
    doc = _PARSED.pop(text, None)
    if doc is None:
        doc = parse(text)
    _PARSED[text] = doc
    while len(_PARSED) > _KEEP:
        del _PARSED[next(iter(_PARSED))]
    return doc


@dataclass(frozen=True)
class ParsedSentences:
    """One parse of many sentences, cut back into them: ``tokens[k]`` and ``spans[k]``
    belong to sentence ``k``; ``by_id`` and ``children`` walk the syntax trees."""

    tokens: list[list[Any]]
    spans: list[list[Any]]
    by_id: dict[str, Any]
    children: dict[str, list[Any]]


@lru_cache(maxsize=4)
def parse_sentences(texts: tuple[str, ...]) -> ParsedSentences:
    """:func:`parse` of ``texts`` in one call (natasha batches it: several times faster
    than a call per sentence), cached so that the stages reading one article share it."""
    ranges, at = [], 0
    for text in texts:
        ranges.append((at, at + len(text)))
        at += len(text) + 1  # the newline joining them
    return _cut(parse("\n".join(texts)), ranges)


def sentences_in(text: str, ranges: Sequence[tuple[int, int]]) -> ParsedSentences | None:
    """The sentences at ``ranges`` (start, stop offsets, in order, not overlapping) of
    ``text`` when :func:`parse_text` parsed the whole text already (the names table's
    entities did), else None: the caller then parses only what it needs."""
    doc = _PARSED.get(text)
    return None if doc is None else _cut(doc, ranges)


def _cut(doc: Any, ranges: Sequence[tuple[int, int]]) -> ParsedSentences:
    """Tokens and spans of ``doc`` by the range they start in; an empty range gets none."""
    from bisect import bisect_right

    starts = [start for start, _ in ranges]
    out = ParsedSentences([[] for _ in ranges], [[] for _ in ranges], {}, {})

    def place(at: int) -> int | None:
        k = bisect_right(starts, at) - 1
        return k if k >= 0 and at < ranges[k][1] else None

    for token in doc.tokens:
        out.by_id[token.id] = token
        out.children.setdefault(token.head_id, []).append(token)
        k = place(token.start)
        if k is not None:
            out.tokens[k].append(token)
    for span in doc.spans:
        k = place(span.start)
        if k is not None:
            out.spans[k].append(span)
    return out
