"""Which outlet published an article: one identity per outlet, however the input names it.

An article names its outlet in many ways ("Газета.Ru", "Газета.Ru (gazeta.press)",
"ИА Регнум", "BAQ.KZ", "zakon.kz"), and the digest counts outlets, ranks stories by them
and compares their figures, so each outlet needs one key.  The key is, in this order:

1. a glossary media entry (its domain-like forms against the article's site, then its
   names against the article's outlet name): "glossary:<id>", shown by its canonical name;
2. the site's registrable domain from the article's address ("news.rambler.ru" ->
   "rambler.ru");
3. the outlet name, cleaned: case, punctuation, a trailing "(…)" (a site or the agency
   the text came from), "ИА"/"агентство" prefixes; a name that is a domain ("Zakon.kz")
   is that domain, so it meets the address of another article of the outlet.

Names are compared in Latin letters ("Газета.ру" meets "Gazeta.ru").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from processor.kazakh_latin import base_language

if TYPE_CHECKING:
    from processor.glossary import Glossary
    from processor.glossary.types import Entry

# Glossary entries that are outlets: the media glossary's, and organisations whose note
# calls them one (kazakhstan.yaml keeps Zakon.kz, Kazinform, TASS among its entries).
_MEDIA_GLOSSARY = "kazakhstan-media"
_MEDIA_NOTE = re.compile(
    r"\bnews\b|newspaper|\bagency\b|\bTV\b|television|radio|magazine|\bdaily\b|broadcast", re.I
)
_PREFIX = re.compile(
    r"^(?:(?:международное\s+)?информационное\s+агентство|информагентство|агентство|"
    r"ия|иа|миа)\s+",
    re.I,
)
_TRAILING_PARENTHESES = re.compile(r"\s*\([^()]*\)\s*$")
# Second-level labels under a country code: "gov.kz", "com.kz", "co.uk" are no site.
_SECOND_LEVEL = {"com", "org", "net", "gov", "edu", "co", "ac", "info", "msk", "spb"}
_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,10}")
_CYRILLIC_TLD = {"ру": "ru", "кз": "kz", "рф": "rf", "ком": "com"}
_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
}  # fmt: skip


@dataclass(frozen=True)
class Outlet:
    """One outlet: its key (equal for every article of it) and its names to show."""

    key: str
    ru: str
    en: str
    kk: str
    name_key: str = ""  # the cleaned name the article gave (unify() meets sites by it)

    def name(self, language: str) -> str:
        return {"en": self.en, "kk": self.kk}.get(base_language(language), self.ru)


def clean_name(name: str) -> str:
    """The outlet name as a key: "ИА «Регнум»" -> "regnum", "Газета.Ru (ТАСС)" -> "gazeta.ru"."""
    text = name.strip()
    while True:  # "Мой ГОРОД (mgorod.kz)", "Газета.ру (блог, Tengrinews)"
        stripped = _TRAILING_PARENTHESES.sub("", text)
        if stripped == text or not stripped:
            break
        text = stripped
    text = text.casefold().replace("ё", "е")
    text = re.sub(r"[«»\"“”„']", "", text).strip()
    text = _PREFIX.sub("", text)
    text = re.sub(r"\.(ру|кз|рф|ком)\b", lambda m: "." + _CYRILLIC_TLD[m.group(1)], text)
    text = re.sub(r"[^\w.]+", " ", text).strip(" .")
    text = "".join(_LATIN.get(c, c) for c in text)
    return " ".join(text.split())


def site_of(url: str | None) -> str | None:
    """The registrable domain of ``url`` ("https://news.rambler.ru/x" -> "rambler.ru")."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or not _DOMAIN.fullmatch(host):
        return None
    labels = host.removeprefix("www.").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def _is_media(entry: Entry) -> bool:
    return entry.type == "organization" and (
        entry.glossary == _MEDIA_GLOSSARY or bool(entry.note and _MEDIA_NOTE.search(entry.note))
    )


class Outlets:
    """Identifies outlets, with a glossary's media entries when there is one."""

    def __init__(self, glossary: Glossary | None = None):
        self._by_site: dict[str, Entry] = {}
        self._by_name: dict[str, Entry] = {}
        for entry in glossary.entries if glossary is not None else ():
            if not _is_media(entry):
                continue
            forms = [entry.ru, entry.en, *(a for v in entry.aliases.values() for a in v)]
            for form in forms:
                key = clean_name(form)
                if not key:
                    continue
                self._by_name.setdefault(key, entry)
                if _DOMAIN.fullmatch(key):
                    self._by_site.setdefault(site_of(key) or key, entry)

    def identify(self, name: str | None, url: str | None, fallback: str) -> Outlet:
        """The outlet of an article that names ``name`` and has the address ``url``;
        ``fallback`` (the input) is the key of an article with neither."""
        # No address: a site the name gives in parentheses ("Мой ГОРОД (mgorod.kz)").
        site = site_of(url) or (_site_in_name(name) if name else None)
        cleaned = clean_name(name) if name else ""
        entry = self._by_site.get(site or "") or self._by_name.get(cleaned)
        if entry is not None:
            return Outlet(f"glossary:{entry.id}", entry.ru, entry.en, entry.kk)
        shown = name.strip() if name and name.strip() else (site or fallback)
        if site:
            key = site
        elif cleaned:
            key = (site_of(cleaned) or cleaned) if _DOMAIN.fullmatch(cleaned) else cleaned
        else:
            key = fallback.lower()
        return Outlet(key, shown, shown, shown, cleaned)


def _site_in_name(name: str) -> str | None:
    found = re.search(r"\(([^()]*)\)\s*$", name.strip())
    candidate = found.group(1).strip().lower() if found else ""
    return site_of(candidate) if _DOMAIN.fullmatch(candidate) else None


def unify(outlets: Sequence[Outlet]) -> list[Outlet]:
    """The outlets of one batch, each known by its site when another article of the same
    name gives the site (one site only: "Рамблер" on rambler.ru and rambler.ua stays
    ambiguous): an article without an address then meets its outlet's other articles."""
    sites: dict[str, set[str]] = defaultdict(set)
    for o in outlets:
        if o.name_key and o.key != o.name_key and not o.key.startswith("glossary:"):
            sites[o.name_key].add(o.key)
    unified = []
    for o in outlets:
        known = sites.get(o.name_key, set()) if o.key == o.name_key else set()
        unified.append(replace(o, key=next(iter(known))) if len(known) == 1 else o)
    return unified
