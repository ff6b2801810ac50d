"""Small WordprocessingML helpers for what python-docx has no API for.

Word rejects a file whose property elements are out of the schema's order (LibreOffice
is lenient, so a render does not show it): :func:`put` inserts each element where
ECMA-376 wants it.
"""

from __future__ import annotations

from typing import Any

# Child order of the property elements the memo writes into (ECMA-376 Part 1, §17).
ORDER: dict[str, list[str]] = {
    "rPr": (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
        "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
        "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
    ).split(),
    "pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
        "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
        "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
        "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ).split(),
    "tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
        "tblDescription"
    ).split(),
    "tcPr": (
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
        "tcFitText vAlign hideMark"
    ).split(),
    "tblBorders": "top left start bottom right end insideH insideV".split(),
    "pBdr": "top left bottom right between bar".split(),
}


def local_name(element: Any) -> str:
    return str(element.tag).rsplit("}", 1)[-1]


def el(tag: str, **attrs: str) -> Any:
    """A ``w:`` element with ``w:`` attributes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def put(parent: Any, element: Any) -> Any:
    """Put ``element`` into ``parent`` at its schema position, replacing one of its tag."""
    for old in parent.findall(element.tag):
        parent.remove(old)
    order = ORDER[local_name(parent)]
    later = order[order.index(local_name(element)) + 1 :]
    parent.insert_element_before(element, *(f"w:{name}" for name in later))
    return element


def borders(kind: str, **edges: dict[str, str]) -> Any:
    """A ``w:pBdr`` / ``w:tblBorders`` with ``edges`` in schema order."""
    box = el(f"w:{kind}")
    for name in ORDER[kind]:
        if name in edges:
            box.append(el(f"w:{name}", **edges[name]))
    return box
