"""What a memo takes from one prepared input: the texts to translate (keyed by sentence
id: the title, each figure's "what" and the speakers' roles too), the full text, the
actors table, the glossary names and the terminology check.
:func:`processor.pipeline.brief` builds every memo from these, in the source language or
translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from processor.memo.content import EntityRow, TermCheck
from processor.memo.figures import what_key
from processor.memo.subject import derive_title
from processor.model import Document
from processor.summarize import strip_dash

if TYPE_CHECKING:
    from processor.glossary import TermOutcome
    from processor.glossary.report import TermUsage
    from processor.preparation import Prepared

TITLE = "title"


def memo_texts(prepared: Prepared, full_text: bool) -> list[tuple[str, str]]:
    """(key, text) for everything a translated memo shows: its title, then sentences."""
    doc, selection = prepared.doc, prepared.selection
    by_id = {s.id: s for s in doc.sentences()}
    wanted = list(by_id) if full_text else selection.sentence_ids()
    texts = [(TITLE, derive_title(doc))] + [(sid, strip_dash(by_id[sid].text)) for sid in wanted]
    # What each key figure measures, translated like the rest (the figures stay the source's).
    figures = prepared.figures or ()
    texts += [(what_key(i), f.what) for i, f in enumerate(figures) if f.what]
    return texts + speaker_texts(prepared, selection.sentence_ids())


def speaker_texts(prepared: Prepared, ids: Sequence[str]) -> list[tuple[str, str]]:
    """The roles of the speakers of sentences ``ids`` outside the role table, and the names
    of institutions that speak, translated with the memo's sentences ("министр культуры и
    информации", "департамент полиции Алматы")."""
    from processor.memo.speakers import ROLES, role_key

    speech = prepared.speech
    if speech is None:
        return []
    speakers = [speech.speakers[sid] for sid in ids if sid in speech.speakers]
    if speech.interviewee:
        speakers.append(speech.interviewee)
    roles = dict.fromkeys(s.role for s in speakers if s.role and s.role.lower() not in ROLES)
    roles.update(dict.fromkeys(s.name for s in speakers if s.kind == "organization"))
    return [(role_key(role), role) for role in roles]


def full_text_rows(doc: Document, translated: dict[str, str] | None) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for paragraph in doc.paragraphs:
        if translated is None or not paragraph.sentences:
            rows.append((paragraph.kind, paragraph.text))
            continue
        pieces = [translated.get(s.id, s.text) for s in paragraph.sentences]
        lead = "– " if paragraph.text.lstrip()[:1] in "–—" else ""
        rows.append((paragraph.kind, lead + " ".join(pieces).strip()))
    return rows


def entity_rows(prepared: Prepared) -> list[EntityRow]:
    """The actors: people, organizations and places the article is about, aliases merged,
    most important first (:mod:`processor.memo.actors`)."""
    if prepared.findings is None:
        return []
    from processor.memo.actors import actors

    return [
        EntityRow(ru=a.ru, en=a.en, kk=a.kk, type=a.type, in_glossary=a.in_glossary)
        for a in actors(prepared.findings.names, prepared.doc)
    ]


def glossary_names(prepared: Prepared) -> list[str]:
    return list(prepared.findings.glossaries) if prepared.findings else []


def translated_terms(
    usages: Sequence[TermUsage], outcomes: Sequence[TermOutcome], language: str
) -> list[TermCheck]:
    """The terminology check of one translated memo (the memo words its notices)."""
    from processor.glossary.report import terminology_appendix

    rows: list[TermCheck] = []
    for row in terminology_appendix(usages, {language: outcomes}):
        result = row.results[language]
        rows.append(
            TermCheck(
                term=row.entry.rendering(language),
                source=row.term,
                occurrences=row.occurrences,
                correct=result.all_right,
                translated=result.translated,
                missing=result.missing,
                notes=result.notes,
            )
        )
    return rows
