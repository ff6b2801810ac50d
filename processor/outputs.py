"""Where outputs go: the inputs of a run, and an output name for each that no other takes.

Each input gets an output *stem* relative to the output folder:

* a file named on the command line: its name (``news/a.ru.txt`` -> ``a``: a suffix naming the
  source language is dropped, the output adds its own language);
* a file found in a folder named on the command line: its path inside that folder
  (``news/sub/x.md`` -> ``sub/x``), so the folder's layout is mirrored under the output folder;
* standard input: ``stdin``.

Inputs whose stems would clash (``a.html`` + ``a.pdf``; two ``a.txt`` from different folders)
all get a stable suffix: their format when that tells them apart (``a-html``, ``a-pdf``), else
a short hash of the input's absolute path (``a-3f9c2e``).  Names depend only on the inputs,
never on their order, so a re-run writes the same paths.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from processor.errors import UsageError
from processor.translation.formats.files import format_of_name, output_format

STDIN = "-"
TEXT_FORMATS = ("md", "txt")


@dataclass(frozen=True)
class Source:
    """One input of a run and the stem of its outputs."""

    path: str  # as given or found in a folder; "-" is standard input
    stem: PurePosixPath

    @property
    def shown(self) -> str:
        return "<stdin>" if self.path == STDIN else self.path

    def output(self, folder: Path, language: str, fmt: str) -> Path:
        """``FOLDER/<stem>.<language>.<fmt>``."""
        return folder.joinpath(*self.stem.parent.parts, f"{self.stem.name}.{language}.{fmt}")


def _stem(name: str, language: str) -> str:
    stem = Path(name).stem
    tail = f".{language}"
    return stem[: -len(tail)] if stem.endswith(tail) and len(stem) > len(tail) else stem


def collect_sources(
    inputs: Sequence[str | os.PathLike[str] | Source],
    *,
    language: str = "ru",
    exclude: Sequence[str | os.PathLike[str]] = (),
) -> list[Source]:
    """Files as given, folders expanded (recursively, sorted), ``-`` kept; each input once.

    Files under an ``exclude`` folder (the run's output folder) are never found in a
    folder: see :mod:`processor.access`.

    A :class:`Source` passes as it is: a batch run in rounds names its outputs once, for
    all its inputs, so two rounds never give two inputs the same name.
    """
    from processor.readers import expand_inputs

    if inputs and all(isinstance(i, Source) for i in inputs):
        return [i for i in inputs if isinstance(i, Source)]
    sources: dict[str, Source] = {}
    for raw in [os.fspath(i) for i in inputs if not isinstance(i, Source)]:
        root = Path(raw)
        folder = raw != STDIN and root.is_dir()
        for path in expand_inputs([raw], exclude=exclude):
            key = path if path == STDIN else os.path.realpath(path)
            if key in sources:
                continue  # the same file named twice (a.txt, ./a.txt, news/ and news/a.txt)
            if path == STDIN:
                stem = PurePosixPath("stdin")
            elif folder and path != raw:
                relative = Path(path).relative_to(root)
                stem = PurePosixPath(*relative.parent.parts, _stem(relative.name, language))
            else:
                stem = PurePosixPath(_stem(root.name, language))
            sources[key] = Source(path, stem)
    return _unique(list(sources.values()))


def _key(stem: PurePosixPath) -> str:
    return str(stem).casefold()  # a.txt and A.txt clash on Windows and macOS


def _unique(sources: list[Source]) -> list[Source]:
    groups: dict[str, list[int]] = {}
    for i, source in enumerate(sources):
        groups.setdefault(_key(source.stem), []).append(i)
    out = list(sources)
    for members in groups.values():
        if len(members) < 2:
            continue
        formats = [Path(sources[i].path).suffix.lstrip(".").lower() for i in members]
        by_format = len(set(formats)) == len(formats)
        for i, fmt in zip(members, formats, strict=True):
            stem = sources[i].stem
            if by_format:
                tag = fmt
            else:
                where = os.path.abspath(sources[i].path)
                tag = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:6]
            out[i] = replace(sources[i], stem=stem.with_name(f"{stem.name}-{tag}"))
    return out


@dataclass(frozen=True)
class Planned:
    """Where one translated document goes; ``dest`` None is standard output."""

    source: Source
    dest: Path | None
    format: str


def plan_translations(
    sources: Sequence[Source], output: str | None, fmt: str | None, target: str, *, single: bool
) -> list[Planned]:
    """Destination and format of every translated document.

    ``output`` is a folder (default: the current one), a file name when ``single``, or
    ``-`` for standard output (text formats only).  Raises :class:`UsageError`.
    """
    if output == STDIN:
        chosen = fmt or "txt"
        if chosen not in TEXT_FORMATS:
            raise UsageError(f"-o - writes text: use --format {' or '.join(TEXT_FORMATS)}")
        return [Planned(s, None, chosen) for s in sources]
    out = Path(output) if output else None
    if out is not None and format_of_name(out) and not out.is_dir():
        if not single:
            raise UsageError(
                f"-o {output} names a file but there are {len(sources)} inputs; "
                "give a folder instead"
            )
        file_fmt = format_of_name(out) or "docx"
        if fmt and fmt != file_fmt:
            raise UsageError(f"-o {output} does not match --format {fmt}")
        return [Planned(sources[0], out, file_fmt)]
    folder = out or Path(".")
    plans = []
    for source in sources:
        chosen = output_format(source.path, fmt)
        plans.append(Planned(source, source.output(folder, target, chosen), chosen))
    return plans
