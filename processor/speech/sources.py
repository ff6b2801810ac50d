"""Speakers that are not a person named as a subject: an institution ("в акимате
заявили", "Минздрав сообщил"), the owner of a quoted document ("говорится в указе
Токаева"), a name alone after a quotation's dash ("«…», – Мухтар Ерман")."""

from __future__ import annotations

from typing import Any

from processor.speech import lexicon
from processor.speech.people import People, Person
from processor.speech.roles import position, role_of


def institution(token: Any, children: dict[str, list[Any]], orgs: dict[str, Any]) -> Person | None:
    """An institution as a speaker: ``token`` is in an ORG span ("Министерство
    здравоохранения сообщило") or heads an institution noun ("пресс-служба Акорды")."""
    from processor.nlp import lemma_of, normal_of

    span = orgs.get(token.id)
    if span is not None:
        return Person(normal_of(span), kind="organization")
    if token.pos in ("NOUN", "PROPN") and lemma_of(token) in lexicon.INSTITUTIONS:
        return Person(role_of(token, children, _not_the_name(token, children)), kind="organization")
    return None


# Prepositions that start what is said about an institution, not its name: "МИД об
# интервью", "суд на заседании"; "комитет по информации" keeps its "по".
_NOT_NAME_CASES = frozenset("о об обо про на с со из от для за в во к ко у при".split())


def _not_the_name(head: Any, children: dict[str, list[Any]]) -> set[str]:
    """Tokens under ``head`` that are not part of the institution's name: its preposition
    ("в акимате"), pronouns ("его пресс-служба"), prepositional phrases other than "по",
    and whatever is not contiguous with the head (a misparse reaching across the sentence)."""
    skip = {c.id for c in children.get(head.id, []) if c.rel == "case"}
    kept = {position(head.id)}
    stack = [c for c in children.get(head.id, []) if c.id not in skip]
    seen = {head.id}  # a parse may hold a cycle
    while stack:
        t = stack.pop()
        if t.id in seen:
            continue
        seen.add(t.id)
        kids = children.get(t.id, [])
        cases = {c.text.lower() for c in kids if c.rel == "case"}
        if t.pos in ("PRON", "DET") or cases & _NOT_NAME_CASES or t.rel in ("acl", "acl:relcl"):
            skip.add(t.id)
            continue
        kept.add(position(t.id))
        stack.extend(kids)
    # The run of positions around the head with no gap (punctuation aside, a gap ends it).
    at = position(head.id)
    low, high = at, at
    while low - 1 in kept:
        low -= 1
    while high + 1 in kept:
        high += 1
    stack = list(children.get(head.id, []))
    seen = {head.id}
    while stack:
        t = stack.pop()
        if t.id in seen:
            continue
        seen.add(t.id)
        if not low <= position(t.id) <= high:
            skip.add(t.id)
        stack.extend(children.get(t.id, []))
    return skip


def person_after(verb: Any, spans: list[Any], names: dict[str, Person]) -> Person | None:
    """ "рассказал Liter.kz заместитель председателя ОСДП Айдар Алибаев": the person named
    after the verb, when the parse made the outlet its subject."""
    after = [s for s in spans if s.type == "PER" and position(s.tokens[0].id) > position(verb.id)]
    return names.get(after[-1].tokens[0].id) if after else None


def quoted_document(
    tokens: list[Any],
    children: dict[str, list[Any]],
    names: dict[str, Person],
    orgs: dict[str, Any],
    people: People,
) -> Person | None:
    """ "…, — говорится в указе Токаева": the owner of the quoted document, a person (named
    here, or earlier by the surname) or an institution; ``None`` when the document has no
    owner named ("говорится в сообщении")."""
    from processor.nlp import lemma_of

    verbs = [position(t.id) for t in tokens if t.pos == "VERB" and lemma_of(t) in lexicon.QUOTED_IN]
    for t in tokens:
        if not (t.pos in ("NOUN", "PROPN") and lemma_of(t) in lexicon.DOCUMENTS):
            continue
        kids = children.get(t.id, [])
        # The document right after the verb ("сказано в другом указе"), whatever the parse
        # made its head.
        near = any(0 < position(t.id) - v <= 4 for v in verbs)
        if not near or not any(c.rel == "case" and c.text.lower() == "в" for c in kids):
            continue
        # Its owner follows it ("указе Токаева"); an nmod before it is a misparse.
        after = (c for c in kids if c.rel == "nmod" and position(c.id) > position(t.id))
        owner = next(after, None)
        if owner is None:
            return None
        known = people.surnamed(lemma_of(owner)) if owner.pos == "PROPN" else None
        return names.get(owner.id) or known or institution(owner, children, orgs)
    return None


def unnamed_institution(
    tokens: list[Any], children: dict[str, list[Any]], orgs: dict[str, Any]
) -> Person | None:
    """ "В акимате Алматы заявили, что …": a plural speech verb with no subject, and the
    institution it happened in."""
    from processor.nlp import lemma_of

    for t in tokens:
        if (
            t.pos != "VERB"
            or lemma_of(t) not in lexicon.SPEECH_VERBS
            or t.feats.get("Number") != "Plur"
        ):
            continue
        kids = children.get(t.id, [])
        if any(c.rel.startswith("nsubj") for c in kids):
            continue
        for c in kids:
            inside = any(g.rel == "case" and g.text.lower() == "в" for g in children.get(c.id, []))
            if c.rel == "obl" and inside and (place := institution(c, children, orgs)):
                return place
    return None


def dashed_name(text: str, spans: list[Any], names: dict[str, Person]) -> Person | None:
    """ "«…», – Мухтар Ерман.": the person named alone after the quotation's dash."""
    match = lexicon.DASHED_NAME.search(text)
    if match is None:
        return None
    for span in reversed(spans):
        if span.type == "PER" and span.text in match.group("name"):
            return names.get(span.tokens[0].id)
    return None
