"""HTML: the article block of a saved web page, without the site around it.

The page is first scanned by libxml2 (C, no Python recursion) for its nesting
depth: a page nested deeper than :attr:`ReadLimits.max_html_depth` fails at
once with one line instead of costing minutes.  The tree is then walked with
an explicit stack, never by recursion.
"""

from __future__ import annotations

import codecs
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
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


def _utf8_beyond_ascii(data: bytes, declared: str) -> bool:
    """True when ``data`` is valid UTF-8 with non-ASCII text and ``declared`` is not UTF-8."""
    if declared == "utf-8" or data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_html(data: bytes, path: str) -> tuple[str, str]:
    """Decode by BOM, then the page's own ``<meta charset>``, then detection."""
    has_bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    declared = None if has_bom else _META_CHARSET.search(data[:4096])
    if declared is not None:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            if encoding.startswith("utf-16") or _utf8_beyond_ascii(data, encoding):
                # A meta tag readable as ASCII is no UTF-16 page (browsers read it as
                # UTF-8 too); valid UTF-8 with Cyrillic is never koi8-r or cp1251 text.
                raise LookupError(encoding)
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


@dataclass
class _Sizes:
    """Per-tag measures of a tree, keyed by ``id(tag)``, all found in one pass.

    Asking bs4 the same questions tag by tag (``tag.get_text()``, ``tag.find()``)
    costs the size of the subtree each time: quadratic on a deep page.
    """

    text: Counter[int] = field(default_factory=Counter)  # characters of text below
    p_text: Counter[int] = field(default_factory=Counter)  # characters of <p> text below
    tags: Counter[int] = field(default_factory=Counter)  # tags below
    has_block: set[int] = field(default_factory=set)  # a block tag below
    holds_article: set[int] = field(default_factory=set)  # <article>, <main> or <h1> below


def _sizes(root: Any) -> _Sizes:
    from bs4 import CData, NavigableString, Tag

    sizes = _Sizes()
    # Reversed document order visits every node after all of its descendants.
    for node in reversed([root, *root.descendants]):
        parent = node.parent
        if isinstance(node, Tag):
            key = id(node)
            if node.name == "p":
                sizes.p_text[key] = sizes.text[key]
            if node is root or parent is None:
                continue
            up = id(parent)
            sizes.text[up] += sizes.text[key]
            sizes.p_text[up] += sizes.p_text[key]
            sizes.tags[up] += 1 + sizes.tags[key]
            if node.name in _BLOCK_TAGS or key in sizes.has_block:
                sizes.has_block.add(up)
            if node.name in ("article", "main", "h1") or key in sizes.holds_article:
                sizes.holds_article.add(up)
        elif type(node) in (NavigableString, CData) and parent is not None:
            sizes.text[id(parent)] += len(node)  # what get_text() counts: no comments
    return sizes


def _main_block(soup: Any, sizes: _Sizes) -> Any:
    """The element holding the article: <article>, <main>, [role=main], or the most <p> text."""
    for candidates in (soup.find_all("article"), soup.find_all("main")):
        if candidates:
            return max(candidates, key=lambda tag: sizes.p_text[id(tag)])
    if (main := soup.find(attrs={"role": "main"})) is not None:
        return main
    # Keyed by identity: a bs4 Tag hashes by serialising itself.
    text_by_parent: Counter[int] = Counter()
    parent_by_id: dict[int, Any] = {}
    for p in soup.find_all("p"):
        if p.parent is not None:
            text_by_parent[id(p.parent)] += sizes.text[id(p)]
            parent_by_id[id(p.parent)] = p.parent
    if text_by_parent:
        return parent_by_id[text_by_parent.most_common(1)[0][0]]
    return soup.body or soup


def _drop_chrome(root: Any) -> None:
    """Remove menus, share bars, banners and the like, keeping anything that holds the article."""
    sizes = _sizes(root)
    total_text = sizes.text[id(root)]
    tags = list(root.find_all(True))  # document order: a tag's descendants follow it
    i = 0
    while i < len(tags):
        tag = tags[i]
        i += 1
        if tag.name in ("html", "body", "article", "main"):
            continue
        if tag.name not in _CHROME_TAGS and not _junk_words(tag):
            continue
        key = id(tag)
        if key in sizes.holds_article or sizes.text[key] > 0.5 * total_text > 0:
            continue  # e.g. <header> around the article's <h1>, or a mislabelled wrapper
        tag.decompose()
        i += sizes.tags[key]  # its descendants went with it


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


def _flush(parsed: Parsed, inline: list[str], kind: ParagraphKind) -> None:
    # Text laid out with <br><br> instead of <p>: an empty line splits paragraphs.
    for chunk in re.split(r"\n[ \t\u00a0]*\n", "".join(inline)):
        parsed.add(kind, chunk)
    inline.clear()


def _walk_html(parsed: Parsed, element: Any, title: str | None, has_block: set[int]) -> None:
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
        if child.name not in _BLOCK_TAGS and id(child) not in has_block:
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


def _check_shape(text: str, path: str, limits: ReadLimits) -> None:
    """Fail fast on a page nested too deep or with too many elements (libxml2's tree rules).

    libxml2 parses in C without recursion; the Python-side tree (BeautifulSoup)
    is only built for a page that passed.
    """
    from lxml import etree

    parser = etree.HTMLPullParser(events=("start", "end"), huge_tree=True)
    depth = elements = 0
    try:
        for start in range(0, len(text), 1 << 16):
            parser.feed(text[start : start + (1 << 16)])
            for event, _ in parser.read_events():
                if event == "end":
                    depth -= 1
                    continue
                depth += 1
                elements += 1
                if depth > limits.max_html_depth:
                    raise InputError(
                        f"HTML is nested over {limits.max_html_depth} levels deep; "
                        "not a readable page",
                        path=path,
                    )
                if elements > limits.max_html_elements:
                    raise InputError(
                        f"HTML has over {limits.max_html_elements} elements; not a readable page",
                        path=path,
                    )
    except etree.LxmlError:
        pass  # libxml2 gave up on the markup; BeautifulSoup is more forgiving


def read_html(data: bytes, path: str, limits: ReadLimits) -> Parsed:
    from bs4 import BeautifulSoup

    text, encoding = _decode_html(data, path)
    _check_shape(text, path, limits)
    with warnings.catch_warnings():
        # bs4 warns when a page looks like a URL or like XML: advice for programmers,
        # not for a user whose saved page is read either way.
        warnings.simplefilter("ignore", UserWarning)
        soup = BeautifulSoup(text, "lxml")
    parsed = Parsed(encoding=encoding)
    page_meta(soup, parsed)  # before <script> goes: JSON-LD lives there
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    _drop_chrome(soup.body or soup)
    sizes = _sizes(soup)  # again: the chrome has gone
    main = _main_block(soup, sizes)
    title = _html_title(soup, main)
    _walk_html(parsed, main, title, sizes.has_block)
    parsed.title = parsed.title or title
    if not parsed.blocks:
        raise InputError("no readable text found in the HTML page", path=path)
    return parsed
