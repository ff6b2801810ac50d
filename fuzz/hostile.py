"""Write the hostile input files of ``tests/data/hostile/``: ``python -m fuzz.hostile``.

Each file is made here by the project, so that anyone can see exactly what
it holds and make it again; ``tests/data/hostile/README.md`` says what each
one is and the tests in ``tests/test_hostile_readers.py`` read them.  Crashes
the fuzzers found are kept as they found them (the ``FOUND`` files, minimised
by Hypothesis).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from fuzz.corpus import GLOSSARY_TBX, PARAGRAPHS, docx_seed, pdf_seeds

HOSTILE = Path(__file__).resolve().parents[1] / "tests" / "data" / "hostile"

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TEXT = PARAGRAPHS[1]


def _lol_dtd(root: str, levels: int = 9) -> str:
    """The billion-laughs DTD: each entity ten of the one before."""
    entities = ['<!ENTITY l0 "lollollollol">']
    entities += [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, levels + 1)]
    return f"<!DOCTYPE {root} [{''.join(entities)}]>"


def _docx_with(content: str | bytes, *, part: str = "word/document.xml") -> bytes:
    """The seed DOCX with one part replaced; fixed timestamps, so the bytes are reproducible."""
    body = content.encode() if isinstance(content, str) else content
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx_seed())) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dest.writestr(fixed, body if info.filename == part else src.read(info.filename))
    return out.getvalue()


def _seed_part(part: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx_seed())) as src:
        return src.read(part)


def _document(inner: str, prolog: str = "") -> str:
    return f'<?xml version="1.0"?>{prolog}<w:document {W_NS}><w:body>{inner}</w:body></w:document>'


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _encrypted_flag() -> bytes:
    """A DOCX whose entries claim to be encrypted (general purpose flag bit 0)."""
    data = bytearray(_docx_with(_seed_part("word/document.xml")))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + offset] |= 0x1
            start += 4
    return bytes(data)


def _html(inner: str) -> bytes:
    return f'<html><head><meta charset="utf-8"></head><body>{inner}</body></html>'.encode()


def _deep_pdf() -> bytes:
    """The seed PDF with arrays nested 5,000 deep put before its trailer."""
    plain = pdf_seeds()[0]
    return plain.replace(b"trailer", b"trailer\n" + b"[" * 5000 + b"]" * 5000 + b"\n", 1)


FILES: dict[str, Callable[[], bytes]] = {
    # DOCX
    "docx-xxe.docx": lambda: _docx_with(
        _document(
            _para(f"{TEXT} &xxe;"),
            '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        )
    ),
    "docx-billion-laughs.docx": lambda: _docx_with(
        _document(_para("&l9;"), _lol_dtd("w:document"))
    ),
    "docx-deep-3000.docx": lambda: _docx_with(
        _document("<w:sdt><w:sdtContent>" * 3000 + _para(TEXT) + "</w:sdtContent></w:sdt>" * 3000)
    ),
    "docx-zip-bomb.docx": lambda: _docx_with(
        _document(_para(TEXT) + "<w:p/>" * 1_000_000)  # 6 MB of XML that deflates ~1000:1
    ),
    "docx-encrypted-flag.docx": _encrypted_flag,
    "docx-password.docx": lambda: bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504,
    # HTML
    "html-deep-3000.html": lambda: _html("<div>" * 3000 + f"<p>{TEXT}</p>" + "</div>" * 3000),
    "html-wide-3000-p.html": lambda: _html("<p>Да." * 3000),
    "html-nested-chrome.html": lambda: _html(
        "<nav>" * 300 + "<i>меню</i>" * 3000 + "</nav>" * 300 + f"<p>{TEXT}</p>"
    ),
    # PDF
    "pdf-encrypted.pdf": lambda: pdf_seeds()[1],
    "pdf-truncated.pdf": lambda: pdf_seeds()[0][:700],
    "pdf-deep-arrays.pdf": _deep_pdf,
    # glossaries
    "glossary-deep.yaml": lambda: b"format: processor-glossary/1\nentries: " + b"[" * 5000,
    "glossary-deep-map.yaml": lambda: (
        b"format: processor-glossary/1\nentries:\n - " + b"{a: " * 2000 + b"1" + b"}" * 2000
    ),
    "glossary-alias-bomb.yaml": lambda: (
        b"format: processor-glossary/1\nname: bomb\nentries:\n"
        b"  - &e0 {id: a, ru: [x, x, x, x, x, x, x, x, x, x]}\n"
        + b"".join(f"  - &e{i} [{', '.join([f'*e{i - 1}'] * 10)}]\n".encode() for i in range(1, 9))
    ),
    "glossary-python-tag.yaml": lambda: (
        b"format: processor-glossary/1\nname: tag\nentries:\n"
        b"  - !!python/object/apply:os.system ['echo pwned > /tmp/pwned']\n"
    ),
    "glossary-big-field.csv": lambda: b'ru,en,kk\n"' + b"x" * 140_000 + b'",y,z\n',
    "glossary-xxe.tbx": lambda: (
        GLOSSARY_TBX.replace(
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        )
        .replace("Мажилис</term>", "&xxe;</term>")
        .encode()
    ),
    "glossary-billion-laughs.tbx": lambda: (
        GLOSSARY_TBX.replace(
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<?xml version="1.0" encoding="UTF-8"?>' + _lol_dtd("martif"),
        )
        .replace("Мажилис</term>", "&l9;</term>")
        .encode()
    ),
    # Found by the fuzzers (minimised): see README.md
    "found-glossary-nul.yaml": lambda: b"\x00",
    "found-docx-styles-namespace.docx": lambda: _docx_with(
        _seed_part("word/styles.xml").replace(b"wordprocessingml/2006", b"wordprocessingml.2006"),
        part="word/styles.xml",
    ),
    "found-docx-content-types-namespace.docx": lambda: _docx_with(
        _seed_part("[Content_Types].xml").replace(b"<Types xmlns=", b"<Types ymlns="),
        part="[Content_Types].xml",
    ),
    "found-glossary-bad-encoding.tbx": lambda: b'<?xml version="" encoding="J"?>',
}


def main() -> None:
    HOSTILE.mkdir(parents=True, exist_ok=True)
    for name, build in FILES.items():
        data = build()
        (HOSTILE / name).write_bytes(data)
        print(f"{name:<34} {len(data):>8} bytes")


if __name__ == "__main__":
    main()
