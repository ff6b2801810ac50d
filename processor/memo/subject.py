"""The memo's subject line: the headline, or the lead shortened at a phrase boundary.

A subject cut at a character count can change what the article says ("…приговорил к
двум годам" reads as a prison term when "ограничения свободы" is cut off), so a Russian
lead is shortened with its syntax parse (:mod:`processor.nlp`): only whole modifiers of
the clause (an adverbial, a participle or relative clause, a coordinated part) are dropped
from the end, never the words a noun or a verb needs, and the cut is marked with "…".
"""

from __future__ import annotations

import re
from typing import Any

from processor.model import Document
from processor.readers.byline import ATTRIBUTION

# A subject fits two lines of the title style on A4 (about 60 characters a line).
SUBJECT_CHARS = 120
ELLIPSIS = "…"
# Dependents that may be dropped whole from the end of a subject: a verb's circumstance
# or a second fact, a noun's participle or relative clause; what is left still says who
# did what.  A noun's complements ("к году ограничения свободы", "по статье «…»") stay.
_DROPPABLE_OF_VERB = {"obl", "advmod", "advcl", "conj", "parataxis", "discourse"}
_DROPPABLE_OF_NOUN = {"acl", "acl:relcl", "conj"}
_ANY = {"punct", "cc"}


def derive_title(doc: Document) -> str:
    """The memo's subject: the article's headline, else its first sentence (without the
    "сообщает Zakon.kz" attribution), shortened at a phrase boundary to two lines."""
    first = next(doc.sentences(), None)
    text = (doc.title or (first.text if first else "")).strip()
    if not text:
        return doc.meta.name
    if doc.title:
        return subject_line(text)
    text = ATTRIBUTION.sub("", text.rstrip(".!")).strip()
    text = re.sub(r"\s+", " ", text)
    if len(text) <= SUBJECT_CHARS:
        return text
    return _shortened_by_syntax(text) or subject_line(text)


def subject_line(text: str) -> str:
    """``text`` in at most two title lines; a longer text (a translated subject, where
    there is no parse) keeps its whole clauses that fit, marked with "…"."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= SUBJECT_CHARS:
        return text
    cut = ""
    for match in re.finditer(r"[,;:]\s|\s[–—-]\s", text):
        if match.start() > SUBJECT_CHARS - 1:
            break
        if len(text[: match.start()].split()) >= 4:
            cut = text[: match.start()]
    if not cut:
        cut = text[: SUBJECT_CHARS - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–—- ") + ELLIPSIS


def _shortened_by_syntax(text: str) -> str | None:
    """The longest prefix of ``text`` that fits and ends where only droppable whole
    phrases follow, with "…"; None when the parse offers no such cut."""
    from processor.nlp import parse

    tokens = parse(text, ner=False).tokens
    if not tokens:
        return None
    # natasha's ids are "sentence_token"; a head outside the text (a root) is -1.
    index = {t.id: i for i, t in enumerate(tokens)}
    heads = [index.get(t.head_id, -1) for t in tokens]
    best = None
    for end in range(1, len(tokens)):
        prefix = text[: tokens[end - 1].stop].rstrip(" ,;:–—-")
        if len(prefix) + 1 > SUBJECT_CHARS:
            break
        if len(prefix.split()) >= 4 and not _open_quote(prefix) and _clean_cut(tokens, heads, end):
            best = prefix
    return best + ELLIPSIS if best else None


def _clean_cut(tokens: list[Any], heads: list[int], end: int) -> bool:
    """Cutting before token ``end`` leaves whole phrases: nothing kept depends on a dropped
    token, and every dropped phrase hangs from a kept word by a droppable relation."""
    if any(h >= end for h in heads[:end]):
        return False
    dropped = [i for i in range(end, len(tokens)) if 0 <= heads[i] < end]
    return all(_droppable(tokens[i], tokens[heads[i]]) for i in dropped)


def _droppable(token: Any, head: Any) -> bool:
    if token.rel in _ANY:
        return True
    allowed = _DROPPABLE_OF_VERB if head.pos in ("VERB", "AUX") else _DROPPABLE_OF_NOUN
    return str(token.rel) in allowed


def _open_quote(text: str) -> bool:
    """A cut inside a quotation ("по статье «Участие в…») is never a phrase boundary."""
    return text.count("«") > text.count("»") or text.count('"') % 2 == 1
