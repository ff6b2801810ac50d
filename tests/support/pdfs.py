"""Write small real PDFs for tests, with no PDF library and no font file.

Text is drawn with the standard Helvetica font through one-byte codes that
are assigned per document; a ToUnicode CMap maps every code back to its
character, which is what text extraction (pypdf, pdftotext, copy-paste)
reads.  The glyphs on screen are wrong for Cyrillic, the text layer is right.
"""

from __future__ import annotations


def _stream(body: bytes, extra: str = "") -> bytes:
    return f"<< /Length {len(body)}{extra} >>\nstream\n".encode() + body + b"\nendstream"


def _to_unicode(codes: dict[str, int]) -> bytes:
    items = sorted(codes.items(), key=lambda kv: kv[1])
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<00> <FF>",
        "endcodespacerange",
    ]
    for start in range(0, len(items), 100):
        chunk = items[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{code:02X}> <{ord(ch):04X}>" for ch, code in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose page ``i`` shows ``pages[i]``, one string per line (``""`` = gap)."""
    chars = sorted({ch for page in pages for line in page for ch in line} - {" "})
    if len(chars) > 200:
        raise ValueError("too many distinct characters for a one-byte font")
    codes = {" ": 0x20}
    free = (c for c in range(0x21, 0x100) if c != 0x20)
    for ch in chars:
        codes[ch] = next(free)

    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(obj: bytes) -> int:
        objects.append(obj)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree exists
    tree = add(b"")
    cmap = add(_stream(_to_unicode(codes)))
    font = add(
        f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode {cmap} 0 R >>".encode()
    )
    kids = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "60 780 Td"]
        for line in lines:
            if line:
                hexed = "".join(f"{codes[ch]:02X}" for ch in line)
                ops.append(f"<{hexed}> Tj")
            ops.append("T*")
        ops.append("ET")
        content = add(_stream("\n".join(ops).encode("ascii")))
        kids.append(
            add(
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] "
                f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R >>".encode()
    refs = " ".join(f"{k} 0 R" for k in kids)
    objects[tree - 1] = f"<< /Type /Pages /Kids [{refs}] /Count {len(kids)} >>".encode()
    return _assemble(objects, catalog)


def make_pdf_without_text() -> bytes:
    """A one-page PDF that only draws lines, like a scan without OCR."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream(b"2 w 50 50 m 500 700 l S 50 700 m 500 50 l S"),
    ]
    return _assemble(objects, 1)


def _assemble(objects: list[bytes], root: int) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
