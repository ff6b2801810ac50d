"""``ModelStore``: one machine's model folders, and what can be done with them.

A thin object over the modules that do the work: :mod:`~processor.translation.models.installed`
(what is installed), :mod:`~processor.translation.models.install` (staging, checks, atomic
rename), :mod:`~processor.translation.models.remote` (the package index and downloads) and
:mod:`~processor.translation.models.catalog` (known models).  The network is used only by
:meth:`ModelStore.install` (for an index name, a URL or a catalog name) and
:meth:`ModelStore.available`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from processor.errors import ModelError
from processor.translation.models import catalog, remote
from processor.translation.models import install as installer
from processor.translation.models.hints import install_hint
from processor.translation.models.installed import (
    InstalledModel,
    argos_packages_dir,
    scan,
)
from processor.translation.models.installed import (
    data_dir as default_data_dir,
)

__all__ = ["InstalledModel", "ModelStore", "default_store"]


class ModelStore:
    """The installed models of this machine (or of the folders given, for tests)."""

    def __init__(self, data_dir: Path | str | None = None, argos_dir: Path | str | None = None):
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.argos_dir = Path(argos_dir) if argos_dir is not None else argos_packages_dir()

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    def scan(self) -> tuple[list[InstalledModel], list[str]]:
        """Installed models, and one line for each folder that is not a usable model."""
        return scan(self.argos_dir, self.models_dir)

    def installed(self) -> list[InstalledModel]:
        return self.scan()[0]

    def find(self, name: str) -> InstalledModel | None:
        for model in self.installed():
            if name in (model.name, model.path.name):
                return model
        return None

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
        progress: remote.Progress | None = None,
        force: bool = False,
    ) -> InstalledModel:
        """Install from a model folder, an ``.argosmodel`` file, a URL, a catalog or index name.

        ``progress`` receives one line at a time (download progress, "already
        installed").  A catalog or index name that is already installed (same name,
        and same version for index packages) is not downloaded again unless ``force``.
        """
        path = Path(source).expanduser()
        if path.is_dir():
            if (path / "metadata.json").is_file():
                return installer.install_argos_folder(path, self.argos_dir)
            return installer.install_directory(
                path, self.models_dir, style=style, languages=languages, licence=licence, name=name
            )
        if path.is_file():
            return installer.install_archive(path, self.argos_dir)
        if remote.is_url(source):
            return installer.install_download(source, self.argos_dir)
        entry = catalog.find(source)
        if entry is not None:
            current = None if force else self._current(entry.name, None)
            if current is not None:
                return _up_to_date(current, progress)
            return installer.install_catalog(
                entry, self.models_dir, mirror=mirror, progress=progress
            )
        pair = remote.parse_pair(source)
        if pair is None:
            raise ModelError(
                "not a model folder, .argosmodel file, URL, index name (e.g. translate-ru_en) "
                f"or known model ({', '.join(catalog.CATALOG)})",
                path=source,
            )
        url = remote.index_url(index)
        found = [e for e in remote.available(url) if (e.source, e.target) == pair and e.links]
        if not found:
            raise ModelError(
                f"the index has no {pair[0]}->{pair[1]} package",
                path=url,
                hint=install_hint(*pair, from_index=False),
            )
        package = found[0]
        current = None if force else self._current(package.code, package.version)
        if current is not None:
            return _up_to_date(current, progress)
        return installer.install_download(package.links[0], self.argos_dir, expect=pair)

    def _current(self, name: str, version: str | None) -> InstalledModel | None:
        """The installed model called ``name`` (case-insensitive), of ``version`` if given."""
        for model in self.installed():
            if model.name.lower() == name.lower() and version in (None, model.version):
                return model
        return None

    def remove(self, name: str) -> InstalledModel:
        """Remove an installed model by name (or folder name); atomic from the user's view."""
        model = self.find(name)
        if model is None:
            raise ModelError(f"no installed model named {name!r} (see: processor models list)")
        with installer.staging(model.path.parent) as tmp:
            try:
                os.rename(model.path, tmp / "removed")
            except OSError as exc:
                raise ModelError(f"cannot remove: {exc.strerror}", path=str(model.path)) from None
        return model

    def available(self, index: str | None = None) -> list[remote.IndexEntry]:
        """Entries of the package index, fetched now (explicit user request only)."""
        return remote.available(index)


def _up_to_date(model: InstalledModel, progress: remote.Progress | None) -> InstalledModel:
    if progress is not None:
        version = f" {model.version}" if model.version else ""
        progress(f"{model.name}{version} is already installed; --force downloads it again")
    return model


def default_store() -> ModelStore:
    """The store for this process's environment (``PROCESSOR_DATA_DIR``, ``ARGOS_PACKAGES_DIR``)."""
    return ModelStore()
