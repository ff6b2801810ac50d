"""The saved DOCX package, cleaned of python-docx's template leftovers and made reproducible.

python-docx starts from a 2010 Word-for-Mac template: a blank ``thumbnail.jpeg``,
``app.xml`` naming "Microsoft Macintosh Word", Word 2010 compatibility mode, a font
table without our typeface. Each is put right here, on the zip, where it is plain XML.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from typing import Any

from processor import __version__
from processor.memo.content import processing_time

# Liberation Serif: open (SIL OFL 1.1), Latin + Cyrillic with every Kazakh letter
# (ә ғ қ ң ө ұ ү һ і), metric-compatible with Times New Roman, the typeface of
# Kazakhstan's official documents. Where it is not installed, Word substitutes Times
# New Roman (named as its alternative below) and the pages break at the same places.
FONT = "Liberation Serif"
_FONT_FALLBACK = "Times New Roman"
# Template parts a memo does not need: a blank preview image, Word 2010's copy of the
# styles (with the template's theme fonts), an empty bibliography store.
_DROPPED = (
    "docProps/thumbnail.jpeg",
    "word/stylesWithEffects.xml",
    "customXml/item1.xml",
    "customXml/itemProps1.xml",
    "customXml/_rels/item1.xml.rels",
)
_COMPAT_MODE = "15"  # Word 2013 and later: the current layout mode

_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
    'docPropsVTypes"><Application>processor</Application><DocSecurity>0</DocSecurity>'
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "<AppVersion>{version}</AppVersion></Properties>"
)
_FONT_ENTRY = (
    '<w:font w:name="{font}"><w:altName w:val="{fallback}"/>'
    '<w:panose1 w:val="02020603050405020304"/><w:charset w:val="CC"/>'
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
)


def timestamp() -> dt.datetime:
    # Naive UTC: what python-docx and zip entry times expect.
    return processing_time().replace(tzinfo=None)


def _app_version() -> str:
    # app.xml wants "major.minor" digits (e.g. 16.0000); keep the first two numbers.
    numbers = [*re.findall(r"\d+", __version__)[:2], "0", "0"]
    return f"{int(numbers[0])}.{int(numbers[1]):04d}"


def _unless_dropped(rels_name: str, relationship: str) -> str:
    """The relationship, or "" when it points at a dropped part."""
    target = re.search(r'Target="([^"]+)"', relationship)
    if target is None or 'TargetMode="External"' in relationship:
        return relationship
    # _rels/.rels targets are package-relative; word/_rels/x.rels targets are relative to word/.
    base = posixpath.dirname(posixpath.dirname(rels_name))
    part = posixpath.normpath(posixpath.join(base, target[1])).lstrip("/")
    return "" if part in _DROPPED else relationship


def _fix(name: str, text: str) -> str:
    if name == "docProps/app.xml":
        return _APP_XML.format(version=_app_version())
    if name.endswith(".rels"):
        return re.sub(r"<Relationship [^>]*/>", lambda m: _unless_dropped(name, m[0]), text)
    if name == "[Content_Types].xml":
        return re.sub(
            r'<Override PartName="/([^"]+)"[^>]*/>',
            lambda m: "" if m[1] in _DROPPED else m[0],
            text,
        )
    if name == "word/theme/theme1.xml":
        # Nothing refers to theme fonts any more; the theme names our typeface anyway.
        return re.sub(r'<a:latin typeface="[^"]*"', f'<a:latin typeface="{FONT}"', text)
    if name == "word/settings.xml":
        text = re.sub(
            r'(w:name="compatibilityMode" w:uri="[^"]+" w:val=")\d+"',
            rf'\g<1>{_COMPAT_MODE}"',
            text,
        )
        return text.replace("<w:savePreviewPicture/>", "")
    if name == "word/numbering.xml":
        # The template's bullet is U+F0B7 in the Symbol font: a third typeface (and
        # OpenSymbol where Symbol is absent). A plain "•" in our own font instead.
        text = text.replace(
            'w:ascii="Symbol" w:hAnsi="Symbol"', f'w:ascii="{FONT}" w:hAnsi="{FONT}"'
        )
        return text.replace('w:val="\uf0b7"', 'w:val="\u2022"')
    if name == "word/fontTable.xml" and f'w:name="{FONT}"' not in text:
        entry = _FONT_ENTRY.format(font=FONT, fallback=_FONT_FALLBACK)
        return text.replace("</w:fonts>", entry + "</w:fonts>")
    return text


def clean_package(data: bytes) -> bytes:
    """Template leftovers out, fixed entry times in: same memo, same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return _packed([(info.filename, src.read(info.filename)) for info in src.infolist()])


def document_bytes(document: Any) -> bytes:
    """A python-docx ``Document`` as :func:`clean_package` of its save, compressed once.

    ``Document.save`` deflates every part and :func:`clean_package` inflates and deflates
    them again: that first deflate was 40% of a memo's render (the batch's parent renders
    every memo).  Here the parts go straight from python-docx's package writer, in its
    order, to the one compressed zip: the bytes are the same.
    """
    from docx.opc.pkgwriter import PackageWriter

    class Collect:  # python-docx's physical writer interface: write, close
        def __init__(self) -> None:
            self.entries: list[tuple[str, bytes]] = []

        def write(self, uri: Any, blob: bytes) -> None:
            self.entries.append((uri.membername, blob))

        def close(self) -> None:
            pass

    package = document.part.package
    parts = list(package.parts)
    for part in parts:  # as OpcPackage.save does before it writes
        part.before_marshal()
    collect = Collect()
    writer: Any = collect  # duck-typed as PhysPkgWriter
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    return _packed(collect.entries)


def _packed(entries: list[tuple[str, bytes]]) -> bytes:
    moment = timestamp()
    stamp = (
        max(moment.year, 1980),
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name, body in entries:
            if name in _DROPPED:
                continue
            if name.endswith((".xml", ".rels")):
                body = _fix(name, body.decode("utf-8")).encode("utf-8")
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, body)
    return out.getvalue()
