"""What happened to each input: one :class:`Result` type for the API, the CLI and the manifest.

Error policy (the same for ``brief``, ``translate`` and ``summarize``): whatever goes wrong
with one input is that input's failure (:meth:`Result.fail`), and every other input is still
processed.  Only a missing translation route is "missing" (exit 3); anything else that fails
(a broken file, a device error, an unexpected exception) is an error (exit 1).

Exit codes (documented in the README, relied on by scripts):

* 0 ``EXIT_OK``: everything asked for was produced.
* 1 ``EXIT_FAILED``: at least one input failed; the others were still processed.
* 2 ``EXIT_USAGE``: bad command line.
* 3 ``EXIT_INCOMPLETE``: inputs were processed but something asked for is missing,
  e.g. a language with no installed translation model.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from processor.errors import ProcessorError

if TYPE_CHECKING:
    from processor.memo import Memo

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INCOMPLETE = 3

MANIFEST_SCHEMA = "processor.manifest/1"

Status = Literal["ok", "error", "missing"]


def failure_line(exc: BaseException, source: str | None = None) -> str:
    """The one line a user sees for ``exc``, naming ``source`` when the error does not."""
    if isinstance(exc, ProcessorError):
        line = str(exc)
        if source and exc.path is None and source not in line:
            line = f"{source}: {line}"
    else:
        what = " ".join(str(exc).split())
        if len(what) > _LONGEST:  # a bug's message can quote a whole input
            what = what[: _LONGEST - 1] + "…"
        line = f"unexpected {type(exc).__name__}: {what} (run with --debug for a traceback)"
        line = f"{source}: {line}" if source else line
    return " ".join(line.split())


_LONGEST = 160


@dataclass
class Result:
    """What happened to one input."""

    source: str
    outputs: list[Path] = field(default_factory=list)
    error: str | None = None
    # what was asked for but not produced (a memo language, a target language) -> why,
    # with the command that installs a model
    missing: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    memos: list[Memo] = field(default_factory=list, repr=False)
    # What translating a document did (units, inline spans kept/moved/lost), when it was one.
    report: dict[str, object] | None = field(default=None, repr=False)
    # The exception behind ``error``, for a traceback with --debug; never in the manifest.
    exception: BaseException | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def status(self) -> Status:
        if self.error is not None:
            return "error"
        return "missing" if self.missing else "ok"

    def fail(self, exc: BaseException) -> None:
        """Record ``exc`` as this input's failure (the first one wins the traceback)."""
        line = failure_line(exc, self.source)
        self.error = line if self.error is None else f"{self.error}; {line}"
        if self.exception is None:
            self.exception = exc

    def record(self) -> dict[str, object]:
        """This result as a manifest item."""
        return {
            "source": self.source,
            "status": self.status,
            "ok": self.ok,
            "outputs": [str(p) for p in self.outputs],
            "error": self.error,
            "missing": [f"{what}: {why}" for what, why in self.missing.items()],
            "warnings": list(self.warnings),
        } | ({"report": self.report} if self.report is not None else {})


def exit_code(results: Iterable[Result]) -> int:
    results = list(results)
    if any(not r.ok for r in results):
        return EXIT_FAILED
    if any(r.missing for r in results):
        return EXIT_INCOMPLETE
    return EXIT_OK


def manifest_text(results: Sequence[Result], *, error: str | None = None) -> str:
    """The JSON manifest of a run: every input, its outputs and its problems.

    ``error`` is why the run as a whole could not start (then there are no items).
    """
    data: dict[str, object] = {
        "schema": MANIFEST_SCHEMA,
        "exit_code": EXIT_FAILED if error else exit_code(results),
        "items": [r.record() for r in results],
    }
    if error:
        data["error"] = error
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_manifest(
    dest: str | os.PathLike[str], results: Sequence[Result], *, error: str | None = None
) -> Path:
    """Write the manifest atomically; raises :class:`~processor.errors.OutputError`."""
    from processor.fileio import write_text_atomic

    return write_text_atomic(dest, manifest_text(results, error=error))


def missing_summary(results: Iterable[Result]) -> list[str]:
    """One line per distinct missing thing and reason, for the end of a run."""
    lines: dict[str, None] = {}
    for result in results:
        for what, why in result.missing.items():
            lines.setdefault(f"{what}: {why}", None)
    return list(lines)
