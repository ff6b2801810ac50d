"""HTML: the article block of a saved web page, without the site around it.

The page is first scanned by libxml2 (C, no Python recursion) for its nesting
depth: a page nested deeper than :attr:`ReadLimits.max_html_depth` fails at
once with one line instead of costing minutes.  The tree is then walked with
an explicit stack, never by recursion.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from typing import Any

from processor.errors import InputError
from processor.model import ParagraphKind
from processor.readers.html_meta import page_meta
from processor.readers.limits import ReadLimits
from processor.readers.text import Parsed, clean_text, decode_checked, normalize_newlines

_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "canvas", "object")
_CHROME_TAGS = ("nav", "header", "footer", "aside", "form", "button", "select", "dialog")
_JUNK_WORDS = frozenset(
    "nav navbar navigation menu share sharing social comment comments advert adverts ad ads "
    "advertisement banner cookie cookies breadcrumb breadcrumbs related subscribe subscription "
    "footer header sidebar popup modal newsletter promo".split()
)
_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li ul ol blockquote table tr td th div section article main "
    "figure figcaption pre dl dt dd address".split()
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Blocks whose text is of a kind of its own; any other block keeps its parent's kind.
_INNER_KIND: dict[str, ParagraphKind] = {
    "li": "list_item",
    "blockquote": "quote",
    "td": "table_cell",
    "th": "table_cell",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def _decode_html(data: bytes, path: str) -> tuple[str, str]:
    """Decode by BOM, then the page's own ``<meta charset>``, then detection."""
    has_bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    declared = None if has_bom else _META_CHARSET.search(data[:4096])
    if declared is not None:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a lying meta tag: fall back to detection
        else:
            if not clean_text(text):
                raise InputError("file is empty", path=path)
            return normalize_newlines(text), encoding
    return decode_checked(data, path)


def _junk_words(tag: Any) -> set[str]:
    attrs = " ".join([*tag.get("class", []), tag.get("id", "") or "", tag.get("role", "") or ""])
    return set(re.split(r"[\s_\-]+", attrs.lower())) & _JUNK_WORDS


def _p_text_len(tag: Any) -> int:
    return sum(len(p.get_text()) for p in tag.find_all("p"))


def _main_block(soup: Any) -> Any:
    """The element holding the article: <article>, <main>, [role=main], or the most <p> text."""
    for candidates in (soup.find_all("article"), soup.find_all("main")):
        if candidates:
            return max(candidates, key=_p_text_len)
    if (main := soup.find(attrs={"role": "main"})) is not None:
        return main
    parents: Counter[Any] = Counter()
    for p in soup.find_all("p"):
        if p.parent is not None:
            parents[p.parent] += len(p.get_text())
    if parents:
        return parents.most_common(1)[0][0]
    return soup.body or soup


def _drop_chrome(root: Any, total_text: int) -> None:
    """Remove menus, share bars, banners and the like, keeping anything that holds the article."""
    for tag in list(root.find_all(True)):
        if tag.decomposed or tag.name in ("html", "body", "article", "main"):
            continue
        chrome = tag.name in _CHROME_TAGS or bool(_junk_words(tag))
        if not chrome:
            continue
        holds_article = tag.find(["article", "main", "h1"]) is not None
        if holds_article or len(tag.get_text()) > 0.5 * total_text > 0:
            continue  # e.g. <header> around the article's <h1>, or a mislabelled wrapper
        tag.decompose()


def _strip_site_suffix(title: str) -> str:
    """'Токаев и Трамп - Zakon.kz' -> 'Токаев и Трамп'."""
    parts = re.split(r"\s+[|–—-]\s+|\s+[|:]{2}\s+", title)
    return parts[0].strip() if len(parts) > 1 and len(parts[0]) >= 10 else title.strip()


def _html_title(soup: Any, main: Any) -> str | None:
    if (h1 := main.find("h1")) is not None and clean_text(h1.get_text()):
        return clean_text(h1.get_text())
    og = soup.find("meta", attrs={"property": "og:title"})
    if og is not None and clean_text(og.get("content", "")):
        return clean_text(og["content"])
    if soup.title is not None and clean_text(soup.title.get_text()):
        return _strip_site_suffix(clean_text(soup.title.get_text()))
    return None


def _has_block(tag: Any) -> bool:
    return tag.find(_BLOCK_TAGS) is not None


def _flush(parsed: Parsed, inline: list[str], kind: ParagraphKind) -> None:
    # Text laid out with <br><br> instead of <p>: an empty line splits paragraphs.
    for chunk in re.split(r"\n[ \t\u00a0]*\n", "".join(inline)):
        parsed.add(kind, chunk)
    inline.clear()


def _walk_html(parsed: Parsed, element: Any, title: str | None) -> None:
    """Emit the blocks under ``element`` in reading order; loose inline text becomes a block.

    An explicit stack of (children, kind, pending inline text) replaces
    recursion, so nesting depth costs memory, never the Python stack.
    """
    from bs4 import Comment, NavigableString, Tag

    stack: list[tuple[Any, ParagraphKind, list[str]]] = [(iter(element.children), "body", [])]
    while stack:
        children, kind, inline = stack[-1]
        child = next(children, None)
        if child is None:
            _flush(parsed, inline, kind)
            stack.pop()
            continue
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            inline.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name not in _BLOCK_TAGS and not _has_block(child):
            inline.append(child.get_text())
            continue
        _flush(parsed, inline, kind)
        if child.name in _HEADINGS:
            text = clean_text(child.get_text())
            if child.name == "h1" and text == title and parsed.title is None:
                parsed.title = text
                parsed.add("title", text)
            else:
                parsed.add("heading", text, _HEADINGS[child.name])
            continue
        inner = _INNER_KIND.get(child.name, kind)
        stack.append((iter(child.children), inner, []))


def _check_depth(text: str, path: str, limit: int) -> None:
    """Fail fast on a page nested deeper than ``limit`` elements (libxml2's own tree rules)."""
    from lxml import etree

    parser = etree.HTMLPullParser(events=("start", "end"), huge_tree=True)
    depth = 0
    try:
        for start in range(0, len(text), 1 << 16):
            parser.feed(text[start : start + (1 << 16)])
            for event, _ in parser.read_events():
                depth += 1 if event == "start" else -1
                if depth > limit:
                    raise InputError(
                        f"HTML is nested over {limit} levels deep; not a readable page", path=path
                    )
    except etree.LxmlError:
        pass  # libxml2 gave up on the markup; BeautifulSoup is more forgiving


def read_html(data: bytes, path: str, limits: ReadLimits) -> Parsed:
    from bs4 import BeautifulSoup

    text, encoding = _decode_html(data, path)
    _check_depth(text, path, limits.max_html_depth)
    soup = BeautifulSoup(text, "lxml")
    parsed = Parsed(encoding=encoding)
    page_meta(soup, parsed)  # before <script> goes: JSON-LD lives there
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    body = soup.body or soup
    _drop_chrome(body, len(body.get_text()))
    main = _main_block(soup)
    title = _html_title(soup, main)
    _walk_html(parsed, main, title)
    parsed.title = parsed.title or title
    if not parsed.blocks:
        raise InputError("no readable text found in the HTML page", path=path)
    return parsed
