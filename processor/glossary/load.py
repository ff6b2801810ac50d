"""Load and validate glossary files (``format: processor-glossary/1``).

Precedence: built-in glossaries (the package's ``glossaries/*.yaml``, by file name)
come first, then user files in the order given; an entry whose Russian canonical
form (case-folded, ё -> е) was already loaded replaces the earlier one.  So a later
user file overrides an earlier one, and every user file overrides the built-ins.

The YAML is composed to nodes, not loaded to Python objects, so every error names
the line it comes from, and every scalar stays a string (``id: no`` is "no").
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from processor.errors import GlossaryError
from processor.glossary.bounds import (
    MAX_EXPANDED_CHARS,
    MAX_TERM_CHARS,
    expanded_chars,
    read_glossary_bytes,
)
from processor.glossary.settlements import add_table, is_place_table
from processor.glossary.types import LANGS, Entry, Glossary, entry_type
from processor.model import xml_unsafe

FORMAT = "processor-glossary/1"
_ENTRY_KEYS = {"id", "type", "ru", "en", "kk", "short", "aliases", "wrong", "forms", "note"}
_ENTRY_KEYS.add("lowercase")
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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


def builtin_tables() -> list[Path]:
    """The built-in place tables (``*.tsv``, see :mod:`processor.glossary.settlements`)."""
    folder = builtin_dir()
    return sorted(folder.glob("*.tsv")) if folder else []


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
        value = str(node.value).strip()
        bad = xml_unsafe(value)
        if bad is not None:  # a memo (DOCX) could not hold it: refuse it here, not there
            raise self.error(f"{what} holds the control character U+{ord(bad):04X}", node)
        return value

    def text(self, node: yaml.Node, what: str) -> str:
        value = self.scalar(node, what)
        if not value:
            raise self.error(f"{what} is empty", node)
        if len(value) > MAX_TERM_CHARS:
            raise self.error(
                f"{what} is {len(value)} characters long; a term has at most {MAX_TERM_CHARS}",
                node,
            )
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
    """Parse one glossary's YAML text: its name and entries.  Raises the first GlossaryError."""
    name, entries, problems = _parse(text, path)
    if problems:
        raise problems[0]
    return name, entries


def _parse(text: str, path: str) -> tuple[str, list[Entry], list[GlossaryError]]:
    """Name, valid entries and every problem found: a broken structure stops the reading,
    a broken entry is reported and skipped so the next ones are still checked."""
    r = _Reader(path)
    try:
        try:  # libyaml composes ~10x faster; a file it refuses is read again by PyYAML,
            root = yaml.compose(text, Loader=_FAST_LOADER)  # whose messages users get
        except yaml.YAMLError:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = f"bad YAML: {exc.problem or exc.context}"
        error = GlossaryError(reason, path=path, line=mark.line + 1 if mark else None)
        return "", [], [error]
    except yaml.YAMLError as exc:  # e.g. a NUL byte: its message runs over several lines
        return "", [], [GlossaryError(f"bad YAML: {str(exc).splitlines()[0]}", path=path)]
    except RecursionError:  # PyYAML composes recursively: "[[[[..." thousands deep
        return "", [], [GlossaryError("bad YAML: nested too deep", path=path)]
    expanded = expanded_chars(root, MAX_EXPANDED_CHARS)
    if expanded > MAX_EXPANDED_CHARS:
        reason = (
            f"over {MAX_EXPANDED_CHARS // (1024 * 1024)} MB of text once its YAML aliases "
            "are expanded; write each entry out, or split the file"
        )
        return "", [], [GlossaryError(reason, path=path)]
    if root is None:
        return (
            "",
            [],
            [GlossaryError("empty file: expected a processor-glossary/1 glossary", path=path)],
        )
    problems: list[GlossaryError] = []
    try:
        top = r.mapping(root, "the glossary")
        if "format" not in top:
            raise r.error(f"missing 'format: {FORMAT}'", root)
        fmt = r.scalar(top["format"][1], "format")
        if fmt != FORMAT:
            raise r.error(f"unsupported format {fmt!r}; expected {FORMAT!r}", top["format"][1])
        problems += [
            r.error(f"unknown key {key!r}", key_node)
            for key, (key_node, _) in top.items()
            if key not in _TOP_KEYS
        ]
        if "name" not in top:
            raise r.error("missing 'name' (a unique name for this glossary)", root)
        name = r.text(top["name"][1], "name")
        if "entries" not in top:
            raise r.error("missing 'entries'", root)
        entries_node = top["entries"][1]
        if isinstance(entries_node, yaml.ScalarNode) and entries_node.value in ("", "~", "null"):
            return name, [], problems
        if not isinstance(entries_node, yaml.SequenceNode):
            raise r.error("'entries' must be a list", entries_node)
    except GlossaryError as exc:
        return "", [], [*problems, exc]

    entries: list[Entry] = []
    seen_ids: dict[str, int] = {}
    seen_ru: dict[str, Entry] = {}
    for node in entries_node.value:
        # An id is a slug: ``Tokayev`` and ``tokayev`` are one id, and an entry with
        # another problem still takes its id.
        given = (_raw_id(node) or "").strip()
        key = given.lower()
        if key and key in seen_ids:
            first = seen_ids[key]
            problems.append(r.error(f"duplicate id {given!r} (first on line {first})", node))
            _entry(r, node, name, problems)  # its other problems are reported too
            continue
        if key:
            seen_ids[key] = _line(node)
        entry = _entry(r, node, name, problems)
        if entry is None:
            continue
        previous = seen_ru.get(entry.key)
        if previous is not None:
            if (previous.en, previous.kk) != (entry.en, entry.kk):
                problems.append(
                    r.error(
                        f"duplicate entry for {entry.ru!r} with different renderings "
                        f"(first on line {previous.line}: {previous.en!r} / {previous.kk!r})",
                        node,
                    )
                )
            continue  # the same entry twice: harmless, keep the first
        seen_ru[entry.key] = entry
        entries.append(entry)
    return name, entries, problems


def _raw_id(node: yaml.Node) -> str | None:
    """The ``id`` scalar of an entry node as written, whatever else is wrong with it."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if key_node.value == "id" and isinstance(value_node, yaml.ScalarNode):
            return str(value_node.value) or None
    return None


def _entry(
    r: _Reader, node: yaml.Node, glossary: str, problems: list[GlossaryError]
) -> Entry | None:
    """The entry of ``node``, or None after adding each of its problems to ``problems``."""
    try:
        fields = r.mapping(node, "an entry")
    except GlossaryError as exc:
        problems.append(exc)
        return None
    found = [
        r.error(f"unknown entry key {key!r}", key_node)
        for key, (key_node, _) in fields.items()
        if key not in _ENTRY_KEYS
    ]
    found += [
        r.error(f"entry is missing {required!r}", node)
        for required in ("id", "type", *LANGS)
        if required not in fields
    ]
    values: dict[str, str] = {}
    for key in ("id", "type", *LANGS):
        if key in fields:
            try:
                values[key] = r.text(fields[key][1], key)
            except GlossaryError as exc:
                found.append(exc)
    etype = None
    if "type" in values:
        try:
            etype = entry_type(values["type"])
        except ValueError as exc:
            found.append(r.error(str(exc), fields["type"][1]))
    extras: dict[str, Any] = {}
    for key, lists in (("short", False), ("aliases", True), ("wrong", True), ("forms", True)):
        if key in fields:
            try:
                extras[key] = r.per_language(fields[key][1], key, lists)
            except GlossaryError as exc:
                found.append(exc)
    note = None
    if "note" in fields:
        try:
            note = r.scalar(fields["note"][1], "note") or None
        except GlossaryError as exc:
            found.append(exc)
    lowercase = None
    if "lowercase" in fields:
        try:
            flag = r.scalar(fields["lowercase"][1], "lowercase").lower()
            if flag not in ("true", "false", "yes", "no"):
                raise r.error("lowercase must be true or false", fields["lowercase"][1])
            lowercase = flag in ("true", "yes")
        except GlossaryError as exc:
            found.append(exc)
    problems.extend(found)
    if found or etype is None:
        return None
    return Entry(
        id=values["id"],
        type=etype,
        ru=values["ru"],
        en=values["en"],
        kk=values["kk"],
        short=extras.get("short", {}),
        aliases=extras.get("aliases", {}),
        wrong=extras.get("wrong", {}),
        forms=extras.get("forms", {}),
        note=note,
        lowercase=lowercase,
        glossary=glossary,
        path=r.path,
        line=_line(node),
    )


TABLE_SUFFIXES = (".csv", ".tsv", ".tbx", ".xml")


def read_glossary(path: str | Path) -> tuple[str, list[Entry]]:
    """Read and validate one glossary file."""
    p = Path(path)
    data = read_glossary_bytes(p)
    if p.suffix.lower() in TABLE_SUFFIXES:
        # CSV/TSV with ru,en,kk columns and TBX load as they are; two-column files
        # need their target language, which `processor glossary import` asks for.
        from processor.glossary.imports import import_file

        return p.stem, import_file(p, data=data)
    return parse_glossary(_decode(data, str(path)), str(path))


def validate_glossary(path: str | Path) -> list[GlossaryError]:
    """Every problem of one glossary file, in file order (empty when it is valid)."""
    p = Path(path)
    if p.suffix.lower() in TABLE_SUFFIXES:
        try:
            read_glossary(path)
        except GlossaryError as exc:
            return [exc]
        return []
    try:
        text = _decode(read_glossary_bytes(p), str(path))
    except GlossaryError as exc:
        return [exc]
    problems = _parse(text, str(path))[2]
    return sorted(problems, key=lambda e: e.line or 0)


def load_glossaries(
    paths: Sequence[str | os.PathLike[str]] = (),
    *,
    builtin: bool = True,
    on_error: Callable[[GlossaryError], None] | None = None,
) -> Glossary:
    """Built-in glossaries, then ``paths`` in order; later entries override earlier ones.

    A malformed file raises :class:`GlossaryError`, unless ``on_error`` is given: then it
    is called with the error, the file is skipped, and the rest still load.
    """
    files: list[tuple[Path, bool]] = [(p, True) for p in builtin_paths()] if builtin else []
    files += [(p, True) for p in builtin_tables()] if builtin else []
    files += [(Path(p), False) for p in paths]
    by_key: dict[str, Entry] = {}
    glossary = Glossary(entries=[])
    names: dict[str, str] = {}
    for path, _is_builtin in files:
        if is_place_table(path):  # its header now, its rows when first needed
            add_table(glossary, path, on_error)
            continue
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
