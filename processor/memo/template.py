"""The memo's template: styles, page, header and footer, opened once and reset per memo.

One typeface declared for every script on every style the memo uses and in the document
defaults (no theme fonts); A4 with ministry-style margins.  The template is built once
per memo language and process; :class:`Blank` keeps it open for one thread and puts back
what a memo wrote, so a batch's parent never opens it again.
"""

from __future__ import annotations

import copy
import io
import threading
from typing import Any

from processor.memo.ooxml import el, put
from processor.memo.package import FONT, Deflated, document_bytes

WORD_LANGUAGE = {"en": "en-GB", "ru": "ru-RU", "kk": "kk-KZ", "kk-latn": "kk-Latn-KZ"}
# A4, margins in mm: 20 top/bottom, 25 left (binding), 15 right -> 170 mm of text.
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 25, "right": 15}
TEXT_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
INK = "1F2A44"  # headings and rules: dark blue-grey, prints well in black and white
_STYLES = (
    "Normal",
    "Title",
    "Heading 1",
    "Heading 2",
    "List Bullet",
    "Header",
    "Footer",
    "Table Grid",
)


def _fonts(rpr: Any, language: str) -> None:
    """Explicit fonts for Latin, complex and East Asian runs, no theme fonts, and the
    proofing language, so no script falls back to another typeface."""
    tag = WORD_LANGUAGE.get(language, language)
    put(rpr, el("w:rFonts", ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT))
    put(rpr, el("w:lang", val=tag, eastAsia=tag, bidi=tag))


def _setup_styles(document: Any, language: str) -> None:
    from docx.shared import Pt, RGBColor

    styles = document.styles
    # docDefaults/rPrDefault/rPr: what any run without a style falls back to.
    defaults = styles.element.find(el("w:docDefaults").tag)
    rpr_default = defaults.find(el("w:rPrDefault").tag).find(el("w:rPr").tag)
    _fonts(rpr_default, language)
    for name in _STYLES:
        _fonts(styles[name].element.get_or_add_rPr(), language)

    normal = styles["Normal"]
    normal.font.size = Pt(12)  # body text 12 pt, tables 10 pt: readable on paper
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.08
    for name, size, before, after in (
        ("Title", 16, 0, 6),
        ("Heading 1", 13, 10, 3),
        ("Heading 2", 12, 6, 2),
    ):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor.from_string(INK)
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.keep_with_next = True
    title_ppr = styles["Title"].element.get_or_add_pPr()
    for border in title_ppr.findall(el("w:pBdr").tag):
        title_ppr.remove(border)
    styles["Title"].font.all_caps = False
    styles["List Bullet"].paragraph_format.space_after = Pt(3)
    for name in ("Header", "Footer"):
        # The template's centre and right tab stops are set for US Letter: ours replace them.
        ppr = styles[name].element.get_or_add_pPr()
        for tabs in ppr.findall(el("w:tabs").tag):
            ppr.remove(tabs)
        styles[name].font.size = Pt(8)
        styles[name].font.color.rgb = RGBColor.from_string("5A6478")


def _page_setup(document: Any) -> None:
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = section.footer_distance = Mm(10)


# The template with our styles, page, header and footer, saved once per memo language and
# process: a memo opened from these bytes need not set every style again.
_TEMPLATES: dict[str, bytes] = {}


def template(language: str) -> Any:
    """A new python-docx ``Document`` ready for a memo in ``language``."""
    import docx

    if language not in _TEMPLATES:
        document = docx.Document()
        _setup_styles(document, language)
        _page_setup(document)
        section = document.sections[0]
        # The header and footer parts exist before any memo: a memo changes only them,
        # the body and the core properties (see Blank).
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        buffer = io.BytesIO()
        document.save(buffer)
        _TEMPLATES[language] = buffer.getvalue()
    return docx.Document(io.BytesIO(_TEMPLATES[language]))


class Blank:
    """One opened template, reset for each memo instead of opened again.

    Opening the template parses 350 KB of styles, and saving serializes and deflates them
    again: two thirds of a memo's render.  A memo writes only into the body, the header,
    the footer, the core properties and the body's relationships (its links); those are
    put back as the template had them before each memo, and every other part is
    serialized and deflated once (:func:`~processor.memo.package.document_bytes`).
    """

    def __init__(self, language: str) -> None:
        self.document = template(language)
        part = self.document.part
        section = self.document.sections[0]
        self.written = [
            part,
            section.header.part,
            section.footer.part,
            part.package._core_properties_part,
        ]
        self.pristine = [copy.deepcopy(p._element) for p in self.written]
        self.links = set(part.rels)
        parts = list(part.package.parts)
        self.parts = {p.partname for p in parts}
        # Every other part with its relationships, and the package's own two items.
        self.unchanged = {"[Content_Types].xml", "_rels/.rels"}
        for other in parts:
            if other not in self.written:
                self.unchanged.add(other.partname.membername)
                self.unchanged.add(other.partname.rels_uri.membername)
        self.kept: dict[str, Deflated] = {}

    def reset(self) -> Any:
        """The template's document again, as it was before any memo."""
        for part, element in zip(self.written, self.pristine, strict=True):
            part._element = copy.deepcopy(element)
        rels = self.document.part.rels
        for rel_id in set(rels) - self.links:
            del rels[rel_id]
        self.document = self.document.part.document
        return self.document

    def package(self) -> bytes:
        """The memo's package; a memo that added a part (an image, say) changes the
        content types too, and is serialized whole."""
        package = self.document.part.package
        same_parts = {p.partname for p in package.parts} == self.parts
        return document_bytes(self.document, self.kept, self.unchanged if same_parts else ())


# One blank per memo language and thread: a service may render in several threads.
_BLANKS = threading.local()


def blank(language: str) -> Blank:
    blanks: dict[str, Blank] = _BLANKS.__dict__.setdefault("by_language", {})
    if language not in blanks:
        blanks[language] = Blank(language)
    return blanks[language]
