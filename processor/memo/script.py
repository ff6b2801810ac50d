"""A memo in a script variant of its language (``kk-latn``): the Kazakh memo, converted.

The memo is built in the base language (translation, glossary forms and Kazakh case
endings all work in Cyrillic), then every text the memo writes in its own language is
converted here, once; the source's own words (the Russian column of the names table,
the Russian term, the original headline, file and outlet names) stay as they are.
A field added to :class:`Memo` that holds memo-language text must be converted here too.
Fixed labels are converted where they are looked up (:func:`labels.label`).
"""

from __future__ import annotations

from dataclasses import replace

from processor.kazakh_latin import base_language, in_script
from processor.memo.content import (
    EntityRow,
    Memo,
    MemoItem,
    TermCheck,
    default_marking,
    term_notices,
)


def written_in(memo: Memo, language: str) -> Memo:
    """``memo`` (built in ``base_language(language)``) as ``language`` writes it."""
    if base_language(language) == language:
        return memo

    def conv(text: str) -> str:
        return in_script(text, language)

    def item(point: MemoItem) -> MemoItem:
        speaker = point.speaker
        if speaker is not None:  # its Russian surname stays: it is matched in the source
            speaker = replace(speaker, name=conv(speaker.name), role=conv(speaker.role))
        return replace(point, text=conv(point.text), speaker=speaker)

    def entity(row: EntityRow) -> EntityRow:
        return replace(row, kk=conv(row.kk))

    def term(check: TermCheck) -> TermCheck:
        return replace(check, term=conv(check.term))

    base = base_language(language)
    terms = [term(t) for t in memo.terms]
    # Term notices are worded again: their Russian term stays, the rest is converted.
    others = memo.notices[len(term_notices(memo.terms, base)) :]
    # The marking the language gives by default is converted; one the user wrote is theirs.
    marking = default_marking(language) if memo.marking == default_marking(base) else memo.marking
    return replace(
        memo,
        language=language,
        title=conv(memo.title),
        key_points=[item(p) for p in memo.key_points],
        key_figures=[item(p) for p in memo.key_figures],
        bottom_line=[item(p) for p in memo.bottom_line],
        entities=[entity(r) for r in memo.entities],
        terms=terms,
        full_text=[(kind, conv(text)) for kind, text in memo.full_text]
        if memo.full_text is not None
        else None,
        notices=term_notices(terms, language) + [conv(n) for n in others],
        keywords=[conv(k) for k in memo.keywords],
        marking=marking,
        figure_rows=[
            replace(r, figure=conv(r.figure), what=conv(r.what), context=conv(r.context))
            for r in memo.figure_rows
        ],
    )
