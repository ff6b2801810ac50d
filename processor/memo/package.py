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
import struct
import zipfile
import zlib
from collections.abc import Container, Iterable
from typing import Any, NamedTuple

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
        names = [info.filename for info in src.infolist() if info.filename not in _DROPPED]
        return zipped([deflated(name, src.read(name)) for name in names])


class Deflated(NamedTuple):
    """One entry of the memo's package, cleaned and deflated: kept, it is written again
    as it is."""

    name: str
    crc: int
    size: int
    data: bytes


def deflated(name: str, body: bytes) -> Deflated:
    """The entry as the memo's package holds it: template leftovers fixed, deflated as
    :mod:`zipfile` deflates (raw deflate at zlib's default level)."""
    if name.endswith((".xml", ".rels")):
        body = _fix(name, body.decode("utf-8")).encode("utf-8")
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    data = compressor.compress(body) + compressor.flush()
    return Deflated(name, zlib.crc32(body), len(body), data)


def document_bytes(
    document: Any, keep: dict[str, Deflated] | None = None, unchanged: Container[str] = ()
) -> bytes:
    """A python-docx ``Document`` as :func:`clean_package` of its save, each part
    serialized and deflated once.

    ``Document.save`` deflates every part and :func:`clean_package` would inflate and
    deflate them again.  Here the parts go straight from python-docx's parts, in the
    order its package writer uses, to the one zip.  The entries named in ``unchanged``
    (parts the caller never alters, such as the template's 350 KB of styles) are taken
    from ``keep``, or serialized, deflated and put there the first time: a batch's
    parent renders every memo.
    """
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgwriter import _ContentTypesItem

    keep = {} if keep is None else keep

    def entry(name: str, owner: Any, serialized: str) -> Deflated:
        """``owner``'s ``serialized`` attribute (bytes), read only if not kept."""
        if name not in unchanged:
            return deflated(name, getattr(owner, serialized))
        if name not in keep:
            keep[name] = deflated(name, getattr(owner, serialized))
        return keep[name]

    package = document.part.package
    parts = list(package.parts)
    for part in parts:  # as OpcPackage.save does before it writes
        part.before_marshal()
    entries = [
        entry(CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts), "blob"),
        entry(PACKAGE_URI.rels_uri.membername, package.rels, "xml"),
    ]
    for part in parts:
        name = part.partname.membername
        if name in _DROPPED:  # and so its relationships
            continue
        entries.append(entry(name, part, "blob"))
        if len(part.rels):
            entries.append(entry(part.partname.rels_uri.membername, part.rels, "xml"))
    return zipped(entries)


# Zip records, as zipfile writes them (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16): version 2.0
# (deflate), made on Unix, no data descriptor, no extra fields, no comments.
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION, _UNIX, _DEFLATE, _UTF8_NAME = 20, 3, 8, 0x800


def zipped(entries: Iterable[Deflated]) -> bytes:
    """The zip of ``entries`` with this memo's fixed entry time: the bytes :mod:`zipfile`
    writes for them, without deflating again what is kept."""
    moment = timestamp()
    dos_time = moment.hour << 11 | moment.minute << 5 | moment.second // 2
    dos_date = (max(moment.year, 1980) - 1980) << 9 | moment.month << 5 | moment.day
    out = io.BytesIO()
    central = []
    count = 0
    for item in entries:
        name = item.name.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8_NAME
        offset = out.tell()
        fields = (flags, _DEFLATE, dos_time, dos_date, item.crc, len(item.data), item.size)
        out.write(_LOCAL.pack(b"PK\x03\x04", _VERSION, 0, *fields, len(name), 0))
        out.write(name)
        out.write(item.data)
        # Then: no extra field, no comment, disk 0, no internal attributes, rw-r--r--.
        tail = (len(name), 0, 0, 0, 0, 0o644 << 16, offset)
        central.append(_CENTRAL.pack(b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, *fields, *tail))
        central.append(name)
        count += 1
    start = out.tell()
    for record in central:
        out.write(record)
    size = out.tell() - start
    out.write(_END.pack(b"PK\x05\x06", 0, 0, count, count, size, start, 0))
    return out.getvalue()
