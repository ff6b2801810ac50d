"""Import glossaries from CSV/TSV (as DeepL accepts them) and basic TBX.

* Two columns ``source,target`` (header optional): ``target`` says which language the
  second column is; the other target is filled automatically (English by romanization,
  Kazakh with the Russian form) and the entry's ``note`` says so, for review.
* Columns ``ru,en,kk[,type]`` with a header.
* TBX: ``termEntry`` / ``langSet xml:lang=ru|en|kk`` / ``tig`` (or ``ntig/termGrp``) / ``term``.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from xml.etree import ElementTree

from processor.errors import GlossaryError
from processor.glossary.bounds import read_glossary_bytes
from processor.glossary.load import _decode
from processor.glossary.romanize import romanize
from processor.glossary.types import Entry, EntryType, entry_type
from processor.model import xml_unsafe

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def slug(text: str) -> str:
    """An ASCII id from a name: ``Kassym-Jomart Tokayev`` -> ``kassym-jomart-tokayev``."""
    s = re.sub(r"[^a-z0-9]+", "-", romanize(text).lower()).strip("-")
    return s or "entry"


def _unique(ids: set[str], base: str) -> str:
    candidate, n = base, 2
    while candidate in ids:
        candidate, n = f"{base}-{n}", n + 1
    ids.add(candidate)
    return candidate


def _make(
    ids: set[str], ru: str, en: str | None, kk: str | None, etype: EntryType = "term"
) -> Entry:
    filled = []
    if not en:
        en = romanize(ru)
        filled.append("en romanized")
    if not kk:
        kk = ru
        filled.append("kk copied from ru")
    note = f"imported; {', '.join(filled)}: review" if filled else None
    return Entry(
        id=_unique(ids, slug(en)), type=etype, ru=ru, en=en, kk=kk, note=note, glossary="import"
    )


def import_table(
    path: str | Path, *, target: str | None = None, data: bytes | None = None
) -> list[Entry]:
    """Entries from a CSV or TSV file (see module doc); ``target`` for two-column files."""
    text = _decode(read_glossary_bytes(path) if data is None else data, str(path))
    bad = xml_unsafe(text.replace("\t", " ").replace("\r", " "))
    if bad is not None:  # a memo (DOCX) could not hold it: refuse it here, not there
        line = text[: text.index(bad)].count("\n") + 1
        raise GlossaryError(
            f"holds the control character U+{ord(bad):04X}", path=str(path), line=line
        )
    delimiter = "\t" if str(path).lower().endswith(".tsv") or "\t" in text.split("\n")[0] else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        rows = [[c.strip() for c in row] for row in reader if any(c.strip() for c in row)]
    except csv.Error as exc:  # e.g. a field over the csv module's 128 KiB limit
        raise GlossaryError(f"bad CSV: {exc}", path=str(path), line=reader.line_num) from None
    if not rows:
        raise GlossaryError("no rows to import", path=str(path))
    header = [c.lower() for c in rows[0]]
    ids: set[str] = set()
    entries: list[Entry] = []
    if {"ru", "en", "kk"} <= set(header):
        col = {name: header.index(name) for name in ("ru", "en", "kk")}
        type_col = header.index("type") if "type" in header else None
        for line, row in enumerate(rows[1:], start=2):
            cells = {name: row[i] if i < len(row) else "" for name, i in col.items()}
            if not cells["ru"]:
                raise GlossaryError("row has no Russian form", path=str(path), line=line)
            given = row[type_col] if type_col is not None and type_col < len(row) else ""
            try:
                etype = entry_type(given or "term")
            except ValueError as exc:
                raise GlossaryError(str(exc), path=str(path), line=line) from None
            entries.append(_make(ids, cells["ru"], cells["en"], cells["kk"], etype))
        return entries
    if target not in ("en", "kk"):
        raise GlossaryError(
            "two-column file: say which language the second column is, e.g. "
            f"processor glossary import {Path(path).name} --target en -o glossary.yaml",
            path=str(path),
        )
    start = 1 if header[:2] in (["source", "target"], ["ru", target]) else 0
    for line, row in enumerate(rows[start:], start=start + 1):
        if len(row) < 2 or not row[0] or not row[1]:
            raise GlossaryError("expected two columns: source, target", path=str(path), line=line)
        en, kk = (row[1], None) if target == "en" else (None, row[1])
        entries.append(_make(ids, row[0], en, kk))
    return entries


def import_tbx(path: str | Path, *, data: bytes | None = None) -> list[Entry]:
    """Entries from a TBX file: one per termEntry that has a Russian term."""
    try:
        root = ElementTree.fromstring(read_glossary_bytes(path) if data is None else data)
    except ElementTree.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise GlossaryError(f"bad TBX (XML): {exc}", path=str(path), line=line) from None
    except LookupError as exc:  # <?xml encoding="..."?> names no known encoding
        raise GlossaryError(f"bad TBX (XML): {exc}", path=str(path)) from None
    ids: set[str] = set()
    entries: list[Entry] = []
    for term_entry in root.iter():
        if _local(term_entry.tag) != "termEntry":
            continue
        terms: dict[str, str] = {}
        for lang_set in term_entry:
            if _local(lang_set.tag) != "langSet":
                continue
            lang = (lang_set.get(_XML_LANG) or lang_set.get("lang") or "").lower()[:2]
            for el in lang_set.iter():
                if _local(el.tag) == "term" and el.text and el.text.strip():
                    terms.setdefault(lang, el.text.strip())
                    break
        if "ru" in terms:
            entries.append(_make(ids, terms["ru"], terms.get("en"), terms.get("kk")))
    if not entries:
        raise GlossaryError("no termEntry with a Russian (xml:lang=ru) term", path=str(path))
    return entries


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def import_file(
    path: str | Path, *, target: str | None = None, data: bytes | None = None
) -> list[Entry]:
    """Entries from a .csv, .tsv or .tbx file (``data``: its bytes, when already read)."""
    p = Path(path)
    data = read_glossary_bytes(p) if data is None else data
    if p.suffix.lower() in (".tbx", ".xml"):
        return import_tbx(p, data=data)
    return import_table(p, target=target, data=data)
