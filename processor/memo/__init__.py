"""The briefing memo: what it says (:mod:`.content`), in which order (:mod:`.sections`),
its fixed texts (:mod:`.labels`), and its formats (:mod:`.docx`, :mod:`.text`).

Writers are imported from their modules (``processor.memo.docx.write_docx``) so that
importing the memo's content never loads python-docx.
"""

from processor.memo.content import (
    EntityRow,
    Memo,
    MemoItem,
    TermCheck,
    build_memo,
    derive_title,
)

__all__ = ["EntityRow", "Memo", "MemoItem", "TermCheck", "build_memo", "derive_title"]
