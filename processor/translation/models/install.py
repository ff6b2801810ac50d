"""Installing a model: staging, checks, and one atomic rename into the store.

Files go to a hidden staging folder beside their final place, are checked, and are
renamed into place.  Any failure, Ctrl-C or SIGTERM removes the staging folder, so
the installed set is unchanged; the renames themselves run with SIGINT/SIGTERM
deferred, so an interrupt never falls between "old model moved aside" and "new
model in place".  Staging folders carry their process id: one left by a killed
process (SIGKILL, power loss) is removed by the next install.

Argos's own ``install_from_path`` is not used: it extracts without the checks of
:mod:`processor.translation.models.archive` and imports ``argostranslate.translate``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import shutil
import signal
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from processor.errors import ModelError
from processor.interrupts import terminate_as_interrupt
from processor.translation.engines import styles
from processor.translation.models import archive, catalog, remote
from processor.translation.models.installed import (
    InstalledModel,
    find_tokenizer,
    read_argos_package,
    read_json,
    read_vocabulary,
    write_manifest,
)

STAGING_PREFIX = ".processor-staging-"
_STAGING_PID = re.compile(re.escape(STAGING_PREFIX) + r"(\d+)-")
_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT/SIGTERM back for a few renames; they arrive right after."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _remove_stale_staging(parent: Path) -> None:
    for child in parent.iterdir():
        match = _STAGING_PID.match(child.name)
        if match and not _alive(int(match.group(1))):
            shutil.rmtree(child, ignore_errors=True)


@contextlib.contextmanager
def staging(parent: Path) -> Iterator[Path]:
    """A fresh hidden folder in ``parent``, removed (with its contents) however the block ends."""
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_staging(parent)
        tmp = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=parent))
    except OSError as exc:
        raise ModelError(f"cannot write here: {exc.strerror or exc}", path=str(parent)) from None
    with terminate_as_interrupt():
        try:
            yield tmp
        finally:
            _remove_tree(tmp)


def _remove_tree(path: Path) -> None:
    """Remove ``path`` whole, even when Ctrl-C or SIGTERM lands during the removal: a
    signal held back by the renames is handled at Python's next check, which may fall
    inside this very cleanup; the cleanup is finished first, then the interrupt goes on."""
    try:
        with _signals_deferred():
            shutil.rmtree(path, ignore_errors=True)
    except KeyboardInterrupt:
        shutil.rmtree(path, ignore_errors=True)
        raise


def move_into_place(staged: Path, dest: Path) -> None:
    """Rename ``staged`` to ``dest``; an existing ``dest`` is replaced (reinstall/upgrade).

    The replaced model goes into the staging folder (removed with it) only once the
    new one is in place.
    """
    with _signals_deferred():
        old = None
        try:
            if dest.exists():
                old = staged.parent / "previous"
                os.rename(dest, old)
            os.rename(staged, dest)
        except OSError as exc:
            if old is not None and not dest.exists():
                os.rename(old, dest)
            raise ModelError(f"cannot install: {exc.strerror or exc}", path=str(dest)) from None


def _copy_folder(folder: Path, staged: Path) -> None:
    try:
        shutil.copytree(folder, staged, symlinks=False)
    except shutil.Error as exc:  # one (source, destination, reason) per file that failed
        failures = exc.args[0] if exc.args and isinstance(exc.args[0], list) else []
        reason = str(failures[0][2]) if failures else str(exc)
        raise ModelError(f"cannot copy: {reason[:200]}", path=str(folder)) from None
    except OSError as exc:
        raise ModelError(f"cannot copy: {exc.strerror or exc}", path=str(folder)) from None


# --- Argos packages ---------------------------------------------------------------------------


def _check_argos(
    staged: Path, shown: str, expect: tuple[str, str] | None, folder_name: str | None = None
) -> InstalledModel:
    """The staged package's model, once it is known to be what it says and to translate.

    ``folder_name`` (what it will be installed as, e.g. ``translate-ru_en-1_9``) must name
    the pair its metadata declares: the store knows a model by that name, so an en->ru
    package named ru_en would silently replace the ru->en model.
    """
    if not staged.is_dir():
        raise ModelError("archive has no package folder", path=shown)
    try:
        model = read_argos_package(staged)
    except ModelError as exc:
        raise ModelError(f"invalid package: {exc.reason}", path=shown) from None
    pair = (model.sources[0], model.targets[0])
    if expect is not None and pair != expect:
        raise ModelError(
            f"package is {pair[0]}->{pair[1]}, expected {expect[0]}->{expect[1]}", path=shown
        )
    named = re.fullmatch(r"translate-([a-z]{2,3})_([a-z]{2,3})(?:-.*)?", folder_name or "")
    if named and (named.group(1), named.group(2)) != pair:
        raise ModelError(
            f"package {folder_name} declares {pair[0]}->{pair[1]} in its metadata; "
            "nothing was installed",
            path=shown,
        )
    check_translates(model, shown)
    return model


def check_translates(model: InstalledModel, shown: str) -> None:
    """CTranslate2 loads the staged ``model`` and translates a sentence in its declared
    direction, before it replaces anything (a corrupt model.bin once replaced ru->en)."""
    from processor.translation.engines.ct2 import CT2Translator, unload

    source = model.sources[0]
    target = next((t for t in model.targets if t != source), model.targets[0])
    try:
        CT2Translator(model, source, target).translate(["Проверка связи."])
    except Exception as exc:  # whatever the model does wrong, it is not installed
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise ModelError(
            f"the model does not load or translate: {reason}; nothing was replaced", path=shown
        ) from None
    finally:
        unload(model.model_dir)


def install_archive(
    path: Path,
    argos_dir: Path,
    *,
    expect: tuple[str, str] | None = None,
    label: str | None = None,
) -> InstalledModel:
    """Install an ``.argosmodel`` file atomically; ``expect`` checks its language pair."""
    shown = label or str(path)
    try:
        plan = archive.check_archive(path)
    except ModelError as exc:
        exc.path = shown
        raise
    with staging(argos_dir) as tmp:
        try:
            staged = archive.extract(path, plan, tmp / "x")
        except ModelError as exc:
            exc.path = shown
            raise
        model = _check_argos(staged, shown, expect, plan.top)
        dest = argos_dir / plan.top
        move_into_place(staged, dest)
    model.path = dest
    return model


def install_argos_folder(folder: Path, argos_dir: Path) -> InstalledModel:
    """Install an unpacked Argos package folder (copied, checked, renamed into place)."""
    with staging(argos_dir) as tmp:
        staged = tmp / folder.name
        _copy_folder(folder, staged)
        model = _check_argos(staged, str(folder), None, folder.name)
        dest = argos_dir / folder.name
        move_into_place(staged, dest)
    model.path = dest
    return model


def install_download(
    url: str, argos_dir: Path, *, expect: tuple[str, str] | None = None
) -> InstalledModel:
    """Download an ``.argosmodel`` into staging, then install it as a file."""
    with staging(argos_dir) as tmp:
        path = tmp / "download.argosmodel"
        remote.download(url, path)
        return install_archive(path, argos_dir, expect=expect, label=url)


# --- CTranslate2 model folders ------------------------------------------------------------------


def _languages(
    chosen: str, tokens: dict[str, str], languages: Sequence[str] | None, shown: str
) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str]]:
    """Sources, targets and language tokens for a model of style ``chosen``."""
    langs = [c.strip() for c in languages or [] if c.strip()]
    if chosen == "plain":
        if len(langs) != 2:
            raise ModelError(
                "cannot tell which languages this bilingual model translates; "
                "pass --languages SOURCE,TARGET (e.g. --languages ru,kk)",
                path=shown,
            )
        return (langs[0],), (langs[1],), {}
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
    codes = tuple(sorted(tokens))
    return codes, codes, tokens


def install_directory(
    folder: Path,
    models_dir: Path,
    *,
    style: str | None = None,
    languages: Sequence[str] | None = None,
    licence: str | None = None,
    name: str | None = None,
    origin: str = "",
    move: bool = False,
) -> InstalledModel:
    """Check a CTranslate2 model folder, copy it into the store, write its manifest.

    ``move`` renames ``folder`` into place instead of copying; only for folders in
    the store's own staging (same file system, and the caller cleans up on failure).
    """
    folder = Path(folder)
    shown = str(folder)
    for required in ("model.bin", "config.json"):
        if not (folder / required).is_file():
            raise ModelError(f"not a CTranslate2 model: missing {required}", path=shown)
    vocabulary = read_vocabulary(folder)
    config = read_json(folder / "config.json")
    if not isinstance(config, dict):
        raise ModelError("config.json is not a JSON object", path=shown)
    tokenizer = find_tokenizer(folder)
    detected, tokens = styles.detect_style(vocabulary)
    chosen = style or detected
    styles.get_style(chosen)  # unknown style -> ModelError
    if chosen != detected:
        tokens = styles.language_tokens(chosen, vocabulary)
    sources, targets, tokens = _languages(chosen, tokens, languages, shown)
    model_name = name or folder.resolve().name
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._+-]*", model_name):
        raise ModelError(f"bad model name {model_name!r}; use letters, digits, . _ + -")
    if not licence:
        family = "nllb" if "tilmash" in model_name.lower() else chosen  # Tilmash is NLLB-based
        licence = styles.STYLE_LICENCES.get(family, "unknown (state it with --licence)")
    model = InstalledModel(
        name=model_name,
        kind="ctranslate2",
        path=models_dir / model_name,
        style=chosen,
        sources=sources,
        targets=targets,
        licence=licence,
        tokenizer=tokenizer,
        language_tokens=tokens,
        append_eos=not bool(config.get("add_source_eos", False)),
        quality=catalog.quality_text(model_name),
        origin=origin,
    )
    if move:
        check_translates(dataclasses.replace(model, path=folder), shown)
        write_manifest(folder, model)
        move_into_place(folder, model.path)
        return model
    with staging(models_dir) as tmp:
        staged = tmp / model_name
        _copy_folder(folder, staged)
        check_translates(dataclasses.replace(model, path=staged), shown)
        write_manifest(staged, model)
        move_into_place(staged, model.path)
    return model


def install_catalog(
    entry: catalog.CatalogEntry,
    models_dir: Path,
    *,
    mirror: str | None = None,
    progress: remote.Progress | None = None,
) -> InstalledModel:
    """Download a catalog model into staging inside the store, check it, install it."""
    shown = f"{catalog.mirror_base(mirror)}/{entry.repo}"
    with staging(models_dir) as tmp:
        folder = tmp / "download"
        folder.mkdir()
        catalog.download(entry, folder, mirror=mirror, progress=progress)
        try:
            tokens = styles.language_tokens(entry.style, read_vocabulary(folder))
        except (ModelError, OSError, ValueError) as exc:
            raise ModelError(f"unusable vocabulary: {exc}", path=shown) from None
        missing = [code for code in entry.languages if code not in tokens]
        if missing:
            raise ModelError(
                f"the vocabulary has no {entry.style} token for {', '.join(missing)}", path=shown
            )
        return install_directory(
            folder,
            models_dir,
            style=entry.style,
            licence=entry.licence,
            name=entry.name,
            origin=shown,
            move=True,
        )
