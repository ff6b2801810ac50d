"""Choose the key points of a segmented document.

sumy ranks the sentences (one interface, many algorithms, as in sumy itself);
this module then applies the rules a briefing needs, which no ranking knows:

* an interviewer's turn (a dash paragraph that asks a question) and any
  question are not findings;
* fragments (too short, no final punctuation, lowercase start) are skipped;
* near-duplicates are chosen once (the seed article repeats its lead);
* a sentence that leans on the one before it ("Об этом президент заявил...",
  "Этот разговор состоялся...") brings that sentence in with it, or is passed
  over when the antecedent cannot stand in a memo;
* sentences carrying amounts, percentages and dates feed a separate
  "Key figures" list, deduplicated against the key points.

Key points come back in reading order, each naming the source sentence ids it
covers, so translations align with the source.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from processor.model import Document, Paragraph, Sentence

ALGORITHMS: tuple[str, ...] = (
    "lexrank",
    "lsa",
    "textrank",
    "luhn",
    "edmundson",
    "kl",
    "sumbasic",
    "lead",
)
DEFAULT_ALGORITHM = "lexrank"
DEFAULT_SENTENCES = 7
DEFAULT_FIGURES = 5

_DASHES = "–—-"
_LEADING_DASH = re.compile(rf"^\s*[{_DASHES}]\s*")
_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁёA-Za-z]+)*")

# Openers that point back at something the reader of a memo does not see.
_ANAPHORIC_OPENERS = re.compile(
    r"^(?:об этом|о том|это|этот|эта|эти|этого|этой|этим|этому|он|она|оно|они|его|её|ее|их|"
    r"ему|ей|им|при этом|кроме того|более того|также|тем не менее|однако|поэтому|"
    r"в то же время|в результате|вместе с тем|таким образом|в этом|на этом|после этого|"
    r"там|здесь|тогда|такой|такая|такие|такое|но|ведь|то есть|к тому же|"
    r"как раз|именно это|всё это|все это)\b",
    re.IGNORECASE,
)

# Amounts, percentages and dates: what an analyst quotes from an article.
_MONTHS = (
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]\w*|июн\w*|июл\w*|август\w*|"
    r"сентябр\w*|октябр\w*|ноябр\w*|декабр\w*"
)
_AMOUNT = re.compile(
    r"\d[\d\s.,]*\s*(?:%|процент\w*|трлн\w*|триллион\w*|млрд\w*|миллиард\w*|млн\w*|"
    r"миллион\w*|тыс\w*|тысяч\w*|доллар\w*|долл\.?|евро|тенге|руб\w*|\$|баррел\w*|тонн\w*)"
    r"|[$€₸]\s*\d",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{4}}|\b(?:19|20)\d\d\s*(?:год\w*|г\.)",
    re.IGNORECASE,
)
_COUNT = re.compile(r"\b\d+\s+(?:соглашени\w*|компани\w*|договор\w*|проект\w*|стран\w*)", re.I)


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


# --- sumy adapters -----------------------------------------------------------------------


class _RussianTokenizer:
    """sumy tokenizer backed by razdel: works offline, unlike sumy's NLTK default."""

    language = "russian"

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


@cache
def stop_words() -> frozenset[str]:
    from stop_words import get_stop_words

    return frozenset(get_stop_words("russian"))


def _sumy_document(doc: Document, sentences: Sequence[Sentence]) -> tuple[Any, dict[int, int]]:
    """The sumy document, and a map from sumy's sentence order to indices in ``sentences``.

    sumy counts headings among its sentences; the map is built in the same loop so
    the two can never drift apart.
    """
    from sumy.models.dom import ObjectDocumentModel
    from sumy.models.dom import Paragraph as SumyParagraph
    from sumy.models.dom import Sentence as SumySentence

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


def _summarizer(algorithm: str) -> Any:
    from sumy.nlp.stemmers import Stemmer

    stemmer = Stemmer("russian")
    if algorithm == "lexrank":
        from sumy.summarizers.lex_rank import LexRankSummarizer as cls
    elif algorithm == "lsa":
        from sumy.summarizers.lsa import LsaSummarizer as cls
    elif algorithm == "textrank":
        from sumy.summarizers.text_rank import TextRankSummarizer as cls
    elif algorithm == "luhn":
        from sumy.summarizers.luhn import LuhnSummarizer as cls
    elif algorithm == "edmundson":
        from sumy.summarizers.edmundson import EdmundsonSummarizer as cls
    elif algorithm == "kl":
        from sumy.summarizers.kl import KLSummarizer as cls
    elif algorithm == "sumbasic":
        from sumy.summarizers.sum_basic import SumBasicSummarizer as cls
    else:
        raise ValueError(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    summarizer = cls(stemmer)
    summarizer.stop_words = stop_words()
    if algorithm == "edmundson":
        # Edmundson needs cue words: reporting verbs and figures mark findings,
        # hedges and interview phatics mark filler.
        summarizer.bonus_words = _stems(
            stemmer,
            "заявил подчеркнул отметил сообщил подписан соглашение договоренность "
            "инвестиции миллиард процент рост объем президент правительство",
        )
        summarizer.stigma_words = _stems(
            stemmer, "наверное кажется мнение вопрос считаю помню скажем например ну"
        )
        summarizer.null_words = stop_words()
    return summarizer


def _stems(stemmer: Callable[[str], str], words: str) -> tuple[str, ...]:
    return tuple(stemmer(w) for w in words.split())


def rank(doc: Document, sentences: Sequence[Sentence], algorithm: str) -> list[float]:
    """A score per sentence (higher is more central), aligned with ``sentences``."""
    if algorithm == "lead":
        # The news baseline: earlier is more important.
        return [1.0 / (1 + i) for i in range(len(sentences))]
    summarizer = _summarizer(algorithm)
    ranking: list[Any] = []

    def keep_all(infos: list[Any]) -> list[Any]:
        # sumy passes every sentence, best first, to a callable count: keep the full ranking.
        ranking.extend(infos)
        return infos

    document, order_to_index = _sumy_document(doc, sentences)
    summarizer(document, keep_all)
    scores = [0.0] * len(sentences)
    for position, info in enumerate(ranking):
        index = order_to_index.get(info.order)
        if index is not None:
            # Rank-based score: comparable across algorithms whose raw ratings are not.
            scores[index] = 1.0 - position / max(len(ranking), 1)
    return scores


# --- quality rules --------------------------------------------------------------------------


def strip_dash(text: str) -> str:
    return _LEADING_DASH.sub("", text, count=1)


# An interviewer addresses the guest: "Эдуард Эдуардович, ...", "Ваше мнение", "Как Вы ...".
_ADDRESS = re.compile(
    r"^[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична)\b"
    r"|\bВ(?:ы|ас|ам|аш|аша|аше|аши|ашего|ашей|ашему|ашим|ашем)\b"
    r"|\b[Хх]отелось бы (?:услышать|узнать)"
)


def is_question_turn(paragraph: Paragraph) -> bool:
    """An interviewer's turn: a dash paragraph that asks or addresses the guest."""
    text = paragraph.text.strip()
    if not text or text[0] not in _DASHES:
        return False
    return "?" in text or bool(_ADDRESS.search(strip_dash(text)))


def is_fragment(text: str) -> bool:
    words = _WORD.findall(text)
    if len(words) < 5:
        return True
    first = text.lstrip("«\"'(")
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return True
    return text.rstrip("»\"')")[-1:] not in ".!…"


def is_anaphoric(text: str) -> bool:
    return bool(_ANAPHORIC_OPENERS.match(text))


def figure_weight(text: str) -> int:
    """How much quotable data a sentence carries: amounts count double."""
    amounts = len(_AMOUNT.findall(text)) + len(_COUNT.findall(text))
    return 2 * amounts + len(_DATE.findall(text))


def _stem_set(text: str) -> frozenset[str]:
    words = (w.lower() for w in _WORD.findall(text))
    # Cheap stemming by prefix is enough to catch restated sentences.
    return frozenset(w[:6] for w in words if w not in stop_words() and len(w) > 2)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap relative to the shorter sentence: a restatement inside a longer one counts."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


NEAR_DUPLICATE = 0.6
# A bullet is one thought: an antecedent, its sentence, and at most one neighbour.
MAX_BULLET_SENTENCES = 3


@dataclass
class _Candidate:
    index: int
    sentence: Sentence
    text: str
    score: float


class _Selector:
    """Greedy selection in score order under the briefing rules."""

    def __init__(self, doc: Document, sentences: list[Sentence], scores: list[float]):
        self.doc = doc
        self.sentences = sentences
        self.scores = scores
        self.question_paragraphs = {p.index for p in doc.paragraphs if is_question_turn(p)}
        self.position = {s.id: i for i, s in enumerate(sentences)}
        self.stems = [_stem_set(s.text) for s in sentences]
        self.chosen: list[KeyPoint] = []
        self.used: set[str] = set()

    def eligible(self, i: int) -> bool:
        s = self.sentences[i]
        text = strip_dash(s.text)
        return (
            s.paragraph not in self.question_paragraphs
            and not text.rstrip("»\"')").endswith("?")
            and not is_fragment(text)
        )

    def antecedent(self, i: int) -> int | None:
        """The sentence a dangling opener leans on, if it can stand in a memo."""
        if i == 0:
            return None
        previous = i - 1
        same_paragraph = self.sentences[previous].paragraph == self.sentences[i].paragraph
        if not same_paragraph and self.sentences[previous].paragraph in self.question_paragraphs:
            return None  # the sentence answers a question: its referent is in the question
        if not self.eligible(previous) or is_anaphoric(strip_dash(self.sentences[previous].text)):
            return None
        return previous

    def duplicate(self, indices: Sequence[int]) -> bool:
        indices = [i for i in indices if self.sentences[i].id not in self.used]
        for point in self.chosen:
            for sid in point.sentence_ids:
                j = self.position[sid]
                if any(similarity(self.stems[i], self.stems[j]) >= NEAR_DUPLICATE for i in indices):
                    return True
        return False

    def point(self, i: int, into: Sequence[KeyPoint]) -> list[int] | None:
        """The sentence indices a new point in ``into`` for sentence ``i`` needs, or None."""
        if not self.eligible(i) or self.sentences[i].id in self.used:
            return None
        indices = [i]
        if is_anaphoric(strip_dash(self.sentences[i].text)):
            previous = self.antecedent(i)
            if previous is None:
                return None
            previous_id = self.sentences[previous].id
            # An antecedent shown already can only be shared as the end of a bullet of
            # this list: take() then extends that bullet.
            if previous_id in self.used and not any(
                p.sentence_ids[-1] == previous_id for p in into
            ):
                return None
            indices = [previous, i]
        if self.duplicate(indices):
            return None
        return indices

    def _point(self, indices: Sequence[int], score: float) -> KeyPoint:
        return KeyPoint(
            sentence_ids=tuple(self.sentences[j].id for j in indices),
            text=" ".join(strip_dash(self.sentences[j].text) for j in indices),
            score=score,
        )

    def take(self, indices: list[int], score: float, into: list[KeyPoint]) -> bool:
        """Add a point to ``into``; returns False when it only extended a neighbour.

        A sentence that shares a sentence with a chosen bullet (its antecedent), or
        stands right before or after one in the same paragraph, joins that bullet:
        one thought, one bullet, and no slot spent twice on it.
        """
        for k, point in enumerate(into):
            start = self.position[point.sentence_ids[0]]
            last = self.position[point.sentence_ids[-1]]
            lo, hi = min(start, indices[0]), max(last, indices[-1])
            overlapping = start <= indices[-1] and indices[0] <= last
            touching = last + 1 == indices[0] or indices[-1] + 1 == start
            same_paragraph = self.sentences[lo].paragraph == self.sentences[hi].paragraph
            if (overlapping or (touching and same_paragraph)) and hi - lo < MAX_BULLET_SENTENCES:
                merged = self._point(range(lo, hi + 1), max(point.score, score))
                into[k] = merged
                self.chosen[self.chosen.index(point)] = merged
                self.used.update(merged.sentence_ids)
                return False
        if any(self.sentences[j].id in self.used for j in indices):
            return False  # its antecedent sits in a bullet that is full: pass it over
        point = self._point(indices, score)
        into.append(point)
        self.chosen.append(point)
        self.used.update(point.sentence_ids)
        return True


def select(
    doc: Document,
    *,
    algorithm: str = DEFAULT_ALGORITHM,
    sentences: int | None = None,
    ratio: float | None = None,
    figures: int = DEFAULT_FIGURES,
) -> Selection:
    """Choose key points (``sentences`` of them, or ``ratio`` of the body) and key figures.

    The document is segmented first if it was not already.
    """
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    if not doc.is_segmented:
        doc.segment()
    body = list(doc.sentences())
    if not body:
        return Selection(algorithm, [])
    count = _target_count(len(body), sentences, ratio)
    scores = rank(doc, body, algorithm)
    selector = _Selector(doc, body, scores)

    key_points: list[KeyPoint] = []
    for i in sorted(range(len(body)), key=lambda k: (-scores[k], k)):
        if len(key_points) >= count:
            break
        indices = selector.point(i, key_points)
        if indices is not None:
            selector.take(indices, scores[i], key_points)

    key_figures: list[KeyPoint] = []
    weights = [figure_weight(strip_dash(s.text)) for s in body]
    # Amount-bearing sentences first, centrality breaking ties.
    for i in sorted(range(len(body)), key=lambda k: (-weights[k], -scores[k], k)):
        if len(key_figures) >= figures or weights[i] < 2:
            break
        indices = selector.point(i, key_figures)
        if indices is not None:
            selector.take(indices, scores[i], key_figures)

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
