"""Choose the key points of a segmented document.

sumy ranks the sentences (:mod:`.ranking`: one interface, many algorithms, as in
sumy itself); the briefing rules then decide what a memo can show
(:mod:`.rules`, :mod:`.grammar`), and sentences carrying amounts feed a separate
Key figures list (:mod:`.figures`). :func:`select` (:mod:`.selection`) is the
entry point.
"""

from __future__ import annotations

from processor.summarize.figures import DEFAULT_FIGURES, figure_weight
from processor.summarize.ranking import ALGORITHMS, DEFAULT_ALGORITHM, register
from processor.summarize.rules import Signature, near_duplicate, similarity, strip_dash
from processor.summarize.selection import DEFAULT_SENTENCES, KeyPoint, Selection, select

__all__ = [
    "ALGORITHMS",
    "DEFAULT_ALGORITHM",
    "DEFAULT_FIGURES",
    "DEFAULT_SENTENCES",
    "KeyPoint",
    "Selection",
    "Signature",
    "figure_weight",
    "near_duplicate",
    "register",
    "select",
    "similarity",
    "strip_dash",
]
