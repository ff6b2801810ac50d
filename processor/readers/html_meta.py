"""What a saved web page says of its article: outlet, date, address, author.

News sites state these in ``<meta>`` tags (Open Graph, ``article:*``,
``itemprop``), in ``<link rel="canonical">`` and in JSON-LD
(``<script type="application/ld+json">``); the first that gives a value wins.
"""

from __future__ import annotations

import json
from typing import Any

from processor.readers.meta import clean_url, iso_date
from processor.readers.text import Parsed, clean_text

# (attribute, value) of the <meta> tags that carry each field, best first.
_META_KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    "outlet": (("property", "og:site_name"), ("name", "application-name")),
    "published": (
        ("property", "article:published_time"),
        ("itemprop", "datepublished"),
        ("name", "article:published_time"),
        ("name", "date"),
        ("name", "pubdate"),
        ("name", "publish-date"),
        ("name", "dc.date"),
        ("name", "dc.date.issued"),
        ("name", "dcterms.created"),
    ),
    "url": (("property", "og:url"),),
    "author": (("name", "author"), ("property", "article:author"), ("itemprop", "author")),
}
# JSON-LD bigger than this is not article metadata; json.loads of it is not worth the time.
_MAX_LD_CHARS = 200_000


def _meta_tags(soup: Any) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for tag in soup.find_all("meta"):
        content = clean_text(str(tag.get("content") or ""))
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            if key := str(tag.get(attr) or "").strip().lower():
                found.setdefault((attr, key), content)
    return found


def _name(value: Any) -> str | None:
    """A JSON-LD person or organisation: a string, ``{"name": ...}`` or a list of them."""
    if isinstance(value, list):
        names = [n for n in map(_name, value[:5]) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name")
    return clean_text(value) if isinstance(value, str) and clean_text(value) else None


def _json_ld(soup: Any) -> list[dict[str, Any]]:
    """The objects of every JSON-LD block (top level and ``@graph``); broken blocks skipped."""
    objects: list[dict[str, Any]] = []
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        text = script.string or ""
        if len(text) > _MAX_LD_CHARS:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # deeply nested JSON is hostile, not metadata
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    objects += [g for g in graph if isinstance(g, dict)]
    return objects


def page_meta(soup: Any, parsed: Parsed) -> None:
    """Fill ``parsed.outlet``, ``published``, ``url`` and ``author`` from the page's markup."""
    tags = _meta_tags(soup)

    def first(field: str) -> str | None:
        return next((tags[k] for k in _META_KEYS[field] if k in tags), None)

    articles = [o for o in _json_ld(soup) if "datePublished" in o or "headline" in o]
    ld = articles[0] if articles else {}
    parsed.outlet = first("outlet") or _name(ld.get("publisher"))
    parsed.published = iso_date(first("published")) or iso_date(str(ld.get("datePublished", "")))
    if parsed.published is None and (time := soup.find("time", attrs={"datetime": True})):
        parsed.published = iso_date(str(time["datetime"]))
    canonical = soup.find("link", attrs={"rel": "canonical", "href": True})
    parsed.url = (
        clean_url(first("url"))
        or clean_url(str(canonical["href"]) if canonical is not None else None)
        or clean_url(ld.get("url") if isinstance(ld.get("url"), str) else None)
    )
    author = first("author")
    if author and clean_url(author):
        author = None  # article:author is often a profile address, not a name
    parsed.author = author or _name(ld.get("author"))
