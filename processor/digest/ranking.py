"""Which stories come first: told by more outlets, with the weightier actor, more recent.

Singletons (one outlet) come after every story told by two or more.  The actor is read
from the lead lemmas of the story's articles: the President acts in a decree or a meeting
at Akorda; the Government, Parliament and courts next; anything else last.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date as Date

from processor.digest.articles import Article

# Lemmas naming who acts, and the weight of that actor.
_ACTORS = (
    (3.0, {"президент", "токаев", "акорда", "указ"}),
    (2.0, {"правительство", "премьер-министр", "министр", "кабмин"}),
    (2.0, {"мажилис", "сенат", "парламент", "депутат", "закон", "законопроект"}),
    (2.0, {"суд", "приговор", "присяжный", "прокуратура"}),
)


def actor_weight(articles: Sequence[Article]) -> float:
    """The weightiest actor any article of the story names in its lead."""
    lemmas: set[str] = set()
    for a in articles:
        lemmas.update(a.lemmas)
        lemmas.update(n.key for n in a.names)
        lemmas.update(n.key.split()[-1] for n in a.names if n.type == "person")
    return max((weight for weight, words in _ACTORS if lemmas & words), default=0.0)


def outlets(articles: Sequence[Article]) -> int:
    return len({a.source_key for a in articles})


def _ordinal(article: Article) -> int | None:
    try:
        return Date.fromisoformat(article.date).toordinal() if article.date else None
    except ValueError:
        return None


def rank(articles: Sequence[Article], groups: Sequence[Sequence[int]]) -> list[int]:
    """Indices of ``groups`` in digest order (most important first; ties: input order)."""
    days = [d for a in articles if (d := _ordinal(a)) is not None]
    first, last = (min(days), max(days)) if days else (0, 0)

    def importance(g: int) -> tuple[bool, float, int]:
        members = [articles[i] for i in groups[g]]
        n = outlets(members)
        latest = max((d for a in members if (d := _ordinal(a)) is not None), default=first)
        recency = (latest - first) / (last - first) if last > first else 0.0
        return (n > 1, n + actor_weight(members) + recency, -g)

    return sorted(range(len(groups)), key=importance, reverse=True)
