"""Score a translator on FLORES-200 dev with sacrebleu (BLEU, chrF, chrF++).

The data is not shipped: ``load_flores`` reads ``flores-dev.<pair>.<lang>``
files (one sentence per line, aligned) from a folder the user names.  Published
scores of other systems on the same set are shown beside ours as anchors.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from processor.errors import InputError, ModelError

if TYPE_CHECKING:
    from processor.translation.base import Translator

# FLORES-200 dev, ru->en, sacrebleu BLEU, from Mozilla's firefox-translations-models
# evaluation (evaluation/ru-en).  Used when the data folder has no anchors.json.
BUILTIN_ANCHORS: dict[str, Any] = {
    "dataset": "flores-dev",
    "pair": "ru-en",
    "source": "mozilla/firefox-translations-models evaluation/ru-en",
    "bleu": {
        "argos": 25.7,
        "opusmt": 29.6,
        "bergamot-tiny": 30.4,
        "nllb": 33.8,
        "google": 38.4,
    },
}


@dataclass(frozen=True)
class EvalResult:
    """Corpus scores of one run (0-100 scale) and how long the translation took."""

    bleu: float
    chrf: float
    chrfpp: float
    n: int
    seconds: float

    @property
    def sentences_per_second(self) -> float:
        return self.n / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {k: round(v, 2) for k, v in asdict(self).items()}
        out["n"] = self.n
        out["seconds"] = round(self.seconds, 3)
        out["sentences_per_second"] = round(self.sentences_per_second, 2)
        return out


def score(hypotheses: list[str], references: list[str]) -> tuple[float, float, float]:
    """(BLEU, chrF, chrF++) of ``hypotheses`` against one reference each, sacrebleu defaults."""
    from sacrebleu.metrics import BLEU, CHRF

    refs = [references]
    return (
        BLEU().corpus_score(hypotheses, refs).score,
        CHRF().corpus_score(hypotheses, refs).score,
        CHRF(word_order=2).corpus_score(hypotheses, refs).score,
    )


def evaluate(translator: Translator, sources: list[str], references: list[str]) -> EvalResult:
    """Translate ``sources`` in one call, time it, and score against ``references``."""
    if len(sources) != len(references):
        raise InputError(
            f"{len(sources)} source sentences but {len(references)} references; "
            "the files must be aligned line by line"
        )
    started = time.perf_counter()
    hypotheses = list(translator.translate(sources)) if sources else []
    seconds = time.perf_counter() - started
    if len(hypotheses) != len(sources):
        raise ModelError(
            f"{translator.describe()} returned {len(hypotheses)} translations for "
            f"{len(sources)} sentences"
        )
    bleu, chrf, chrfpp = score(hypotheses, references)
    return EvalResult(bleu=bleu, chrf=chrf, chrfpp=chrfpp, n=len(sources), seconds=seconds)


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    return text.rstrip("\n").split("\n") if text.strip() else []


def load_flores(data_dir: str | Path, pair: str) -> tuple[list[str], list[str]]:
    """Source and reference sentences for ``pair`` ("ru-en") from ``data_dir``.

    Reads ``flores-dev.<src>-<tgt>.<src>`` and ``.<tgt>``; the file pair may be
    named in either order (``flores-dev.ru-en.en`` serves en-ru too).
    """
    data_dir = Path(data_dir)
    source, target = _split_pair(pair)
    if not data_dir.is_dir():
        raise InputError("FLORES data folder not found", path=str(data_dir))
    for stem in (f"flores-dev.{source}-{target}", f"flores-dev.{target}-{source}"):
        src_file = data_dir / f"{stem}.{source}"
        ref_file = data_dir / f"{stem}.{target}"
        if src_file.is_file() and ref_file.is_file():
            src, ref = _lines(src_file), _lines(ref_file)
            if not src:
                raise InputError("file is empty", path=str(src_file))
            if len(src) != len(ref):
                raise InputError(
                    f"{len(src)} lines but {ref_file.name} has {len(ref)}; "
                    "FLORES files must be aligned line by line",
                    path=str(src_file),
                )
            return src, ref
    raise InputError(
        f"no FLORES dev files for {source}-{target} "
        f"(expected flores-dev.{source}-{target}.{source} and .{target})",
        path=str(data_dir),
    )


def _split_pair(pair: str) -> tuple[str, str]:
    parts = pair.lower().replace("_", "-").split("-")
    if len(parts) != 2 or not all(parts):
        raise InputError(f"language pair '{pair}' should look like ru-en")
    return parts[0], parts[1]


def published_anchors(data_dir: str | Path | None) -> dict[str, Any]:
    """Published scores of other systems: ``anchors.json`` in ``data_dir``, else built-in.

    The result has ``pair``, ``source`` and ``bleu`` (system -> score), and
    whatever else the file carries (e.g. ``comet``).
    """
    if data_dir is not None:
        path = Path(data_dir) / "anchors.json"
        if path.is_file():
            try:
                anchors = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InputError(f"unreadable anchors file ({exc})", path=str(path)) from None
            if not isinstance(anchors, dict) or not isinstance(anchors.get("bleu"), dict):
                raise InputError("anchors file has no 'bleu' table", path=str(path))
            return anchors
    return json.loads(json.dumps(BUILTIN_ANCHORS))  # a copy the caller may change
