"""The CTranslate2 engine: one loaded model per process, one ``translate_batch`` per batch.

Sentences arrive already segmented (the project's own segmenter), so nothing here
splits text.  A :class:`CT2Translator` tokenizes a whole list of sentences with
SentencePiece (or an Argos BPE model), adds the model's language-selection tokens
(see :mod:`processor.translation.engines.styles`), decodes them all in a single
``translate_batch`` call (CTranslate2 re-batches by token count internally) and
detokenizes.  ``ctranslate2`` and ``sentencepiece`` are imported only here, inside
functions, so importing :mod:`processor.translation` stays cheap.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from processor import deadline
from processor.errors import DeviceError, ModelError
from processor.translation.base import Translator, check_one_output_per_input, checked_translate
from processor.translation.engines import styles

if TYPE_CHECKING:
    from processor.translation.models.installed import InstalledModel

Device = Literal["cpu", "cuda", "auto"]


@dataclass(frozen=True)
class TranslationSettings:
    """Decoding and hardware options shared by every engine.

    ``intra_threads=0`` lets CTranslate2 use all cores; ``compute_type="int8"`` is the
    CPU default and falls back to what the device supports.
    """

    device: Device = "cpu"
    compute_type: str = "int8"
    inter_threads: int = 1
    intra_threads: int = 0
    beam_size: int = 4  # as Argos Translate
    length_penalty: float = 0.2  # as Argos Translate
    repetition_penalty: float = 1.0
    no_repeat_ngram_size: int = 0
    # max_batch_size with batch_type="tokens": the source tokens decoded together, which
    # bounds the decoder's memory whatever the document's length.  A 2-page DOCX on a
    # transformer-base model (bench/bench_translate_memory.py, loaded 2-core machine):
    # 64 -> 291 MiB peak, 236 s; 256 -> 395 MiB, 186 s; 4096 -> 1165 MiB, 538 s;
    # argos-translate-files 291 MiB, 369 s.  64 keeps to the peers' memory.
    max_batch_tokens: int = 64
    max_input_length: int = 1024
    max_decoding_length: int = 256
    min_decoding_length: int = 0
    replace_unknowns: bool = True

    def with_(self, **changes: Any) -> TranslationSettings:
        return replace(self, **changes)


_MODELS: dict[tuple[str, str, str, int, int], Any] = {}
_TOKENIZERS: dict[tuple[str, ...], Tokenizer] = {}
_LOCK = threading.Lock()

# Sentences per translate_batch call.  An article is one call (CTranslate2 sorts it by
# length to pad little); a long document is sliced so that the time budget is checked
# every few seconds with a real model, while slices stay long enough to sort well.
SLICE_SENTENCES = 128
# How many times each model path was loaded in this process (tests and benchmarks read it).
LOAD_COUNTS: dict[str, int] = {}
# Sentences decoded in this process per (source, target) pair (tests and benchmarks read it).
DECODED: dict[tuple[str, str], int] = {}


def resolve_device(device: str) -> str:
    """``"cpu"`` or ``"cuda"``; a CUDA request without a GPU is a one-line DeviceError.

    DeviceError is not a ModelError: the user asked for hardware this machine lacks
    (a failure, exit 1), nothing is "missing" (exit 3).
    """
    if device not in ("cpu", "cuda", "auto"):
        raise DeviceError(f"unknown device {device!r}; use cpu, cuda or auto")
    import ctranslate2

    gpus = ctranslate2.get_cuda_device_count()
    if device == "cuda" and gpus == 0:
        raise DeviceError(
            "CUDA requested but no GPU is available (ctranslate2.get_cuda_device_count() == 0);"
            " use --device cpu"
        )
    if device == "auto":
        return "cuda" if gpus > 0 else "cpu"
    return device


def resolve_compute_type(device: str, requested: str) -> str:
    """``requested`` if the device supports it, else the closest supported type."""
    import ctranslate2

    supported = set(ctranslate2.get_supported_compute_types(device))
    if requested in ("auto", "default") or requested in supported:
        return requested
    # Keep the request's spirit: int8 stays 8-bit if possible, half precision stays half.
    order: tuple[str, ...]
    if requested.startswith("int8"):
        order = ("int8", "int8_float32", "int8_float16", "int8_bfloat16", "float32")
    else:
        order = ("float16", "bfloat16", "float32")
    return next((c for c in order if c in supported), "default")


def unload(model_dir: str | Path) -> None:
    """Forget the loaded models of ``model_dir`` (a staged model checked before install)."""
    path = str(Path(model_dir).resolve())
    with _LOCK:
        for key in [k for k in _MODELS if k[0] == path]:
            del _MODELS[key]


def load_model(model_dir: str | Path, settings: TranslationSettings) -> Any:
    """A ``ctranslate2.Translator`` for ``model_dir``, loaded once per process and settings."""
    import ctranslate2

    device = resolve_device(settings.device)
    compute_type = resolve_compute_type(device, settings.compute_type)
    path = str(Path(model_dir).resolve())
    key = (path, device, compute_type, settings.inter_threads, settings.intra_threads)
    with _LOCK:
        model = _MODELS.get(key)
        if model is None:
            try:
                model = ctranslate2.Translator(
                    path,
                    device=device,
                    compute_type=compute_type,
                    inter_threads=settings.inter_threads,
                    intra_threads=settings.intra_threads,
                )
            except (RuntimeError, ValueError, OSError) as exc:
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise ModelError(f"cannot load CTranslate2 model: {reason}", path=path) from exc
            _MODELS[key] = model
            LOAD_COUNTS[path] = LOAD_COUNTS.get(path, 0) + 1
    return model


class SentencePieceTokenizer:
    """SentencePiece pieces in, text out; separate source/target models when the model has them."""

    def __init__(self, source_model: Path, target_model: Path | None = None):
        import sentencepiece as spm

        self.source = spm.SentencePieceProcessor(model_file=str(source_model))
        self.target = (
            spm.SentencePieceProcessor(model_file=str(target_model))
            if target_model is not None
            else self.source
        )

    def encode(self, texts: Sequence[str]) -> list[list[str]]:
        # One C++ call for the whole list: tokenizing stays small next to decoding.
        return self.source.encode(list(texts), out_type=str)

    def decode(self, pieces: Sequence[Sequence[str]]) -> list[str]:
        return [self.target.decode_pieces(list(p)).strip() for p in pieces]


class BPETokenizer:
    """Argos packages that ship ``bpe.model`` (Moses tokenization + subword-nmt BPE)."""

    def __init__(self, bpe_model: Path, source: str, target: str):
        from argostranslate.tokenizer import BPETokenizer as ArgosBPE

        self._bpe = ArgosBPE(bpe_model, source, target)

    def encode(self, texts: Sequence[str]) -> list[list[str]]:
        return [self._bpe.encode(t) for t in texts]

    def decode(self, pieces: Sequence[Sequence[str]]) -> list[str]:
        return [self._bpe.decode(list(p)).strip() for p in pieces]


Tokenizer = SentencePieceTokenizer | BPETokenizer


def load_tokenizer(model: InstalledModel, source: str, target: str) -> Tokenizer:
    """The model's tokenizer, loaded once per process."""
    files = tuple(str(model.path / name) for name in model.tokenizer)
    bpe = bool(files) and files[0].endswith("bpe.model") and model.kind == "argos"
    key = (*files, source, target) if bpe else files
    with _LOCK:
        tokenizer = _TOKENIZERS.get(key)
        if tokenizer is None:
            try:
                if bpe:
                    tokenizer = BPETokenizer(Path(files[0]), source, target)
                else:
                    target_file = Path(files[1]) if len(files) > 1 else None
                    tokenizer = SentencePieceTokenizer(Path(files[0]), target_file)
            except (RuntimeError, OSError, IndexError) as exc:
                raise ModelError(
                    f"cannot load tokenizer: {str(exc).splitlines()[0] if str(exc) else exc}",
                    path=files[0] if files else str(model.path),
                ) from exc
            _TOKENIZERS[key] = tokenizer
    return tokenizer


class CT2Translator:
    """A :class:`~processor.translation.base.Translator` over one installed CTranslate2 model."""

    def __init__(
        self,
        model: InstalledModel,
        source: str,
        target: str,
        settings: TranslationSettings | None = None,
    ):
        self.model = model
        self.source = source
        self.target = target
        self.settings = settings or TranslationSettings()
        self._ct2 = load_model(model.model_dir, self.settings)
        self._tokenizer = load_tokenizer(model, source, target)
        self._style = styles.get_style(model.style)
        self._style.check(model, source, target)
        # Number of translate_batch calls made by this object (one per slice).
        self.batch_calls = 0
        self.sentences_translated = 0

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """One output per input, in order; blank inputs give ``""`` without decoding."""
        hypotheses = self.translate_tokens(sentences)
        todo = [i for i, h in enumerate(hypotheses) if h is not None]
        pieces = [h for h in hypotheses if h is not None]
        outputs = [""] * len(sentences)
        decoded = self._tokenizer.decode(pieces) if pieces else []
        texts = check_one_output_per_input(self, [sentences[i] for i in todo], decoded)
        for i, text in zip(todo, texts, strict=True):
            outputs[i] = text
        return outputs

    def translate_tokens(self, sentences: Sequence[str]) -> list[list[str] | None]:
        """Target pieces per sentence (language prefix removed); ``None`` for blank inputs.

        Up to :data:`SLICE_SENTENCES` sentences go through one ``translate_batch`` call;
        CTranslate2 sorts and splits them into batches of at most ``max_batch_tokens`` tokens.
        """
        hypotheses: list[list[str] | None] = [None] * len(sentences)
        todo = [i for i, s in enumerate(sentences) if s and s.strip()]
        if not todo:
            return hypotheses
        pieces = self._tokenizer.encode([sentences[i].strip() for i in todo])
        style, model = self._style, self.model
        sources = [style.source_tokens(p, model, self.source, self.target) for p in pieces]
        prefix = style.target_prefix(model, self.source, self.target)
        results = []
        # Long inputs go in slices, with the time budget checked between them
        # (processor.deadline): one translate_batch call cannot be interrupted.
        for start in range(0, len(sources), SLICE_SENTENCES):
            if start:
                deadline.check()
            results += self._decode(sources[start : start + SLICE_SENTENCES], prefix)
        self.sentences_translated += len(todo)
        pair = (self.source, self.target)
        DECODED[pair] = DECODED.get(pair, 0) + len(todo)
        for i, result in zip(todo, results, strict=True):
            hypotheses[i] = styles.strip_prefix(result.hypotheses[0], prefix)
        return hypotheses

    def _decode(self, sources: list[list[str]], prefix: list[str] | None) -> list[Any]:
        s = self.settings
        results = self._ct2.translate_batch(
            sources,
            target_prefix=[prefix] * len(sources) if prefix else None,
            max_batch_size=s.max_batch_tokens,
            batch_type="tokens",
            beam_size=s.beam_size,
            length_penalty=s.length_penalty,
            repetition_penalty=s.repetition_penalty,
            no_repeat_ngram_size=s.no_repeat_ngram_size,
            max_input_length=s.max_input_length,
            max_decoding_length=s.max_decoding_length,
            min_decoding_length=s.min_decoding_length,
            replace_unknowns=s.replace_unknowns,
        )
        self.batch_calls += 1
        return list(results)

    @property
    def ct2(self) -> Any:
        """The loaded ``ctranslate2.Translator`` (shared by every user of the same model)."""
        return self._ct2

    def describe(self) -> str:
        m = self.model
        return (
            f"{m.kind} {m.name}{' ' + m.version if m.version else ''} "
            f"{self.source}->{self.target} via CTranslate2 (licence: {m.licence})"
        )


class PivotTranslator:
    """Two translators chained through a pivot language (e.g. ru->en->kk)."""

    def __init__(self, first: Translator, second: Translator):
        if first.target != second.source:
            raise ModelError(f"cannot chain {first.describe()} and {second.describe()}")
        self.first = first
        self.second = second
        self.source = first.source
        self.target = second.target
        self.pivot = first.target

    def translate(self, sentences: Sequence[str]) -> list[str]:
        # Checked after each leg: a short first leg would shift the second's inputs.
        return checked_translate(self.second, checked_translate(self.first, sentences))

    def describe(self) -> str:
        return f"pivot through {self.pivot}: {self.first.describe()}; then {self.second.describe()}"


class IdentityTranslator:
    """Source and target are the same language: sentences pass through unchanged."""

    def __init__(self, language: str):
        self.source = self.target = language

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return list(sentences)

    def describe(self) -> str:
        return f"no translation ({self.source} is the source language)"
