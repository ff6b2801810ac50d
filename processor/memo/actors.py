"""The memo's names table: the actors an article is about, not every name it mentions.

Built on the rows :func:`processor.glossary.entities.names_in` finds (glossary entries and
natasha's names outside the glossary): one row per actor, aliases merged ("США",
"Америка" and "Соединенные Штаты Америки"; "Казахстан" and "РК"), terms that are
abbreviations ("ВВП") left to the terminology, the outlet that published the article
left out, and the rest ranked by how much the article is
about them: mentions, a place in the headline or lead, speaking in the article, people
first among equals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from processor.glossary.entities import EntityName
from processor.model import Document

# Glossary entries that name one country: the first id is the row's (its type and words).
_SAME_ACTOR = (
    ("usa", "us-abbr", "america"),
    ("kazakhstan", "rk", "republic-of-kazakhstan"),
    ("russia", "russian-federation", "rf"),
)
MAX_ROWS = 12
_LEAD_BONUS = 3
_SPEAKER_BONUS = 3
# A speech verb next to a name: the person speaks in the article (an interviewee, a
# minister quoted), which makes them an actor even when named once.
_SPEECH = re.compile(
    r"(?:рассказал|сказал|заявил|отметил|подчеркнул|сообщил|пояснил|добавил|считает|"
    r"по словам|по мнению)\w*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Actor:
    """One row of the names table, in ru, en and kk."""

    ru: str
    en: str
    kk: str
    type: str  # person, organization or place
    in_glossary: bool
    mentions: int


def actors(names: Sequence[EntityName], doc: Document) -> list[Actor]:
    """The actors of ``doc`` from its names rows, most important first (all of them; the
    memo shows the first :data:`MAX_ROWS` and counts the rest)."""
    by_id = {n.entry_id: n for n in names if n.entry_id}
    group_of = {member: group[0] for group in _SAME_ACTOR for member in group}
    merged: dict[str, list[EntityName]] = {}
    for name in names:
        if not _is_actor(name, doc):
            continue
        key = group_of.get(name.entry_id or "", name.entry_id or f"ru:{name.ru}")
        merged.setdefault(key, []).append(name)
    lead = " ".join(p.text for p in doc.paragraphs[:2]) + " " + (doc.title or "")
    rows = []
    for key, members in merged.items():
        main = by_id.get(key) or _main(members)
        mentions = sum(m.count for m in members)
        if main.type == "abbreviation":
            continue  # an abbreviation on its own ("ВВП") is a term, not an actor
        bonus = _LEAD_BONUS if any(_named_in(m.ru, lead) for m in members) else 0
        if main.type == "person" and any(_speaks(m.ru, doc.text) for m in members):
            bonus += _SPEAKER_BONUS
        rows.append((main, mentions, bonus))
    first_seen = {name.ru: i for i, name in enumerate(names)}
    rows.sort(
        key=lambda r: (
            -(r[1] + r[2]),
            r[0].type != "person",
            first_seen.get(r[0].ru, 0),
        )
    )
    return [
        Actor(main.ru, main.en, main.kk, main.type, main.in_glossary, mentions)
        for main, mentions, _ in rows
    ]


def _main(members: list[EntityName]) -> EntityName:
    """The member that names the actor best: a full name over an abbreviation."""
    return min(members, key=lambda m: (m.type == "abbreviation", -m.count))


def _is_actor(name: EntityName, doc: Document) -> bool:
    outlet = (doc.meta.outlet or "").lower()
    return not (outlet and name.ru.lower() == outlet)


def _named_in(name: str, text: str) -> bool:
    """The name (or its stem: "Токаев" in "Токаева") stands in ``text``."""
    words = name.split()
    return bool(words) and all(w[: max(4, len(w) - 2)] in text for w in words)


def _speaks(name: str, text: str) -> bool:
    """A speech verb within a few words of the person's surname ("рассказал политолог
    Эдуард Полетаев", "по словам Бектенова")."""
    surname = name.split()[-1]
    stem = re.escape(surname[: max(4, len(surname) - 2)])
    verb = _SPEECH.pattern
    near = rf"{verb}(?:\W+\w+){{0,3}}\W+{stem}|{stem}\w*(?:\W+\w+){{0,2}}\W+{verb}"
    return re.search(near, text, re.IGNORECASE) is not None
