"""The interface every translation engine and wrapper implements, and its output contract."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, cast, runtime_checkable

from processor import deadline
from processor.errors import TranslatorOutputError
from processor.model import xml_safe


@runtime_checkable
class Translator(Protocol):
    """Translates sentences from ``source`` to ``target``, one output per input, in order."""

    source: str
    target: str

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """Translate a batch; implementations batch internally for throughput."""
        ...

    def describe(self) -> str:
        """The route used, e.g. ``"argos translate-ru_en 1.9 via CTranslate2 (licence: MIT)"``."""
        ...


def check_one_output_per_input(
    translator: Translator, sentences: Sequence[str], outputs: Sequence[object]
) -> list[str]:
    """``outputs`` as a list, if it holds exactly one string per sentence.

    The single place the contract is checked: a translator (a model, a wrapper, a
    test double) that returns one output too few or too many, or something that is
    not text, raises a one-line :class:`~processor.errors.TranslatorOutputError`
    naming the translator, instead of misaligning every later sentence.
    """
    if not isinstance(outputs, Sequence) or isinstance(outputs, str | bytes):
        got = f"a {type(outputs).__name__}"
    elif len(outputs) != len(sentences):
        got = f"{len(outputs)} outputs"
    elif not all(isinstance(o, str) for o in outputs):
        bad = next(o for o in outputs if not isinstance(o, str))
        got = f"a {type(bad).__name__} among its outputs"
    else:
        return cast("list[str]", list(outputs))  # every item checked above
    who = " ".join(_describe(translator).split())
    # The message names the translator; the input it was translating is named by the caller.
    raise TranslatorOutputError(
        f"{who}: translator returned {got} for {len(sentences)} input sentences "
        "(expected one text per sentence)"
    )


def checked_translate(translator: Translator, sentences: Sequence[str]) -> list[str]:
    """``translator.translate(sentences)``, with :func:`check_one_output_per_input` applied
    and each output cleaned of what a DOCX cannot hold (:func:`processor.model.xml_safe`):
    a model may emit a control character its input never had."""
    deadline.check()  # every call between engines and wrappers is a step of the budget
    outputs = check_one_output_per_input(translator, sentences, translator.translate(sentences))
    deadline.check()
    return [xml_safe(o) for o in outputs]


def _describe(translator: Translator) -> str:
    try:
        return translator.describe()
    except Exception:  # a broken describe() must not hide the real failure
        return type(translator).__name__


def checked(translator: Translator) -> Translator:
    """``translator`` with its one-output-per-input contract checked on every call."""
    return _Checked(translator)


class _Checked:
    """A translator whose outputs go through :func:`checked_translate` (one place)."""

    def __init__(self, inner: Translator):
        self.inner = inner
        self.source = inner.source
        self.target = inner.target

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return checked_translate(self.inner, sentences)

    def describe(self) -> str:
        return self.inner.describe()
