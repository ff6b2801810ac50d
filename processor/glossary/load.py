"""Load and validate glossary files (``format: processor-glossary/1``).

Precedence: built-in glossaries (the package's ``glossaries/*.yaml``, by file name)
come first, then user files in the order given; an entry whose Russian canonical
form (case-folded, ё -> е) was already loaded replaces the earlier one.  So a later
user file overrides an earlier one, and every user file overrides the built-ins.

The YAML is composed to nodes, not loaded to Python objects, so every error names
the line it comes from, and every scalar stays a string (``id: no`` is "no").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from processor.errors import GlossaryError
from processor.glossary.types import ENTRY_TYPES, LANGS, Entry, Glossary

FORMAT = "processor-glossary/1"
_ENTRY_KEYS = {"id", "type", "ru", "en", "kk", "short", "aliases", "wrong", "forms", "note"}
_TOP_KEYS = {"format", "name", "title", "source", "targets", "entries", "description"}


def builtin_dir() -> Path | None:
    """Where the built-in glossaries are: inside the package (wheel) or the repository."""
    import processor

    package = Path(processor.__file__).resolve().parent
    for candidate in (package / "glossaries", package.parent / "glossaries"):
        if candidate.is_dir():
            return candidate
    return None


def builtin_paths() -> list[Path]:
    folder = builtin_dir()
    return sorted(folder.glob("*.yaml")) if folder else []


# ---------------------------------------------------------------------------------------------
# YAML nodes -> plain values, with line numbers kept


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Reader:
    def __init__(self, path: str):
        self.path = path

    def error(self, reason: str, node: yaml.Node | None = None) -> GlossaryError:
        return GlossaryError(reason, path=self.path, line=_line(node) if node else None)

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(f"{what} must be a mapping (key: value)", node)
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node, "a key")
            if key in out:
                raise self.error(f"duplicate key {key!r} in {what}", key_node)
            out[key] = (key_node, value_node)
        return out

    def scalar(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.error(f"{what} must be a single text value", node)
        return str(node.value).strip()

    def text(self, node: yaml.Node, what: str) -> str:
        value = self.scalar(node, what)
        if not value:
            raise self.error(f"{what} is empty", node)
        return value

    def text_list(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        if isinstance(node, yaml.ScalarNode):
            return (self.text(node, what),)
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(f"{what} must be a list of texts", node)
        return tuple(self.text(item, what) for item in node.value)

    def per_language(self, node: yaml.Node, what: str, lists: bool) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for lang, (key_node, value_node) in self.mapping(node, what).items():
            if lang not in LANGS:
                raise self.error(f"{what}: unknown language {lang!r} (use ru, en, kk)", key_node)
            if lists:
                out[lang] = self.text_list(value_node, f"{what}.{lang}")
            else:
                out[lang] = self.text(value_node, f"{what}.{lang}")
        return out


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x}); save the glossary as UTF-8",
            path=path,
            line=line,
        ) from None


def parse_glossary(text: str, path: str = "<glossary>") -> tuple[str, list[Entry]]:
    """Parse one glossary's YAML text: its name and entries.  Raises GlossaryError."""
    r = _Reader(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = f"bad YAML: {exc.problem or exc.context}"
        raise GlossaryError(reason, path=path, line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:  # e.g. a NUL byte: its message runs over several lines
        raise GlossaryError(f"bad YAML: {str(exc).splitlines()[0]}", path=path) from None
    except RecursionError:  # PyYAML composes recursively: "[[[[..." thousands deep
        raise GlossaryError("bad YAML: nested too deep", path=path) from None
    if root is None:
        raise GlossaryError("empty file: expected a processor-glossary/1 glossary", path=path)
    top = r.mapping(root, "the glossary")
    if "format" not in top:
        raise r.error(f"missing 'format: {FORMAT}'", root)
    fmt = r.scalar(top["format"][1], "format")
    if fmt != FORMAT:
        raise r.error(f"unsupported format {fmt!r}; expected {FORMAT!r}", top["format"][1])
    for key, (key_node, _) in top.items():
        if key not in _TOP_KEYS:
            raise r.error(f"unknown key {key!r}", key_node)
    if "name" not in top:
        raise r.error("missing 'name' (a unique name for this glossary)", root)
    name = r.text(top["name"][1], "name")
    if "entries" not in top:
        raise r.error("missing 'entries'", root)
    entries_node = top["entries"][1]
    if isinstance(entries_node, yaml.ScalarNode) and entries_node.value in ("", "~", "null"):
        return name, []
    if not isinstance(entries_node, yaml.SequenceNode):
        raise r.error("'entries' must be a list", entries_node)

    entries: list[Entry] = []
    seen_ids: dict[str, int] = {}
    seen_ru: dict[str, Entry] = {}
    for node in entries_node.value:
        entry = _entry(r, node, name)
        line = _line(node)
        if entry.id in seen_ids:
            raise r.error(f"duplicate id {entry.id!r} (first on line {seen_ids[entry.id]})", node)
        seen_ids[entry.id] = line
        previous = seen_ru.get(entry.key)
        if previous is not None:
            if (previous.en, previous.kk) != (entry.en, entry.kk):
                raise r.error(
                    f"duplicate entry for {entry.ru!r} with different renderings "
                    f"(first on line {previous.line}: {previous.en!r} / {previous.kk!r})",
                    node,
                )
            continue  # the same entry twice: harmless, keep the first
        seen_ru[entry.key] = entry
        entries.append(entry)
    return name, entries


def _entry(r: _Reader, node: yaml.Node, glossary: str) -> Entry:
    fields = r.mapping(node, "an entry")
    for key, (key_node, _) in fields.items():
        if key not in _ENTRY_KEYS:
            raise r.error(f"unknown entry key {key!r}", key_node)
    for required in ("id", "type", *LANGS):
        if required not in fields:
            raise r.error(f"entry is missing {required!r}", node)
    values = {k: r.text(fields[k][1], k) for k in ("id", "type", *LANGS)}
    if values["type"] not in ENTRY_TYPES:
        raise r.error(
            f"unknown type {values['type']!r} (use {', '.join(ENTRY_TYPES)})", fields["type"][1]
        )
    short = r.per_language(fields["short"][1], "short", False) if "short" in fields else {}
    aliases = r.per_language(fields["aliases"][1], "aliases", True) if "aliases" in fields else {}
    wrong = r.per_language(fields["wrong"][1], "wrong", True) if "wrong" in fields else {}
    forms = r.per_language(fields["forms"][1], "forms", True) if "forms" in fields else {}
    note = r.scalar(fields["note"][1], "note") if "note" in fields else None
    return Entry(
        id=values["id"],
        type=values["type"],
        ru=values["ru"],
        en=values["en"],
        kk=values["kk"],
        short=short,
        aliases=aliases,
        wrong=wrong,
        forms=forms,
        note=note or None,
        glossary=glossary,
        path=r.path,
        line=_line(node),
    )


TABLE_SUFFIXES = (".csv", ".tsv", ".tbx", ".xml")


def read_glossary(path: str | Path) -> tuple[str, list[Entry]]:
    """Read and validate one glossary file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise GlossaryError("no such glossary file", path=str(path)) from None
    except IsADirectoryError:
        raise GlossaryError("is a folder, not a glossary file", path=str(path)) from None
    except OSError as exc:
        raise GlossaryError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    if p.suffix.lower() in TABLE_SUFFIXES:
        # CSV/TSV with ru,en,kk columns and TBX load as they are; two-column files
        # need their target language, which `processor glossary import` asks for.
        from processor.glossary.imports import import_file

        return p.stem, import_file(p)
    return parse_glossary(_decode(data, str(path)), str(path))


def validate_glossary(path: str | Path) -> list[GlossaryError]:
    """The problems of one glossary file (empty when it is valid)."""
    try:
        read_glossary(path)
    except GlossaryError as exc:
        return [exc]
    return []


def load_glossaries(
    paths: Sequence[str | Path] = (),
    *,
    builtin: bool = True,
    on_error: Callable[[GlossaryError], None] | None = None,
) -> Glossary:
    """Built-in glossaries, then ``paths`` in order; later entries override earlier ones.

    A malformed file raises :class:`GlossaryError`, unless ``on_error`` is given: then it
    is called with the error, the file is skipped, and the rest still load.
    """
    files: list[tuple[Path, bool]] = [(p, True) for p in builtin_paths()] if builtin else []
    files += [(Path(p), False) for p in paths]
    by_key: dict[str, Entry] = {}
    glossary = Glossary(entries=[])
    names: dict[str, str] = {}
    for path, _is_builtin in files:
        try:
            name, entries = read_glossary(path)
            if name in names and names[name] != str(path):
                raise GlossaryError(
                    f"glossary name {name!r} is already used by {names[name]}", path=str(path)
                )
        except GlossaryError as exc:
            if on_error is None:
                raise
            on_error(exc)
            glossary.warnings.append(str(exc))
            continue
        names[name] = str(path)
        glossary.names.append(name)
        glossary.paths.append(str(path))
        for entry in entries:
            previous = by_key.pop(entry.key, None)  # pop: the winner moves to the end (rank)
            if previous is not None:
                glossary.overridden.append((previous, entry))
            by_key[entry.key] = entry
    glossary.entries = list(by_key.values())
    return glossary


def entry_from_mapping(data: dict[str, Any], *, glossary: str = "") -> Entry:
    """An Entry from plain Python data (imports, suggestions); no line numbers."""
    as_tuple = {k: tuple(v) for k, v in (data.get("aliases") or {}).items()}
    return Entry(
        id=str(data["id"]),
        type=str(data.get("type", "term")),
        ru=str(data["ru"]),
        en=str(data["en"]),
        kk=str(data["kk"]),
        short=dict(data.get("short") or {}),
        aliases=as_tuple,
        wrong={k: tuple(v) for k, v in (data.get("wrong") or {}).items()},
        forms={k: tuple(v) for k, v in (data.get("forms") or {}).items()},
        note=data.get("note"),
        glossary=glossary,
    )


def dump_glossary(entries: Sequence[Entry], *, name: str, title: str | None = None) -> str:
    """The YAML text of a glossary with ``entries`` (what import and suggest write)."""
    doc: dict[str, Any] = {"format": FORMAT, "name": name}
    if title:
        doc["title"] = title
    doc.update({"source": "ru", "targets": ["en", "kk"], "entries": []})
    for e in entries:
        item: dict[str, Any] = {"id": e.id, "type": e.type, "ru": e.ru, "en": e.en, "kk": e.kk}
        if e.short:
            item["short"] = dict(e.short)
        for key in ("aliases", "wrong", "forms"):
            value = getattr(e, key)
            if value:
                item[key] = {lang: list(v) for lang, v in value.items()}
        if e.note:
            item["note"] = e.note
        doc["entries"].append(item)
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
