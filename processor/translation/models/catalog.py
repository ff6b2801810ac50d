"""Known models: published quality figures, and CTranslate2 conversions fetched by name.

The Argos index has no Kazakh package, so a few published CTranslate2 conversions
of Kazakh-capable models are listed here by name.  Their files are fetched one by
one over HTTPS from ``{base}/{repo}/resolve/main/{file}`` (the Hugging Face layout),
where ``base`` is ``--mirror``, else ``$PROCESSOR_MODEL_MIRROR``, else
``https://huggingface.co``, so an organisation's internal mirror works too.

Small files come first and ``model.bin`` last, so a repository that lacks the
tokenizer fails in seconds rather than after a large download.  The tokenizer is
also looked for in the upstream repository, since conversions do not always copy
it.  Downloads go through :func:`processor.translation.models.remote.download`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from processor.errors import ModelError
from processor.translation.engines.styles import NLLB_CODES, STYLE_LICENCES
from processor.translation.models import remote

DEFAULT_MIRROR = "https://huggingface.co"
MIRROR_ENV = "PROCESSOR_MODEL_MIRROR"

# Published quality for model families, shown by `models list` and used for ranking.
# FLORES-200 devtest chrF++ (NLLB paper, OPUS-MT dashboard).
QUALITY: dict[str, dict[tuple[str, str], float]] = {
    "nllb-200-distilled-600m": {("ru", "kk"): 42.4},
    "nllb-200-distilled-1.3b": {("ru", "kk"): 44.3, ("en", "kk"): 45.9},
    "nllb-200-3.3b": {("ru", "kk"): 43.7},
    "opus-mt": {("en", "kk"): 41.7},
}


def quality_scores(name: str) -> dict[tuple[str, str], float]:
    """Published scores for the model family ``name`` belongs to (by its name)."""
    lowered = name.lower()
    for family, scores in QUALITY.items():
        if family in lowered:
            return scores
    return {}


def quality_text(name: str) -> str:
    """``"FLORES-200 devtest chrF++ rus->kaz 42.4"`` for the family of ``name``; ``""`` if none."""
    scores = quality_scores(name)
    if not scores:
        return ""

    def flores(code: str) -> str:
        return NLLB_CODES.get(code, code)[:3]

    pairs = ", ".join(f"{flores(s)}->{flores(t)} {v}" for (s, t), v in scores.items())
    return f"FLORES-200 devtest chrF++ {pairs}"


@dataclass(frozen=True)
class CatalogEntry:
    """One known model: where its files are and what to record about it."""

    name: str
    repo: str
    style: str
    languages: tuple[str, ...]  # must have language tokens in the vocabulary
    upstream: str  # the original model this is a conversion of
    # Each required item is a list of alternates, tried in order (first found wins).
    required: tuple[tuple[str, ...], ...]
    optional: tuple[str, ...] = ()
    tokenizer: str = "sentencepiece.bpe.model"

    @property
    def licence(self) -> str:
        return STYLE_LICENCES[self.style]

    @property
    def quality(self) -> str:
        return quality_text(self.name)

    def url(self, base: str, file: str, repo: str | None = None) -> str:
        return f"{base.rstrip('/')}/{repo or self.repo}/resolve/main/{file}"

    def to_json(self, installed: bool) -> dict[str, Any]:
        """The row ``processor models available --json`` prints."""
        return {
            "code": self.name,
            "origin": "catalog",
            "style": self.style,
            "languages": list(self.languages),
            "repo": self.repo,
            "url": f"{mirror_base()}/{self.repo}",
            "licence": self.licence,
            "quality": self.quality,
            "installed": installed,
        }


_NLLB_FILES: tuple[tuple[str, ...], ...] = (
    ("model.bin",),
    ("config.json",),
    ("shared_vocabulary.json", "shared_vocabulary.txt"),
    ("sentencepiece.bpe.model",),
)
_NLLB_OPTIONAL = ("README.md", "tokenizer_config.json", "special_tokens_map.json")

CATALOG: dict[str, CatalogEntry] = {
    entry.name: entry
    for entry in (
        CatalogEntry(
            name="nllb-200-distilled-600M",
            repo="entai2965/nllb-200-distilled-600M-ctranslate2",
            style="nllb",
            languages=("en", "kk", "ru"),
            upstream="facebook/nllb-200-distilled-600M",
            required=_NLLB_FILES,
            optional=_NLLB_OPTIONAL,
        ),
        CatalogEntry(
            name="nllb-200-distilled-1.3B",
            repo="entai2965/nllb-200-distilled-1.3B-ctranslate2",
            style="nllb",
            languages=("en", "kk", "ru"),
            upstream="facebook/nllb-200-distilled-1.3B",
            required=_NLLB_FILES,
            optional=_NLLB_OPTIONAL,
        ),
    )
}


def find(name: str) -> CatalogEntry | None:
    """The catalog entry called ``name`` (case-insensitive: ``600m`` works too)."""
    lowered = name.strip().lower()
    return next((e for e in CATALOG.values() if e.name.lower() == lowered), None)


def mirror_base(override: str | None = None) -> str:
    """Where catalog files come from: ``override``, ``$PROCESSOR_MODEL_MIRROR``, Hugging Face."""
    return (override or os.environ.get(MIRROR_ENV) or DEFAULT_MIRROR).rstrip("/")


def _missing_tokenizer(entry: CatalogEntry, base: str) -> ModelError:
    upstream = f"{DEFAULT_MIRROR}/{entry.upstream}"
    return ModelError(
        f"{entry.tokenizer} is missing from {entry.repo} and {entry.upstream} (HTTP 404)",
        path=f"{base}/{entry.repo}",
        hint=(
            f"download {entry.tokenizer} from {upstream}, put it in a folder with "
            f"the model's model.bin, config.json and shared_vocabulary.*, then run: "
            f"processor models install DIR --name {entry.name}"
        ),
    )


def download(
    entry: CatalogEntry,
    dest: Path,
    *,
    mirror: str | None = None,
    progress: remote.Progress | None = None,
) -> Path:
    """Fetch ``entry``'s files into the (existing, empty) folder ``dest``; return ``dest``.

    The caller owns ``dest`` and removes it on failure or Ctrl-C.
    """
    base = mirror_base(mirror)
    if progress:
        progress(f"downloading {entry.name} from {base}/{entry.repo} (licence: {entry.licence})")
    small = [alts for alts in entry.required if "model.bin" not in alts]
    for alternates in small:
        _fetch_required(entry, base, alternates, dest, progress)
    for name in entry.optional:
        try:
            remote.download(entry.url(base, name), dest / name, name, progress)
        except remote.NotFound:
            (dest / name).unlink(missing_ok=True)  # optional: the model works without it
    for alternates in entry.required:
        if "model.bin" in alternates:
            _fetch_required(entry, base, alternates, dest, progress)
    return dest


def _fetch_required(
    entry: CatalogEntry,
    base: str,
    alternates: tuple[str, ...],
    dest: Path,
    progress: remote.Progress | None,
) -> None:
    sources = [(entry.repo, name) for name in alternates]
    if alternates == (entry.tokenizer,):
        # The tokenizer is the upstream model's own file; fetch it there when the
        # conversion did not copy it (ct2-transformers-converter needs --copy_files).
        sources.append((entry.upstream, entry.tokenizer))
    for repo, name in sources:
        target = dest / name
        try:
            remote.download(entry.url(base, name, repo), target, name, progress)
            return
        except remote.NotFound:
            target.unlink(missing_ok=True)
    if alternates == (entry.tokenizer,):
        raise _missing_tokenizer(entry, base)
    wanted = " or ".join(alternates)
    raise ModelError(f"{wanted} is missing (HTTP 404)", path=f"{base}/{entry.repo}")
