"""Installed translation models: Argos packages and processor's own CTranslate2 models.

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

Installs are atomic: files go to a hidden staging folder beside their final place,
are validated, and are renamed into place; any failure (or Ctrl-C) removes the
staging folder, so the installed set is unchanged.  Archives are checked for
unsafe entries before anything is extracted.  Argos's own ``install_from_path``
is not used: it extracts without those checks and imports ``argostranslate.translate``
(several seconds of spaCy/Stanza/PyTorch).  The network is used only by
:meth:`ModelStore.install` (for an index name, a URL or a name from
:mod:`processor.translation.catalog`) and :meth:`ModelStore.available`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from processor.errors import ModelError
from processor.translation import catalog, styles

MANIFEST = "processor-model.json"
STAGING_PREFIX = ".processor-staging-"
DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
DOWNLOAD_TIMEOUT = 60.0

# Tokenizer file names, most specific first (NLLB/M2M ship sentencepiece.bpe.model,
# T5/MADLAD spiece.model, Argos sentencepiece.model, OPUS-MT source.spm + target.spm).
SP_NAMES = ("sentencepiece.bpe.model", "spiece.model", "sentencepiece.model", "spm.model")

# Published quality for model families, shown by `models list` and used for ranking.
# FLORES-200 devtest chrF++ (NLLB paper, OPUS-MT dashboard) unless noted.
QUALITY: dict[str, dict[tuple[str, str], float]] = {
    "nllb-200-distilled-600m": {("ru", "kk"): 42.4},
    "nllb-200-distilled-1.3b": {("ru", "kk"): 44.3, ("en", "kk"): 45.9},
    "nllb-200-3.3b": {("ru", "kk"): 43.7},
    "opus-mt": {("en", "kk"): 41.7},
}


def data_dir() -> Path:
    """processor's data folder: ``$PROCESSOR_DATA_DIR``, else ``$XDG_DATA_HOME/processor``."""
    env = os.environ.get("PROCESSOR_DATA_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "processor"


_default_data_dir = data_dir


def argos_packages_dir() -> Path:
    """Argos Translate's package folder, by Argos's own rules, read at call time."""
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env).expanduser()
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    settings_file = config / "argos-translate" / "settings.json"
    with contextlib.suppress(OSError, ValueError, AttributeError):
        configured = json.loads(settings_file.read_text(encoding="utf-8")).get("ARGOS_PACKAGES_DIR")
        if configured:
            return Path(configured).expanduser()
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data / "argos-translate" / "packages"


def index_url(override: str | None = None) -> str:
    """The package index URL: ``override``, ``$PROCESSOR_MODEL_INDEX``, Argos's setting, default."""
    if override:
        return override
    if os.environ.get("PROCESSOR_MODEL_INDEX"):
        return os.environ["PROCESSOR_MODEL_INDEX"]
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    if base:
        return base if base.endswith(".json") else base.rstrip("/") + "/index.json"
    return DEFAULT_INDEX_URL


def quality_scores(name: str) -> dict[tuple[str, str], float]:
    """Published scores for the model family ``name`` belongs to (by its name)."""
    lowered = name.lower()
    for family, scores in QUALITY.items():
        if family in lowered:
            return scores
    return {}


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

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = str(self.path)
        data["sources"] = list(self.sources)
        data["targets"] = list(self.targets)
        data["tokenizer"] = list(self.tokenizer)
        return data


@dataclass(frozen=True)
class IndexEntry:
    """One package of the Argos index."""

    code: str
    source: str
    target: str
    version: str
    links: tuple[str, ...]
    source_name: str = ""
    target_name: str = ""


# --- reading installed models ------------------------------------------------------


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"missing {path.name}", path=str(path.parent)) from None
    except (OSError, ValueError) as exc:
        raise ModelError(f"unreadable {path.name}: {exc}", path=str(path)) from None


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
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return list(json.loads(text))
    return text.splitlines()


def _argos_model(path: Path) -> InstalledModel:
    meta = _read_json(path / "metadata.json")
    if not isinstance(meta, dict):
        raise ModelError("metadata.json is not a JSON object", path=str(path / "metadata.json"))
    if meta.get("type", "translate") != "translate":
        raise ModelError(f"not a translation package (type {meta.get('type')!r})", path=str(path))
    sources = tuple(meta.get("from_codes") or [meta.get("from_code")])
    targets = tuple(meta.get("to_codes") or [meta.get("to_code")])
    if not all(isinstance(c, str) and c for c in sources + targets):
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


def _ct2_model(path: Path) -> InstalledModel:
    m = _read_json(path / MANIFEST)
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
    except (KeyError, TypeError) as exc:
        raise ModelError(f"{MANIFEST} lacks {exc}", path=str(path / MANIFEST)) from None


def _children(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for child in sorted(folder.iterdir()):
        if child.is_dir() and not child.name.startswith("."):
            yield child


# --- archive safety -----------------------------------------------------------------


def check_archive(archive: Path) -> str:
    """Return the archive's single top-level folder; refuse unsafe or broken archives.

    Nothing is extracted here: entries with ``..``, absolute paths, drive letters or
    symlinks are refused up front.
    """
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        reason = "corrupt or truncated zip" if not isinstance(exc, OSError) else exc
        raise ModelError(f"not a valid .argosmodel ({reason})", path=str(archive)) from None
    tops: set[str] = set()
    with zf:
        for info in zf.infolist():
            name = info.filename
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
                raise ModelError(f"unsafe archive: absolute path {name!r}", path=str(archive))
            if ".." in parts:
                raise ModelError(
                    f"unsafe archive: entry {name!r} leaves its folder", path=str(archive)
                )
            if stat.S_ISLNK(info.external_attr >> 16):
                raise ModelError(f"unsafe archive: symlink entry {name!r}", path=str(archive))
            if parts:
                tops.add(parts[0])
    if len(tops) != 1:
        raise ModelError(
            f"expected one top-level folder in the archive, found {len(tops)}", path=str(archive)
        )
    top = tops.pop()
    if top.startswith("."):
        raise ModelError(f"unsafe archive: hidden top-level folder {top!r}", path=str(archive))
    return top


def _extract(archive: Path, dest: Path) -> None:
    try:
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(dest)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise ModelError(f"corrupt archive ({exc})", path=str(archive)) from None
    except OSError as exc:
        raise ModelError(f"cannot extract: {exc.strerror or exc}", path=str(archive)) from None


def parse_pair(name: str) -> tuple[str, str] | None:
    """``translate-ru_en``, ``ru_en``, ``ru-en`` or ``ru->en`` -> ``("ru", "en")``."""
    match = re.fullmatch(r"(?:translate-)?([a-z]{2,3})(?:->|[-_])([a-z]{2,3})", name.strip())
    return (match.group(1), match.group(2)) if match else None


def _is_url(text: str) -> bool:
    return re.match(r"^(https?|file)://", text) is not None


def _fetch(url: str, dest: Path | None = None) -> bytes | None:
    """Download ``url`` (into ``dest`` when given); a one-line ModelError on failure."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "processor"})
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT) as response:
            if dest is None:
                return response.read()
            with open(dest, "wb") as fh:
                shutil.copyfileobj(response, fh, 1 << 20)
            return None
    except urllib.error.HTTPError as exc:
        raise ModelError(f"download failed: HTTP {exc.code} {exc.reason}", path=url) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise ModelError(f"download failed: {reason}", path=url) from None


class ModelStore:
    """The installed models of this machine (or of the folders given, for tests)."""

    def __init__(self, data_dir: Path | str | None = None, argos_dir: Path | str | None = None):
        self.data_dir = Path(data_dir) if data_dir is not None else _default_data_dir()
        self.argos_dir = Path(argos_dir) if argos_dir is not None else argos_packages_dir()

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    # -- listing --

    def scan(self) -> tuple[list[InstalledModel], list[str]]:
        """Installed models, and one line for each folder that is not a usable model."""
        models: list[InstalledModel] = []
        problems: list[str] = []
        for folder, reader in ((self.argos_dir, _argos_model), (self.models_dir, _ct2_model)):
            for child in _children(folder):
                try:
                    models.append(reader(child))
                except ModelError as exc:
                    problems.append(str(exc))
        return models, problems

    def installed(self) -> list[InstalledModel]:
        return self.scan()[0]

    def find(self, name: str) -> InstalledModel | None:
        for model in self.installed():
            if name in (model.name, model.path.name):
                return model
        return None

    # -- installing --

    def install(
        self,
        source: str,
        *,
        style: str | None = None,
        languages: Sequence[str] | None = None,
        licence: str | None = None,
        name: str | None = None,
        index: str | None = None,
        mirror: str | None = None,
        progress: catalog.Progress | None = None,
    ) -> InstalledModel:
        """Install from a model folder, an ``.argosmodel`` file, a URL, a catalog or index name.

        ``mirror`` and ``progress`` apply to catalog names (see
        :mod:`processor.translation.catalog`); ``progress`` receives one line at a time.
        """
        path = Path(source).expanduser()
        if path.is_dir():
            if (path / "metadata.json").is_file():
                return self._install_argos_dir(path)
            return self.install_directory(
                path, style=style, languages=languages, licence=licence, name=name
            )
        if path.is_file():
            return self.install_archive(path)
        if _is_url(source):
            return self._install_download(source, expect=None)
        entry = catalog.find(source)
        if entry is not None:
            return self.install_catalog(entry, mirror=mirror, progress=progress)
        pair = parse_pair(source)
        if pair is None:
            raise ModelError(
                "not a model folder, .argosmodel file, URL, index name (e.g. translate-ru_en) "
                f"or known model ({', '.join(catalog.CATALOG)})",
                path=source,
            )
        url = index_url(index)
        entry = next(
            (e for e in self.available(url) if (e.source, e.target) == pair and e.links), None
        )
        if entry is None:
            from processor.translation.routes import install_hint

            raise ModelError(
                f"the index has no {pair[0]}->{pair[1]} package",
                path=url,
                hint=install_hint(*pair, from_index=False),
            )
        return self._install_download(entry.links[0], expect=pair)

    @contextlib.contextmanager
    def _staging(self, parent: Path) -> Iterator[Path]:
        try:
            parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=parent))
        except OSError as exc:
            raise ModelError(
                f"cannot write here: {exc.strerror or exc}", path=str(parent)
            ) from None
        try:
            yield tmp
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    @staticmethod
    def _move_into_place(staged: Path, dest: Path) -> None:
        """Rename ``staged`` to ``dest``; an existing ``dest`` is replaced (reinstall/upgrade)."""
        old = None
        if dest.exists():
            old = staged.parent / "previous"
            os.rename(dest, old)
        try:
            os.rename(staged, dest)
        except OSError as exc:
            if old is not None:
                os.rename(old, dest)
            raise ModelError(f"cannot install: {exc.strerror or exc}", path=str(dest)) from None

    def _install_download(self, url: str, expect: tuple[str, str] | None) -> InstalledModel:
        with self._staging(self.argos_dir) as tmp:
            archive = tmp / "download.argosmodel"
            _fetch(url, archive)
            return self.install_archive(archive, expect=expect, label=url)

    def install_catalog(
        self,
        entry: catalog.CatalogEntry,
        *,
        mirror: str | None = None,
        progress: catalog.Progress | None = None,
    ) -> InstalledModel:
        """Download a catalog model into staging inside the store, validate it, install it.

        A failed download or Ctrl-C removes the staging folder: nothing is left behind.
        """
        with self._staging(self.models_dir) as tmp:
            folder = tmp / "download"
            folder.mkdir()
            catalog.download(entry, folder, mirror=mirror, progress=progress)
            shown = f"{catalog.mirror_base(mirror)}/{entry.repo}"
            try:
                tokens = styles.language_tokens(entry.style, read_vocabulary(folder))
            except (ModelError, OSError, ValueError) as exc:
                raise ModelError(f"unusable vocabulary: {exc}", path=shown) from None
            missing = [code for code in entry.languages if code not in tokens]
            if missing:
                raise ModelError(
                    f"the vocabulary has no {entry.style} token for {', '.join(missing)}",
                    path=shown,
                )
            return self.install_directory(
                folder,
                style=entry.style,
                licence=entry.licence,
                name=entry.name,
                quality=entry.quality,
                origin=f"{catalog.mirror_base(mirror)}/{entry.repo}",
                move=True,
            )

    def install_archive(
        self, archive: Path, *, expect: tuple[str, str] | None = None, label: str | None = None
    ) -> InstalledModel:
        """Install an ``.argosmodel`` file atomically; ``expect`` checks its language pair."""
        shown = label or str(archive)
        try:
            top = check_archive(archive)
        except ModelError as exc:
            exc.path = shown
            raise
        with self._staging(self.argos_dir) as tmp:
            _extract(archive, tmp / "x")
            staged = tmp / "x" / top
            model = self._validate_argos(staged, shown, expect)
            dest = self.argos_dir / top
            self._move_into_place(staged, dest)
        model.path = dest
        return model

    def _install_argos_dir(self, folder: Path) -> InstalledModel:
        with self._staging(self.argos_dir) as tmp:
            staged = tmp / folder.name
            try:
                shutil.copytree(folder, staged, symlinks=False)
            except (OSError, shutil.Error) as exc:
                raise ModelError(f"cannot copy: {exc}", path=str(folder)) from None
            model = self._validate_argos(staged, str(folder), None)
            dest = self.argos_dir / folder.name
            self._move_into_place(staged, dest)
        model.path = dest
        return model

    @staticmethod
    def _validate_argos(staged: Path, shown: str, expect: tuple[str, str] | None) -> InstalledModel:
        if not staged.is_dir():
            raise ModelError("archive has no package folder", path=shown)
        try:
            model = _argos_model(staged)
        except ModelError as exc:
            raise ModelError(f"invalid package: {exc.reason}", path=shown) from None
        if expect is not None and (model.sources[0], model.targets[0]) != expect:
            raise ModelError(
                f"package is {model.sources[0]}->{model.targets[0]}, "
                f"expected {expect[0]}->{expect[1]}",
                path=shown,
            )
        return model

    def install_directory(
        self,
        folder: Path,
        *,
        style: str | None = None,
        languages: Sequence[str] | None = None,
        licence: str | None = None,
        name: str | None = None,
        quality: str | None = None,
        origin: str = "",
        move: bool = False,
    ) -> InstalledModel:
        """Validate a CTranslate2 model folder, copy it into the store, write its manifest.

        ``move`` renames ``folder`` into place instead of copying; only for folders in
        the store's own staging (same file system, and the caller cleans up on failure).
        """
        folder = Path(folder)
        shown = str(folder)
        for required in ("model.bin", "config.json"):
            if not (folder / required).is_file():
                raise ModelError(f"not a CTranslate2 model: missing {required}", path=shown)
        vocabulary = read_vocabulary(folder)
        config = _read_json(folder / "config.json")
        tokenizer = _find_tokenizer(folder)
        detected, tokens = styles.detect_style(vocabulary)
        chosen = style or detected
        styles.get_style(chosen)  # unknown style -> ModelError
        if chosen != detected:
            tokens = styles.language_tokens(chosen, vocabulary)
        langs = [c.strip() for c in languages or [] if c.strip()]
        if chosen == "plain":
            if len(langs) != 2:
                raise ModelError(
                    "cannot tell which languages this bilingual model translates; "
                    "pass --languages SOURCE,TARGET (e.g. --languages ru,kk)",
                    path=shown,
                )
            sources, targets = (langs[0],), (langs[1],)
        else:
            if langs:
                missing = [c for c in langs if c not in tokens]
                if missing:
                    raise ModelError(
                        f"no {chosen} language token for {', '.join(missing)} in the vocabulary",
                        path=shown,
                    )
                tokens = {c: tokens[c] for c in langs}
            if len(tokens) < 2:
                raise ModelError(
                    f"the vocabulary has no {chosen} language tokens; pass --style", path=shown
                )
            sources = targets = tuple(sorted(tokens))
        model_name = name or folder.resolve().name
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._+-]*", model_name):
            raise ModelError(f"bad model name {model_name!r}; use letters, digits, . _ + -")
        if quality is None:
            scores = quality_scores(model_name)
            quality = "; ".join(f"{s}->{t} chrF++ {v}" for (s, t), v in scores.items())
        if not licence:
            licence = styles.STYLE_LICENCES.get(chosen, "unknown (state it with --licence)")
            if "tilmash" in model_name.lower():
                licence = styles.STYLE_LICENCES["nllb"]
        model = InstalledModel(
            name=model_name,
            kind="ctranslate2",
            path=self.models_dir / model_name,
            style=chosen,
            sources=sources,
            targets=targets,
            licence=licence,
            tokenizer=tokenizer,
            language_tokens=tokens if chosen != "plain" else {},
            append_eos=not bool(config.get("add_source_eos", False)),
            quality=quality,
            origin=origin,
        )
        if move:
            self._write_manifest(folder, model)
            self._move_into_place(folder, model.path)
            return model
        with self._staging(self.models_dir) as tmp:
            staged = tmp / model_name
            try:
                shutil.copytree(folder, staged, symlinks=False)
            except (OSError, shutil.Error) as exc:
                raise ModelError(f"cannot copy: {exc}", path=shown) from None
            self._write_manifest(staged, model)
            self._move_into_place(staged, model.path)
        return model

    @staticmethod
    def _write_manifest(folder: Path, model: InstalledModel) -> None:
        manifest = model.to_json()
        for key in ("path", "kind"):
            manifest.pop(key)
        if not manifest["origin"]:
            manifest.pop("origin")  # keep manifests of local installs as they were
        (folder / MANIFEST).write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
        )

    # -- removing --

    def remove(self, name: str) -> InstalledModel:
        """Remove an installed model by name (or folder name); atomic from the user's view."""
        model = self.find(name)
        if model is None:
            raise ModelError(f"no installed model named {name!r} (see: processor models list)")
        with self._staging(model.path.parent) as tmp:
            os.rename(model.path, tmp / "removed")
        return model

    # -- the index --

    def available(self, index: str | None = None) -> list[IndexEntry]:
        """Entries of the package index, fetched now (explicit user request only)."""
        url = index_url(index)
        raw = _fetch(url)
        try:
            data = json.loads(raw or b"")
        except ValueError:
            raise ModelError("the model index is not JSON", path=url) from None
        if not isinstance(data, list):
            raise ModelError("the model index is not a JSON list", path=url)
        entries = []
        for item in data:
            if not isinstance(item, dict) or item.get("type", "translate") != "translate":
                continue
            src, tgt = item.get("from_code"), item.get("to_code")
            if not (isinstance(src, str) and isinstance(tgt, str)):
                continue
            entries.append(
                IndexEntry(
                    code=str(item.get("code") or f"translate-{src}_{tgt}"),
                    source=src,
                    target=tgt,
                    version=str(item.get("package_version", "")),
                    links=tuple(str(link) for link in item.get("links", [])),
                    source_name=str(item.get("from_name", "")),
                    target_name=str(item.get("to_name", "")),
                )
            )
        return entries


def _find_tokenizer(folder: Path) -> tuple[str, ...]:
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


def default_store() -> ModelStore:
    """The store for this process's environment (``PROCESSOR_DATA_DIR``, ``ARGOS_PACKAGES_DIR``)."""
    return ModelStore()
