"""What is installed: where models live, how an installed model folder is read.

Two places hold models:

* Argos packages live where Argos Translate keeps them (``ARGOS_PACKAGES_DIR``,
  else ``$XDG_DATA_HOME/argos-translate/packages``), so packages installed by
  ``argospm`` are found and ours are usable by Argos.  The location is computed at
  call time with Argos's rules because ``argostranslate.settings`` freezes it at
  import (and creates folders in the home directory as a side effect).
* Other CTranslate2 models (NLLB-200, M2M-100, MADLAD-400, OPUS-MT, a ru->kk
  Marian...) live in ``$PROCESSOR_DATA_DIR/models/<name>/`` (else
  ``$XDG_DATA_HOME/processor``), each with a ``processor-model.json`` manifest
  written by ``processor models install DIR``.

Every file read here may come from an untrusted archive, so JSON is read with a
size limit and a nesting guard, and a malformed field is a one-line ModelError.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from processor.errors import ModelError
from processor.translation.engines import styles
from processor.translation.models.catalog import quality_scores

MANIFEST = "processor-model.json"
# metadata.json, config.json and manifests are a few KB; vocabularies a few MB.
JSON_MAX_BYTES = 1 << 20
VOCABULARY_MAX_BYTES = 64 << 20

# Tokenizer file names, most specific first (NLLB/M2M ship sentencepiece.bpe.model,
# T5/MADLAD spiece.model, Argos sentencepiece.model, OPUS-MT source.spm + target.spm).
SP_NAMES = ("sentencepiece.bpe.model", "spiece.model", "sentencepiece.model", "spm.model")


def data_dir() -> Path:
    """processor's data folder: ``$PROCESSOR_DATA_DIR``, else ``$XDG_DATA_HOME/processor``."""
    env = os.environ.get("PROCESSOR_DATA_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "processor"


def argos_packages_dir() -> Path:
    """Argos Translate's package folder, by Argos's own rules, read at call time."""
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env).expanduser()
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    settings_file = config / "argos-translate" / "settings.json"
    with contextlib.suppress(OSError, ValueError, AttributeError, RecursionError):
        configured = json.loads(settings_file.read_text(encoding="utf-8")).get("ARGOS_PACKAGES_DIR")
        if configured:
            return Path(configured).expanduser()
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data / "argos-translate" / "packages"


@dataclass
class InstalledModel:
    """One installed model: where it is, what it translates, how, and under which licence."""

    name: str
    kind: Literal["argos", "ctranslate2"]
    path: Path
    style: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    licence: str
    tokenizer: tuple[str, ...]  # file names inside ``path``
    version: str = ""
    language_tokens: dict[str, str] = field(default_factory=dict)
    append_eos: bool = False
    target_prefix: str = ""
    quality: str = ""
    origin: str = ""  # where a downloaded model came from (catalog installs)

    @property
    def model_dir(self) -> Path:
        return self.path / "model" if self.kind == "argos" else self.path

    @property
    def multilingual(self) -> bool:
        return styles.get_style(self.style).multilingual

    def covers(self, source: str, target: str) -> bool:
        return source != target and source in self.sources and target in self.targets

    def pairs(self) -> list[tuple[str, str]]:
        return [(s, t) for s in self.sources for t in self.targets if s != t]

    def score(self, source: str, target: str) -> float | None:
        return quality_scores(self.name).get((source, target))

    def pairs_text(self) -> str:
        """``"ru->en"`` for a bilingual model, ``"nllb: any of en, kk, ru"`` otherwise."""
        if self.multilingual:
            return f"{self.style}: any of {', '.join(self.sources)}"
        return ", ".join(f"{s}->{t}" for s, t in self.pairs())

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = str(self.path)
        data["sources"] = list(self.sources)
        data["targets"] = list(self.targets)
        data["tokenizer"] = list(self.tokenizer)
        return data


# --- reading files of a model folder ------------------------------------------------------


def read_json(path: Path, limit: int = JSON_MAX_BYTES) -> Any:
    """``path`` parsed as JSON; a one-line ModelError if missing, huge, nested or broken."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ModelError(f"{path.name} is too large ({size} bytes)", path=str(path))
        text = path.read_text(encoding="utf-8")
        return json.loads(text)
    except FileNotFoundError:
        raise ModelError(f"missing {path.name}", path=str(path.parent)) from None
    except RecursionError:
        # The C decoder guards its own recursion and raises this for deep nesting.
        raise ModelError(f"{path.name} is nested too deeply", path=str(path)) from None
    except (OSError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(f"unreadable {path.name}: {reason}", path=str(path)) from None


def _vocabulary_files(model_dir: Path) -> list[Path]:
    found = []
    for stem in ("shared_vocabulary", "source_vocabulary", "target_vocabulary"):
        for ext in (".json", ".txt"):
            if (model_dir / f"{stem}{ext}").is_file():
                found.append(model_dir / f"{stem}{ext}")
    return found


def read_vocabulary(model_dir: Path) -> list[str]:
    """Tokens of the CTranslate2 model's (source or shared) vocabulary."""
    files = _vocabulary_files(model_dir)
    if not files:
        raise ModelError("no vocabulary (shared_vocabulary.json or .txt)", path=str(model_dir))
    path = files[0]
    if path.suffix == ".json":
        tokens = read_json(path, VOCABULARY_MAX_BYTES)
        if not isinstance(tokens, list) or not all(isinstance(t, str) for t in tokens):
            raise ModelError(f"{path.name} is not a list of tokens", path=str(path))
        return tokens
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError) as exc:
        raise ModelError(f"unreadable {path.name}: {exc}", path=str(path)) from None


def find_tokenizer(folder: Path) -> tuple[str, ...]:
    """The SentencePiece file name(s) of a CTranslate2 model folder."""
    if (folder / "source.spm").is_file():
        target = "target.spm" if (folder / "target.spm").is_file() else "source.spm"
        return ("source.spm", target)
    for name in SP_NAMES:
        if (folder / name).is_file():
            return (name,)
    others = sorted(p.name for p in folder.glob("*.model"))
    if len(others) == 1:
        return (others[0],)
    raise ModelError(
        "no SentencePiece tokenizer (sentencepiece.bpe.model, spiece.model, source.spm...) "
        "in the model folder; copy it there (ct2-transformers-converter --copy_files)",
        path=str(folder),
    )


def _codes(meta: dict[str, Any], plural: str, single: str) -> tuple[str, ...]:
    value = meta.get(plural) or [meta.get(single)]
    if not isinstance(value, list) or not value:
        return ()
    return tuple(value)


def read_argos_package(path: Path) -> InstalledModel:
    """The Argos package unpacked at ``path`` (``metadata.json``, ``model/``, tokenizer)."""
    meta = read_json(path / "metadata.json")
    if not isinstance(meta, dict):
        raise ModelError("metadata.json is not a JSON object", path=str(path / "metadata.json"))
    kind = meta.get("type", "translate")
    if kind != "translate":
        raise ModelError(f"not a translation package (type {str(kind)[:40]!r})", path=str(path))
    sources = _codes(meta, "from_codes", "from_code")
    targets = _codes(meta, "to_codes", "to_code")
    if not sources or not targets or not all(isinstance(c, str) and c for c in sources + targets):
        raise ModelError("metadata.json has no from_code/to_code", path=str(path))
    if (path / "sentencepiece.model").is_file():
        tokenizer: tuple[str, ...] = ("sentencepiece.model",)
    elif (path / "bpe.model").is_file():
        tokenizer = ("bpe.model",)
    else:
        raise ModelError("no tokenizer (sentencepiece.model or bpe.model)", path=str(path))
    if not (path / "model" / "model.bin").is_file():
        raise ModelError("missing model/model.bin", path=str(path))
    if not _vocabulary_files(path / "model"):
        raise ModelError("missing model/shared_vocabulary.txt", path=str(path))
    licence = meta.get("license") or meta.get("licence") or "see package"
    name = meta.get("code") or f"translate-{sources[0]}_{targets[0]}"
    return InstalledModel(
        name=str(name),
        kind="argos",
        path=path,
        style="plain",
        sources=sources,
        targets=targets,
        licence=str(licence),
        tokenizer=tokenizer,
        version=str(meta.get("package_version", "")),
        target_prefix=str(meta.get("target_prefix") or ""),
    )


def read_ct2_model(path: Path) -> InstalledModel:
    """The CTranslate2 model installed at ``path``, from its ``processor-model.json``."""
    m = read_json(path / MANIFEST)
    try:
        return InstalledModel(
            name=m["name"],
            kind="ctranslate2",
            path=path,
            style=m["style"],
            sources=tuple(m["sources"]),
            targets=tuple(m["targets"]),
            licence=m.get("licence", "unknown"),
            tokenizer=tuple(m["tokenizer"]),
            version=m.get("version", ""),
            language_tokens=dict(m.get("language_tokens", {})),
            append_eos=bool(m.get("append_eos", True)),
            target_prefix=m.get("target_prefix", ""),
            quality=m.get("quality", ""),
            origin=m.get("origin", ""),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelError(f"{MANIFEST} lacks {exc}", path=str(path / MANIFEST)) from None


def write_manifest(folder: Path, model: InstalledModel) -> None:
    """Record ``model`` in ``folder/processor-model.json`` (read back by :func:`read_ct2_model`)."""
    manifest = model.to_json()
    for key in ("path", "kind"):
        manifest.pop(key)
    if not manifest["origin"]:
        manifest.pop("origin")  # keep manifests of local installs as they were
    try:
        (folder / MANIFEST).write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    except OSError as exc:
        raise ModelError(
            f"cannot write {MANIFEST}: {exc.strerror or exc}", path=str(folder)
        ) from None


def _children(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for child in sorted(folder.iterdir()):
        if child.is_dir() and not child.name.startswith("."):
            yield child


def scan(argos_dir: Path, models_dir: Path) -> tuple[list[InstalledModel], list[str]]:
    """Installed models, and one line for each folder that is not a usable model."""
    models: list[InstalledModel] = []
    problems: list[str] = []
    for folder, reader in ((argos_dir, read_argos_package), (models_dir, read_ct2_model)):
        for child in _children(folder):
            try:
                models.append(reader(child))
            except ModelError as exc:
                problems.append(str(exc))
    return models, problems
