"""Issue 21, item 3: a model must load, translate and have the declared direction before
it replaces anything.  A corrupt model.bin once replaced the working ru->en model; an
en->ru package named translate-ru_en-1_9 silently replaced it too."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from processor.errors import ModelError
from tests.support import tiny_models
from tests.support.translation import replace_entry


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _still_translates(model_store) -> None:
    from processor.translation.engines.routes import get_translator

    (out,) = get_translator("ru", "en", store=model_store).translate(["Привет."])
    assert isinstance(out, str)


def test_a_corrupt_model_never_replaces_a_working_one(
    model_store, tiny_ru_en, tiny_ru_en_archive, tmp_path: Path
) -> None:
    installed = model_store.argos_dir / "translate-ru_en-1_9"
    before = _fingerprint(installed)
    broken = replace_entry(
        tiny_ru_en_archive, tmp_path / "translate-ru_en-1_9.argosmodel", "model.bin", b"\0" * 4096
    )
    with pytest.raises(ModelError, match=r"does not load or translate.*nothing was replaced"):
        model_store.install(str(broken), force=True)
    assert _fingerprint(installed) == before
    _still_translates(model_store)


def test_a_package_named_for_another_direction_is_refused(
    model_store, tiny_ru_en, tiny_build_dir: Path, tiny_sp_model: Path, tmp_path: Path
) -> None:
    installed = model_store.argos_dir / "translate-ru_en-1_9"
    before = _fingerprint(installed)
    package = tiny_models.build_argos_package_dir(
        tmp_path / "src" / "translate-ru_en-1_9", tiny_sp_model, from_code="en", to_code="ru",
        seed=5,
    )  # fmt: skip
    archive = tiny_models.zip_dir(package, tmp_path / "translate-ru_en-1_9.argosmodel")
    with pytest.raises(ModelError, match="declares en->ru"):
        model_store.install(str(archive), force=True)
    assert _fingerprint(installed) == before
    _still_translates(model_store)
