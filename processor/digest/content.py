"""The digest model: stories planned once in the source language, then shown in each.

:func:`plan` turns grouped articles into :class:`StoryPlan` records (title sentence, merged
key points with the articles that carry them, figures with their outlets and which
disagree, sources); :func:`texts_of` lists every text a translated digest shows, each once;
:func:`build_digest` gives the :class:`Digest` of one language from the plans and a
translation table.  ``Digest.to_dict()`` is the JSON contract.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace

from processor import __version__
from processor.digest.articles import Article, Name
from processor.digest.labels import label
from processor.digest.outlets import Outlet
from processor.digest.ranking import rank
from processor.kazakh_latin import base_language, in_script
from processor.summarize.figures import figures_of

MAX_POINTS = 4
MAX_FIGURES = 6
_TITLE_MIN, _TITLE_MAX = 60, 240  # a shorter first sentence is a subheading, not a lead
# "INTERFAX.RU - Президент ...": an agency's tag before the first sentence.
_TAG = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ.\-]{2,}\s*[—–-]\s+")
# Two key points that share this share of their word stems say the same thing.
_SAME_POINT = 0.5
# "15", "2026 году", "22.00": a day, a year, a time of day.
_DATE_LIKE = re.compile(
    r"\d{1,2}|(?:19|20)\d\d(?:\s*(?:год\w*|г\.))?|(?:[01]?\d|2[0-4])[.:]00", re.I
)
# Two figures of one kind (same unit) closer than this, but not equal, disagree (73%, 72.9%).
_DISAGREE = 0.05


@dataclass
class Point:
    text: str
    speaker: str | None
    articles: list[str]  # inputs that carry it


@dataclass
class Figure:
    figure: str
    what: str
    outlet: str
    input: str
    disagrees: bool = False


@dataclass
class Source:
    input: str
    outlet: str | None
    date: str | None
    url: str | None
    headline: str


@dataclass
class StoryPlan:
    """One story in the source language."""

    id: str
    rank: int
    title: str
    key_points: list[Point]
    figures: list[Figure]
    articles: list[Source]
    names: list[Name]
    name_articles: dict[str, int] = field(default_factory=dict)  # name key -> articles
    outlets: dict[str, Outlet] = field(default_factory=dict)  # input -> its outlet


@dataclass
class IndexEntry:
    name: str
    type: str
    stories: list[str]


@dataclass
class Digest:
    """One digest in one language: what every renderer shows."""

    language: str
    period: tuple[str | None, str | None]
    stories: list[StoryPlan]
    index: list[IndexEntry]
    failed: list[dict[str, str]] = field(default_factory=list)
    translation: str | None = None
    title: str | None = None
    marking: str = ""
    outlets: int = 0

    @property
    def memo_type(self) -> str:
        return label("digest", self.language)

    @property
    def footer_notice(self) -> str:
        return label("notice", self.language, version=__version__)

    @property
    def article_count(self) -> int:
        return sum(len(s.articles) for s in self.stories)

    def to_dict(self) -> dict[str, object]:
        start, end = self.period
        return {
            "language": self.language,
            "title": self.title,
            "period": {"from": start, "to": end},
            "counts": {
                "articles": self.article_count,
                "outlets": self.outlets,
                "stories": len(self.stories),
            },
            "stories": [
                {
                    "id": s.id,
                    "title": s.title,
                    "rank": s.rank,
                    "key_points": [asdict(p) for p in s.key_points],
                    "figures": [asdict(f) for f in s.figures],
                    "articles": [asdict(a) for a in s.articles],
                }
                for s in self.stories
            ],
            "index": [asdict(e) for e in self.index],
            "failed": self.failed,
            "translation": self.translation,
        }


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"\w{3,}", text.lower())}


def _similar(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= _SAME_POINT


def _central(members: Sequence[Article]) -> Article:
    """The article whose lead shares most lemmas with the others: the best lead."""
    if len(members) == 1:
        return members[0]

    def shared(a: Article) -> tuple[int, int]:
        return sum(len(a.lemmas.keys() & b.lemmas.keys()) for b in members if b is not a), len(
            a.lead
        )

    return max(members, key=shared)


def _title(article: Article) -> str:
    """The lead's first sentence, unless it is too short or long or leans on a sentence
    before it ("После этого Президент вылетает в Бишкек"): then the headline."""
    from processor.segment import split_sentences
    from processor.summarize.grammar import refers_back

    spans = split_sentences(article.lead) if article.lead else []
    first = spans[0].text.strip() if spans else ""
    if _TITLE_MIN <= len(first) <= _TITLE_MAX and not refers_back(first):
        return first
    return article.headline


def _points(members: Sequence[Article], title: str) -> list[Point]:
    """Key points merged across outlets: each thought once, with every article saying it."""
    chosen: list[tuple[Point, set[str]]] = []
    seen_title = _stems(title)
    # Round-robin over the articles (best lead first), each article's points by score.
    queues = [sorted(a.points, key=lambda p: -p.score) for a in members]
    for depth in range(max((len(q) for q in queues), default=0)):
        for article, queue in zip(members, queues, strict=True):
            if depth >= len(queue):
                continue
            point = queue[depth]
            stems = _stems(point.text)
            if _similar(stems, seen_title):
                continue
            same = next((p for p, s in chosen if _similar(stems, s)), None)
            if same is not None:
                if article.input not in same.articles:
                    same.articles.append(article.input)
                continue
            if len(chosen) < MAX_POINTS:
                text = _TAG.sub("", point.text)
                chosen.append((Point(text, point.speaker, [article.input]), stems))
    return [p for p, _ in chosen]


def _value(figure: str) -> tuple[float, str] | None:
    m = re.match(r"[$€₸]?\s?(\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?)\s*(.*)", figure)
    if not m:
        return None
    number = float(m.group(1).replace(" ", "").replace("\u00a0", "").replace(",", "."))
    return number, m.group(2).lower()


def _figures(members: Sequence[Article]) -> list[Figure]:
    found: list[Figure] = []
    key = {a.input: a.source_key for a in members}  # one outlet, however each names it
    for a in members:
        outlet = a.source.name("ru")
        for sentence in [*a.figure_sentences, *(p.text for p in a.points)]:
            for fig in figures_of("", sentence):  # what each measures, from the parse
                figure = fig.text
                if _DATE_LIKE.fullmatch(figure):
                    continue  # a day, a year or an hour: a date, not a figure
                if any(f.figure == figure and key[f.input] == key[a.input] for f in found):
                    continue
                found.append(Figure(figure, fig.what, outlet, a.input))
    for f in found:
        fv = _value(f.figure)
        for g in found:
            gv = _value(g.figure)
            same_outlet = key[f.input] == key[g.input]
            if fv is None or gv is None or same_outlet or fv[1] != gv[1] or not fv[1]:
                continue
            if fv[0] != gv[0] and abs(fv[0] - gv[0]) <= _DISAGREE * max(fv[0], gv[0]):
                f.disagrees = g.disagrees = True
    # Disagreements first: they are what an analyst must check.
    found.sort(key=lambda f: not f.disagrees)
    return found[:MAX_FIGURES]


def _shown(article: Article) -> str | None:
    """The outlet as a source row shows it (None: the article names none)."""
    return article.source.name("ru") if article.outlet or article.url else None


def plan(articles: Sequence[Article], groups: Sequence[Sequence[int]]) -> list[StoryPlan]:
    """Stories in digest order, in the articles' own language."""
    plans = []
    for position, g in enumerate(rank(articles, groups), start=1):
        members = [articles[i] for i in groups[g]]
        best = _central(members)
        ordered = [best, *(a for a in members if a is not best)]
        title = _title(best)
        names: dict[str, Name] = {}
        named: dict[str, int] = {}
        for a in ordered:
            for n in a.names:
                names.setdefault(n.key, n)
                named[n.key] = named.get(n.key, 0) + 1
        plans.append(
            StoryPlan(
                id=f"s{position:02d}",
                rank=position,
                title=title,
                key_points=_points(ordered, title),
                figures=_figures(ordered),
                articles=[Source(a.input, _shown(a), a.date, a.url, a.headline) for a in ordered],
                names=list(names.values()),
                name_articles=named,
                outlets={a.input: a.source for a in ordered},
            )
        )
    return plans


def texts_of(plans: Sequence[StoryPlan]) -> list[str]:
    """Every text a translated digest shows, each once, in reading order."""
    texts: dict[str, None] = {}
    for p in plans:
        texts.setdefault(p.title, None)
        for point in p.key_points:
            texts.setdefault(point.text, None)
            if point.speaker:  # translated with the glossary held: names as it writes them
                texts.setdefault(point.speaker, None)
        for f in p.figures:
            if f.what:
                texts.setdefault(f.what, None)
    return list(texts)


def _indexed(plans: Sequence[StoryPlan]) -> set[str]:
    """Names for the index: people and organisations of the glossary, or named by two
    articles or more (natasha's one-off finds are often not names), never an outlet."""
    counts: dict[str, int] = {}
    for p in plans:
        for key, n in p.name_articles.items():
            counts[key] = counts.get(key, 0) + n
    outlets = " ".join(
        f"{o.ru} {o.en} {a.outlet or ''}".lower()
        for p in plans
        for a in p.articles
        if (o := p.outlets.get(a.input)) is not None
    )
    return {
        n.key
        for p in plans
        for n in p.names
        if n.type in ("person", "organization")
        and n.key not in outlets
        and (n.in_glossary or counts.get(n.key, 0) >= 2)
    }


def _rendering(name: Name, language: str) -> str:
    rendered = {"en": name.en, "kk": name.kk}.get(base_language(language))
    return in_script(rendered, language) if rendered else name.ru


def build_digest(
    plans: Sequence[StoryPlan],
    language: str,
    *,
    translations: Mapping[str, str] | None = None,
    period: tuple[str | None, str | None] = (None, None),
    failed: Sequence[dict[str, str]] = (),
    translation: str | None = None,
    title: str | None = None,
    marking: str | None = None,
) -> Digest:
    """The digest in ``language``; ``translations`` maps each source text to its translation
    (None: the source language)."""

    def shown(text: str) -> str:
        return translations.get(text, text) if translations is not None else text

    outlet_of = {i: o for p in plans for i, o in p.outlets.items()}

    def outlet_name(input: str, given: str) -> str:
        """The outlet's canonical name in ``language`` (the glossary's), else as given."""
        outlet = outlet_of.get(input)
        return outlet.name(language) if outlet is not None else given

    stories = []
    index: dict[str, IndexEntry] = {}
    indexed = _indexed(plans)
    for p in plans:
        stories.append(
            StoryPlan(
                id=p.id,
                rank=p.rank,
                title=shown(p.title),
                key_points=[
                    Point(shown(k.text), shown(k.speaker) if k.speaker else None, k.articles)
                    for k in p.key_points
                ],
                figures=[
                    Figure(
                        f.figure,
                        shown(f.what) if f.what else "",
                        outlet_name(f.input, f.outlet),
                        f.input,
                        f.disagrees,
                    )
                    for f in p.figures
                ],
                articles=[
                    replace(a, outlet=outlet_name(a.input, a.outlet) if a.outlet else None)
                    for a in p.articles
                ],
                names=p.names,
                name_articles=p.name_articles,
                outlets=p.outlets,
            )
        )
        for n in p.names:
            if n.key not in indexed:
                continue
            entry = index.setdefault(n.key, IndexEntry(_rendering(n, language), n.type, []))
            if p.id not in entry.stories:
                entry.stories.append(p.id)
    ordered = sorted(index.values(), key=lambda e: (-len(e.stories), e.name))
    outlets = {
        o.key if (o := p.outlets.get(a.input)) is not None else a.input
        for p in plans
        for a in p.articles
    }
    from processor.memo.content import default_marking

    return Digest(
        language=language,
        period=period,
        stories=stories,
        index=ordered,
        failed=list(failed),
        translation=translation,
        title=title,
        marking=default_marking(language) if marking is None else marking,
        outlets=len(outlets),
    )
