"""Inline formatting carried through translation as markers.

A sentence whose words carry different formatting (a bold phrase, a link, a tracked
insertion, a footnote reference) is sent to the model as ONE sentence, with each
formatted stretch wrapped in a marker: ``Президент <x1>заявил</x1> о реформах<x2/>.``
(``<xN>…</xN>`` for a span, ``<xN/>`` for a point such as a footnote reference).
The glossary carries names through translation the same way, with placeholders.

When the model keeps the markers, each span goes back around the words it wraps in
the translation. When it drops, duplicates or scrambles them, the span is placed by
its relative position in the sentence, snapped to whole words ("moved"); no text is
ever lost. Every outcome is counted in a :class:`Fidelity` report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Lenient on the way back: models insert spaces and change case inside tags.
_TAG = re.compile(r"<\s*(/?)\s*[xX]\s*(\d{1,3})\s*(/?)\s*>")
# Markers already in the source text would be ambiguous: such sentences go unmarked.
_SOURCE_TAG = re.compile(r"<\s*/?\s*[xX]\s*\d")


@dataclass(frozen=True)
class Piece:
    """A stretch of a sentence: ``key`` None is the sentence's base formatting.

    A point (``point=True``) has no text of its own: a footnote reference, a field,
    an image or an untranslatable code span, placed between words.
    """

    text: str
    key: int | None = None
    point: bool = False


@dataclass
class Fidelity:
    """How the inline formatting of translated units came through."""

    units: int = 0
    spans: int = 0
    kept: int = 0
    moved: int = 0
    lost: int = 0

    def add(self, other: Fidelity) -> None:
        self.units += other.units
        self.spans += other.spans
        self.kept += other.kept
        self.moved += other.moved
        self.lost += other.lost

    def to_dict(self) -> dict[str, int]:
        return {
            "units": self.units,
            "spans": self.spans,
            "kept": self.kept,
            "moved": self.moved,
            "lost": self.lost,
        }


@dataclass
class FileReport:
    """What translating one file did: where, by which route, and how faithfully."""

    source: Path
    dest: Path
    route: str
    # translated units (paragraphs, blocks, lines) per story: "body", "header", "footnotes"...
    units: dict[str, int] = field(default_factory=dict)
    sentences: int = 0
    unique_sentences: int = 0  # sent to the model (repeated headers go once)
    properties: int = 0  # metadata and alt texts translated
    fidelity: Fidelity = field(default_factory=Fidelity)

    @property
    def total_units(self) -> int:
        return sum(self.units.values())

    def to_dict(self) -> dict[str, object]:
        return {
            "source": str(self.source),
            "output": str(self.dest),
            "route": self.route,
            "units": self.total_units,
            "units_by_story": dict(self.units),
            "sentences": self.sentences,
            "properties": self.properties,
            "inline_spans": self.fidelity.to_dict(),
        }

    def summary(self) -> str | None:
        """One line when the model moved inline formatting, else None."""
        f = self.fidelity
        if not f.moved and not f.lost:
            return None
        return (
            f"inline formatting: {f.moved} of {f.spans} spans moved to the nearest words"
            + (f", {f.lost} lost" if f.lost else "")
            + " (the model did not keep the markers)"
        )


@dataclass
class Marked:
    """A sentence ready for the model, and how to read the answer back.

    Marker numbers run 1, 2, 3... in sentence order; ``keys[n - 1]`` is the caller's
    key of marker ``n`` (a key may stand twice: two bold words apart are two markers).
    """

    pieces: list[Piece]
    source: str  # what the model is sent
    keys: list[int] = field(default_factory=list)

    @property
    def plain(self) -> str:
        return "".join(p.text for p in self.pieces if not p.point)


def merge(pieces: Sequence[Piece]) -> list[Piece]:
    """Join neighbours with one key; whitespace-only formatted text joins the base."""
    out: list[Piece] = []
    for piece in pieces:
        if not piece.point and piece.key is not None and not piece.text.strip():
            piece = Piece(piece.text)
        if not piece.point and not piece.text:
            continue
        if out and not piece.point and not out[-1].point and out[-1].key == piece.key:
            out[-1] = Piece(out[-1].text + piece.text, piece.key)
        else:
            out.append(piece)
    return out


def mark(pieces: Sequence[Piece]) -> Marked:
    """Wrap every formatted piece of a sentence in a marker (the base goes bare)."""
    pieces = merge(pieces)
    plain = "".join(p.text for p in pieces if not p.point)
    keys = [p.key for p in pieces if p.key is not None]
    if not keys or _SOURCE_TAG.search(plain):
        # Nothing to mark, or text that already looks like a marker: send it bare and
        # place any spans by position.
        return Marked(pieces, plain, keys)
    parts: list[str] = []
    n = 0
    for p in pieces:
        if p.key is None:
            parts.append(p.text)
            continue
        n += 1
        if p.point:
            parts.append(f"<x{n}/>")
        else:
            # Spaces stay outside the marker, where the model expects word breaks.
            lead = p.text[: len(p.text) - len(p.text.lstrip())]
            trail = p.text[len(p.text.rstrip()) :]
            parts.append(f"{lead}<x{n}>{p.text.strip()}</x{n}>{trail}")
    return Marked(pieces, "".join(parts), keys)


def unmark(marked: Marked, translation: str) -> tuple[list[Piece], Fidelity]:
    """The translated pieces, in the translation's order, and how the markers fared."""
    report = Fidelity(units=1, spans=len(marked.keys))
    if marked.keys and marked.source != marked.plain:
        parsed = _parse(translation, marked)
        if parsed is not None:
            report.kept = len(marked.keys)
            return parsed, report
    text = _squeeze(_TAG.sub(" ", translation)) if marked.keys else translation
    pieces, report.moved = _place(marked, text)
    return pieces, report


def _squeeze(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _parse(translation: str, marked: Marked) -> list[Piece] | None:
    """Pieces from a translation whose markers all came back once, well nested; else None."""
    points = {
        n for n, p in enumerate((q for q in marked.pieces if q.key is not None), 1) if p.point
    }
    count = len(marked.keys)
    out: list[Piece] = []
    seen: set[int] = set()
    open_n: int | None = None
    pos = 0
    for m in _TAG.finditer(translation):
        closing, n, selfclosing = m.group(1) == "/", int(m.group(2)), m.group(3) == "/"
        text = translation[pos : m.start()]
        pos = m.end()
        if not 1 <= n <= count or n in seen or selfclosing != (n in points):
            return None
        key = marked.keys[n - 1]
        if selfclosing:
            if open_n is not None:
                return None
            out += [Piece(text), Piece("", key, point=True)]
            seen.add(n)
        elif not closing:
            if open_n is not None:
                return None
            out.append(Piece(text))
            open_n = n
        else:
            if open_n != n:
                return None
            out.append(Piece(text, key))
            seen.add(n)
            open_n = None
    if open_n is not None or len(seen) != count:
        return None
    out.append(Piece(translation[pos:]))
    return merge(out) or [Piece("")]


def _word_bounds(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def _snap(text: str, words: list[tuple[int, int]], start: float, stop: float) -> tuple[int, int]:
    """Whole words of ``text`` that cover the fraction [start, stop) of its length."""
    if not words:
        return 0, 0
    n = len(text)
    a, b = start * n, stop * n
    chosen = [i for i, (s, e) in enumerate(words) if e > a and s < b]
    if not chosen:  # a span shorter than a word: the word nearest its middle
        middle = (a + b) / 2
        chosen = [min(range(len(words)), key=lambda i: abs(sum(words[i]) / 2 - middle))]
    return words[chosen[0]][0], words[chosen[-1]][1]


def _place(marked: Marked, text: str) -> tuple[list[Piece], int]:
    """Put every marked span on the whole words at its relative place in ``text``."""
    if not marked.keys:
        return [Piece(text)], 0
    total = max(1, len(marked.plain))
    words = _word_bounds(text)
    ends = [e for _, e in words] or [0]
    cuts: list[tuple[int, int, Piece]] = []
    pos = 0
    last = 0
    for p in marked.pieces:
        if p.point:
            # After the word that ends nearest the point's relative position.
            at = pos / total * len(text)
            where = max(min(ends, key=lambda e: abs(e - at)) if pos else 0, last)
            cuts.append((where, where, Piece("", p.key, point=True)))
            last = where
        elif p.key is not None:
            a, b = _snap(text, words, pos / total, (pos + len(p.text)) / total)
            a = max(a, last)
            b = max(b, a)
            cuts.append((a, b, Piece(text[a:b], p.key)))
            last = b
        pos += len(p.text)
    pieces: list[Piece] = []
    cursor = 0
    for a, b, piece in cuts:
        if a > cursor:
            pieces.append(Piece(text[cursor:a]))
        pieces.append(piece)
        cursor = max(cursor, b)
    if cursor < len(text):
        pieces.append(Piece(text[cursor:]))
    return merge(pieces), len(marked.keys)
