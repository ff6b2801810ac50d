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
* 130 ``EXIT_INTERRUPTED``: Ctrl-C or SIGTERM; a re-run finishes the rest.
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
EXIT_INTERRUPTED = 130  # what a shell reports for Ctrl-C

MANIFEST_SCHEMA = "processor.manifest/1"

Status = Literal["ok", "error", "missing"]


@dataclass(frozen=True)
class Missing:
    """A language asked for but not produced: why, and the command that installs a model.

    The same three fields in Python, in the manifest and in the HTTP API.
    """

    language: str
    reason: str
    install: str | None = None

    @classmethod
    def from_error(cls, language: str, exc: ProcessorError) -> Missing:
        return cls(language=language, reason=exc.reason, install=exc.hint)

    def to_dict(self) -> dict[str, str | None]:
        return {"language": self.language, "reason": self.reason, "install": self.install}

    def __str__(self) -> str:
        line = f"{self.language}: {self.reason}"
        return f"{line} ({self.install})" if self.install else line


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
    # What was asked for but not produced (a memo language, a target language), why, and
    # the command that installs a model.
    missing: list[Missing] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Details behind a warning (each glossary term not held): the CLI prints them with
    # --verbose; the default line carries only the warning that sums them up.
    notes: list[str] = field(default_factory=list)
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
            "missing": [m.to_dict() for m in self.missing],
            "warnings": list(self.warnings),
            "notes": list(self.notes),
        } | ({"report": self.report} if self.report is not None else {})


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM) during a run: the inputs finished before it, of ``total``.

    ``positions`` are the finished inputs' places among the run's inputs.
    """

    def __init__(self, results: Sequence[Result], total: int, positions: Sequence[int] = ()):
        super().__init__(f"interrupted after {len(results)} of {total} inputs")
        self.results = list(results)
        self.total = total
        self.positions = list(positions)


def exit_code(results: Iterable[Result]) -> int:
    results = list(results)
    if any(not r.ok for r in results):
        return EXIT_FAILED
    if any(r.missing for r in results):
        return EXIT_INCOMPLETE
    return EXIT_OK


def manifest_text(
    results: Sequence[Result], *, error: str | None = None, total: int | None = None
) -> str:
    """The JSON manifest of a run: every input, its outputs and its problems.

    ``error`` is why the run as a whole could not start (then there are no items);
    ``total`` says the run was interrupted with ``results`` done of ``total`` inputs.
    """
    code = EXIT_FAILED if error else exit_code(results)
    data: dict[str, object] = {
        "schema": MANIFEST_SCHEMA,
        "exit_code": EXIT_INTERRUPTED if total is not None else code,
        "items": [r.record() for r in results],
    }
    if error:
        data["error"] = error
    if total is not None:
        data["interrupted"] = {"done": len(results), "total": total}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_manifest(
    dest: str | os.PathLike[str],
    results: Sequence[Result],
    *,
    error: str | None = None,
    total: int | None = None,
) -> Path:
    """Write the manifest atomically; raises :class:`~processor.errors.OutputError`."""
    from processor.fileio import write_text_atomic

    return write_text_atomic(dest, manifest_text(results, error=error, total=total))


def missing_summary(results: Iterable[Result]) -> list[str]:
    """One line per distinct missing thing and reason, for the end of a run."""
    lines: dict[str, None] = {}
    for result in results:
        for missing in result.missing:
            lines.setdefault(str(missing), None)
    return list(lines)
