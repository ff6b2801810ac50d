"""Errors a user can act on.

Every failure the product expects (a bad input, a missing model, an unwritable
folder) is a :class:`ProcessorError`: its ``str()`` is one line naming the file
and the reason, which the CLI prints as is.  Anything else is a bug and shows a
traceback with ``--debug``.
"""

from __future__ import annotations


class ProcessorError(Exception):
    """A failure with a one-line, user-facing explanation."""

    def __init__(self, reason: str, *, path: str | None = None, hint: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.path = path
        self.hint = hint

    def __str__(self) -> str:
        line = f"{self.path}: {self.reason}" if self.path else self.reason
        return f"{line} ({self.hint})" if self.hint else line


class InputError(ProcessorError):
    """The input cannot be read: missing, empty, binary, broken or unsupported."""


class LanguageError(InputError):
    """The input is not in the expected source language."""


class OutputError(ProcessorError):
    """An output cannot be written."""


class UsageError(ProcessorError):
    """The request itself is wrong (e.g. one output file for several inputs); CLI exit 2."""


class ConfigError(ProcessorError):
    """The configuration file is unreadable or names an unknown setting."""


class ModelError(ProcessorError):
    """A translation model is missing, broken, or cannot be installed."""


class NoRouteError(ModelError):
    """No installed model translates the requested language pair."""

    def __init__(self, source: str, target: str, *, hint: str | None = None):
        super().__init__(f"no installed translation model for {source}->{target}", hint=hint)
        self.source = source
        self.target = target


class GlossaryError(ProcessorError):
    """A glossary file is malformed; ``line`` says where when known."""

    def __init__(self, reason: str, *, path: str | None = None, line: int | None = None):
        super().__init__(reason, path=f"{path}:{line}" if path and line else path)
        self.line = line


class DeviceError(ProcessorError):
    """The requested compute device (e.g. ``--device cuda``) is not available here.

    Not a :class:`ModelError`: the models are there, the machine lacks the device,
    so it is a failure (exit 1), never "missing" (exit 3).
    """


class TranslatorOutputError(ModelError):
    """A translator broke its contract: not exactly one output per input sentence."""
