"""The bottom line of a memo: the facts an analyst reads first.

Who did what, when and where, in two or three of the article's own sentences: the lead
fact first, then the best-scored key points. Never a question, a teaser ("Как изменится
..., рассказал ..."), the headline word for word, an interviewee's answer or an opinion
nobody is named for; an interview is framed by a line built from the header fields
(:func:`processor.memo.speakers.interview_frame`), added by
:func:`processor.memo.content.build_memo`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from processor.speech import Speech
from processor.summarize import KeyPoint
from processor.summarize.rules import is_question, is_teaser

_BOTTOM_LINE_SENTENCES = 3
_BOTTOM_LINE_WORDS = 90


def bottom_line_points(
    points: Sequence[KeyPoint], *, speech: Speech | None = None, title: str | None = None
) -> list[int]:
    """Indices of the key points that make the bottom line: the lead fact first, then
    the best-scored ones, two or three sentences in all, in reading order.

    Only facts: never a question, a teaser ("Как изменится ..., рассказал ..."), the
    headline word for word, an interviewee's answer or an opinion nobody is named for.
    """
    factual = [i for i, p in enumerate(points) if _factual(p, speech, title)]
    if not factual:
        return []
    # Keep at least one key point out of the bottom line so the list below it says more.
    budget = min(_BOTTOM_LINE_SENTENCES, max(1, len(points) - 1))
    lead = min(factual, key=lambda i: _order(points[i]))
    chosen = [lead]
    sentences = len(points[lead].sentence_ids)
    words = len(points[lead].text.split())
    for i in sorted(factual, key=lambda i: -points[i].score):
        if i in chosen or sentences >= budget or len(chosen) >= budget:
            continue
        size = len(points[i].text.split())
        if sentences + len(points[i].sentence_ids) <= budget and words + size <= _BOTTOM_LINE_WORDS:
            chosen.append(i)
            sentences += len(points[i].sentence_ids)
            words += size
    return sorted(chosen, key=lambda i: _order(points[i]))


# First person outside a quotation: the author's or a speaker's opinion, not a fact.
_FIRST_PERSON = re.compile(
    r"\b(?:я|мы|мне|нам|нас|меня|наш[а-я]*|считаю|думаю|полагаю|по-моему)\b", re.IGNORECASE
)


def _factual(point: KeyPoint, speech: Speech | None, title: str | None) -> bool:
    text = point.text
    if is_question(text) or is_teaser(text):
        return False
    if title and _words(text) == _words(title):
        return False
    speakers = speech.speakers if speech else {}
    guest = speech.interviewee if speech else None
    if guest is not None and any(speakers.get(sid) == guest for sid in point.sentence_ids):
        return False  # an interview answer: the guest's view, framed above
    unattributed = not any(sid in speakers for sid in point.sentence_ids)
    return not (unattributed and _FIRST_PERSON.search(text))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _order(point: KeyPoint) -> tuple[int, int]:
    paragraph, sentence = point.first_id[1:].split(".s")
    return int(paragraph), int(sentence)
