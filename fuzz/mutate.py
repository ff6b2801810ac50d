"""Mutations of seed files: raw bytes, and aware of each format's structure.

Byte mutations find decoder and parser edge cases; token mutations insert
the pieces of syntax that make a file hostile (deep nesting, entity
declarations, broken object streams, YAML aliases and tags); DOCX mutations
open the zip, mutate one XML part and pack it again, so that the XML parser
(not just the zip reader) sees the damage.
"""

from __future__ import annotations

import io
import random
import warnings
import zipfile

TOKENS: dict[str, tuple[bytes, ...]] = {
    "html": (
        b"<div>",
        b"</div>",
        b"<p>",
        b"<br>",
        b"<table><tr><td>",
        b"<!--",
        b"-->",
        b"<script>",
        b"<article>",
        b"<h1>",
        b"<nav class='menu'>",
        b"&#x10FFFF;",
        b"&nbsp;",
        b'<meta charset="koi8-r">',
        b'<meta charset="utf-16">',
        b'<script type="application/ld+json">{"datePublished": [[[[',
        b'<meta property="article:published_time" content="2025-02-31">',
        b"\x00",
        b"<![CDATA[",
    ),
    "xml": (
        b"<w:p>",
        b"</w:p>",
        b"<w:r><w:t>",
        b"</w:t></w:r>",
        b"<w:tbl><w:tr><w:tc>",
        b"<w:sdt><w:sdtContent>",
        b'<w:outlineLvl w:val="x"/>',
        b"<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>",
        b"<!ENTITY a 'aaaaaaaaaa'>",
        b"&x;",
        b"&#0;",
        b"]]>",
        b'<?xml version="1.0" encoding="koi8-r"?>',
        b"<w:numPr/>",
    ),
    "pdf": (
        b" obj ",
        b"endobj",
        b"stream\n",
        b"endstream",
        b"xref\n0 1\n",
        b"trailer",
        b"/Filter /FlateDecode",
        b"<<",
        b">>",
        b"[",
        b"]",
        b"/Encrypt",
        b"/Kids [1 0 R]",
        b"/Length 999999",
        b"%%EOF",
        b"startxref\n0\n",
    ),
    "yaml": (
        b"&a ",
        b"*a",
        b"!!python/object/apply:os.system ['true']",
        b"[",
        b"{",
        b"? ",
        b"- ",
        b"---\n",
        b"<<: *a\n",
        b"\t",
        b"!!binary ",
        b"%YAML 1.1\n",
    ),
    "csv": (b'"', b",", b"\t", b"\n", b"\r", b"\x00", b'""', b"ru,en,kk\n", b"type"),
    "text": (
        b"\n\n",
        b"\r\n",
        b"- ",
        b"1) ",
        b"-\n",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\x00",
        b"\x1a",
        "Источник: ".encode(),
        b"https://",
        "12 марта 2025\n".encode(),
        b"---\n",
        b"# ",
        b"|",
        b"```",
    ),
}


def bytes_mutation(data: bytes, rnd: random.Random, tokens: tuple[bytes, ...] = ()) -> bytes:
    """One to eight random edits: flips, inserts, deletes, repeats, truncation, tokens."""
    buf = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        pos = rnd.randint(0, len(buf))
        op = rnd.randrange(7 if tokens else 6)
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] ^= 1 << rnd.randrange(8)
        elif op == 1:
            buf[pos:pos] = bytes([rnd.randrange(256)]) * rnd.randint(1, 4)
        elif op == 2:
            del buf[pos : pos + rnd.randint(1, 64)]
        elif op == 3 and buf:
            start = rnd.randrange(len(buf))
            chunk = buf[start : start + rnd.randint(1, 256)]
            buf[pos:pos] = chunk * rnd.randint(1, 50)
        elif op == 4:
            del buf[pos:]
        elif op == 5 and buf:
            buf[min(pos, len(buf) - 1)] = rnd.choice((0, 0x7F, 0x80, 0xFF, 0x0A, 0x3C))
        elif tokens:
            buf[pos:pos] = rnd.choice(tokens) * rnd.choice((1, 1, 1, 2, 10, 300))
    return bytes(buf)


def docx_mutation(data: bytes, rnd: random.Random) -> bytes:
    """Mutate one XML part (usually word/document.xml) or the zip's own entries."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            parts = [(info, src.read(info.filename)) for info in src.infolist()]
    except Exception:  # an earlier round broke the zip: keep mutating its bytes
        return bytes_mutation(data, rnd)
    if not parts:
        return bytes_mutation(data, rnd)
    xml = [i for i, (info, _) in enumerate(parts) if info.filename.endswith(".xml")] or [0]
    main = [i for i, (info, _) in enumerate(parts) if info.filename == "word/document.xml"]
    index = rnd.choice(main * 3 + xml)
    info, content = parts[index]
    choice = rnd.randrange(10)
    if choice < 7:
        parts[index] = (info, bytes_mutation(content, rnd, TOKENS["xml"]))
    elif choice == 7:
        del parts[rnd.randrange(len(parts))]
    elif choice == 8:
        parts.append(parts[index])  # a duplicate entry name
    else:
        info.flag_bits |= rnd.choice((0x1, 0x8, 0x800))
    out = io.BytesIO()
    method = rnd.choice((zipfile.ZIP_DEFLATED, zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED))
    with zipfile.ZipFile(out, "w", method) as dest, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are on purpose
        for entry, body in parts:
            fresh = zipfile.ZipInfo(entry.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fresh.compress_type = method
            try:
                dest.writestr(fresh, body)
            except ValueError:
                continue
    result = out.getvalue()
    return bytes_mutation(result, rnd) if rnd.random() < 0.1 else result


_FORMAT_TOKENS = {
    "txt": "text",
    "txt_encodings": "text",
    "md": "text",
    "html": "html",
    "sniff": "html",
    "pdf": "pdf",
    "glossary_yaml": "yaml",
    "glossary_csv": "csv",
    "glossary_tbx": "xml",
}


def mutate(target: str, seed: bytes, rnd: random.Random, other: bytes = b"") -> bytes:
    """A mutated input for ``target``, starting from ``seed`` (``other`` may be spliced in)."""
    if target == "docx":
        return docx_mutation(seed, rnd)
    if other and rnd.random() < 0.1:
        cut_a, cut_b = rnd.randint(0, len(seed)), rnd.randint(0, len(other))
        seed = seed[:cut_a] + other[cut_b:]
    return bytes_mutation(seed, rnd, TOKENS[_FORMAT_TOKENS[target]])
