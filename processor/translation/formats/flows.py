"""Running text as flows of keyed pieces, translated in one batch (HTML and Markdown).

A :class:`Flow` is a stretch of text (a paragraph, a cell, a line) cut into pieces, each
keyed by its inline context (a link, bold text). :func:`translate_flows` splits every
flow into sentences, marks each sentence's formatted pieces
(:mod:`processor.translation.formats.markup`), sends all sentences in one call and gives back,
per flow, the translated pieces with the same keys, in the translation's order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from processor.translation.formats.markup import Fidelity, Marked, Piece, mark, unmark


@dataclass
class Flow:
    """A stretch of running text (a paragraph, a cell, a line) as keyed pieces.

    Every text piece has the key of its inline context (0 for the block's own text);
    points have keys of their own. :func:`translate_flows` gives back, per flow, the
    translated pieces with the same keys, in the translation's order.
    """

    pieces: list[Piece]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces if not p.point)


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _sentence_pieces(flow: Flow, start: int, stop: int, inline: bool) -> tuple[list[Piece], int]:
    """Pieces of [start, stop); the key with most letters goes bare and is returned."""
    weight: dict[int, int] = {}
    pos = 0
    spans: list[tuple[Piece, int, int]] = []
    for piece in flow.pieces:
        a, b = pos, pos + len(piece.text)
        spans.append((piece, a, b))
        pos = b
        if not piece.point and piece.key is not None:
            covered = piece.text[max(start, a) - a : max(0, min(stop, b) - a)]
            weight[piece.key] = weight.get(piece.key, 0) + sum(ch.isalnum() for ch in covered)
    main = max(weight, key=lambda k: weight[k]) if weight else 0
    out: list[Piece] = []
    for piece, a, b in spans:
        if piece.point:
            if inline and start < a < stop:
                out.append(piece)
            continue
        lo, hi = max(start, a), min(stop, b)
        if lo < hi:
            text = piece.text[lo - a : hi - a]
            bare = piece.key == main or not inline or not any(ch.isalnum() for ch in text)
            out.append(Piece(text, None if bare else piece.key))
    return out, main


def _key_at(flow: Flow, offset: int) -> int:
    pos = 0
    for piece in flow.pieces:
        if not piece.point and pos <= offset < pos + len(piece.text):
            return piece.key or 0
        pos += len(piece.text)
    return next((p.key or 0 for p in reversed(flow.pieces) if not p.point), 0)


# (start, stop, marked sentence or None when it has no letters, batch slot, main key)
_Planned = tuple[int, int, Marked | None, int, int]


def translate_flows(
    flows: Sequence[Flow], translate: Callable[[list[str]], list[str]], *, inline: bool = True
) -> tuple[list[list[Piece]], Fidelity, int]:
    """Translate every flow's sentences in one call; formatting keys come back in place.

    ``translate`` takes the batch of distinct sentences and returns one output each.
    Returns the translated pieces per flow, the fidelity report and the sentence count.
    """
    from processor.segment import split_sentences

    batch: list[str] = []
    unique: dict[str, int] = {}
    plans: list[list[_Planned]] = []
    sentences = 0
    for flow in flows:
        plan: list[_Planned] = []
        for span in split_sentences(flow.text):
            if not _has_letters(span.text):
                plan.append((span.start, span.stop, None, -1, 0))
                continue
            pieces, main = _sentence_pieces(flow, span.start, span.stop, inline)
            marked = mark(pieces)
            slot = unique.setdefault(marked.source, len(batch))
            if slot == len(batch):
                batch.append(marked.source)
            plan.append((span.start, span.stop, marked, slot, main))
            sentences += 1
        plans.append(plan)
    translations = translate(batch) if batch else []
    report = Fidelity()
    out: list[list[Piece]] = []
    for flow, plan in zip(flows, plans, strict=True):
        out.append(_rebuild(flow, plan, translations, report))
    return out, report, sentences


def _rebuild(
    flow: Flow,
    plan: list[_Planned],
    translations: list[str],
    report: Fidelity,
) -> list[Piece]:
    """The flow's translated pieces; points left out of the model keep their text offset."""
    text = flow.text
    sent = {id(p) for _, _, marked, _, _ in plan if marked for p in marked.pieces if p.point}
    waiting: list[tuple[int, Piece]] = []
    offset = 0
    for piece in flow.pieces:
        if piece.point and id(piece) not in sent:
            waiting.append((offset, piece))
        offset += len(piece.text)
    pieces: list[Piece] = []

    def points_until(limit: int) -> None:
        while waiting and waiting[0][0] <= limit:
            pieces.append(waiting.pop(0)[1])

    pos = 0
    for i, (start, stop, marked, slot, main) in enumerate(plan):
        points_until(pos)
        gap = text[pos:start] or (" " if i else "")
        if gap:
            pieces.append(Piece(gap, _key_at(flow, pos)))
        points_until(start)
        if marked is None:
            pieces.append(Piece(text[start:stop], _key_at(flow, start)))
        else:
            translated, outcome = unmark(marked, translations[slot])
            report.add(outcome)
            pieces += [p if p.key is not None else Piece(p.text, main) for p in translated]
        pos = stop
    points_until(pos)
    if text[pos:]:
        pieces.append(Piece(text[pos:], _key_at(flow, pos)))
    pieces += [piece for _, piece in waiting]
    return pieces
