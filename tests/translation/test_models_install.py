"""Installing and removing models: archives, folders, index names, URLs, and failures."""

from __future__ import annotations

import json
import shutil
import stat
import zipfile

import pytest

from processor.errors import ModelError
from processor.translation import get_translator
from processor.translation.models.installed import MANIFEST
from processor.translation.models.store import ModelStore
from tests.support.translation import rezip, store_snapshot


def assert_one_line_failure(store: ModelStore, source: str, *must_contain: str, **kw) -> str:
    before = store_snapshot(store)
    with pytest.raises(ModelError) as err:
        store.install(source, **kw)
    message = str(err.value)
    assert "\n" not in message
    for text in must_contain:
        assert text in message
    assert store_snapshot(store) == before
    return message


def test_install_argosmodel_file(model_store, tiny_ru_en_archive, tiny_settings):
    model = model_store.install(str(tiny_ru_en_archive))
    assert model.name == "translate-ru_en" and model.kind == "argos"
    assert model.path == model_store.argos_dir / "translate-ru_en-1_9"
    assert (model.path / "model" / "model.bin").is_file()
    assert [p.name for p in model_store.argos_dir.iterdir()] == ["translate-ru_en-1_9"]
    assert get_translator("ru", "en", tiny_settings).translate(["Привет."])[0]
    # Reinstalling replaces the package in place.
    model_store.install(str(tiny_ru_en_archive))
    assert [m.name for m in model_store.installed()] == ["translate-ru_en"]
    assert [p.name for p in model_store.argos_dir.iterdir()] == ["translate-ru_en-1_9"]


def test_install_model_directory_detects_nllb(model_store, tiny_nllb_dir):
    model = model_store.install(str(tiny_nllb_dir))
    assert model.name == "tiny-nllb-200"
    assert model.style == "nllb"
    assert model.sources == ("en", "kk", "ru") == model.targets
    assert model.language_tokens == {"en": "eng_Latn", "kk": "kaz_Cyrl", "ru": "rus_Cyrl"}
    assert model.licence.startswith("CC-BY-NC-4.0")
    manifest = json.loads((model.path / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["style"] == "nllb" and manifest["tokenizer"] == ["sentencepiece.bpe.model"]
    assert [m.name for m in model_store.installed()] == ["tiny-nllb-200"]
    # --languages narrows a multilingual model; its licence can be stated.
    narrowed = model_store.install(
        str(tiny_nllb_dir), name="ru-kk-only", languages=["ru", "kk"], licence="custom"
    )
    assert narrowed.sources == ("kk", "ru") and narrowed.licence == "custom"


def test_install_plain_directory_needs_languages(model_store, tiny_build_dir, tiny_sp_model):
    from tests.support import tiny_models

    folder = tiny_build_dir / "plain-ru-kk"
    if not folder.exists():
        vocab = tiny_models.sentencepiece_vocabulary(tiny_sp_model)
        tiny_models.build_ct2_model(folder, vocab, seed=5)
        shutil.copy(tiny_sp_model, folder / "spiece.model")
    assert_one_line_failure(model_store, str(folder), "--languages SOURCE,TARGET", str(folder))
    model = model_store.install(str(folder), languages=["ru", "kk"], name="marian-ru-kk")
    assert (model.style, model.sources, model.targets) == ("plain", ("ru",), ("kk",))
    assert "unknown" in model.licence
    assert model.append_eos
    translator = get_translator("ru", "kk", None)
    assert translator.model.name == "marian-ru-kk"


def test_install_directory_missing_files(model_store, tiny_nllb_dir, tmp_path):
    broken = tmp_path / "broken-model"
    shutil.copytree(tiny_nllb_dir, broken)
    (broken / "sentencepiece.bpe.model").unlink()
    assert_one_line_failure(model_store, str(broken), "no SentencePiece tokenizer", str(broken))
    (broken / "model.bin").unlink()
    assert_one_line_failure(model_store, str(broken), "missing model.bin", str(broken))


def test_install_from_index_name_and_url(model_store, index_server):
    index = index_server + "index.json"
    model = model_store.install("translate-ru_en", index=index)
    assert model.name == "translate-ru_en"
    assert model_store.remove("translate-ru_en").name == "translate-ru_en"
    model = model_store.install("ru-en", index=index)
    assert model.name == "translate-ru_en"
    model_store.remove("translate-ru_en")
    model = model_store.install(index_server + "translate-ru_en-1_9.argosmodel")
    assert model.name == "translate-ru_en"
    assert [p.name for p in model_store.argos_dir.iterdir()] == ["translate-ru_en-1_9"]
    entries = model_store.available(index)
    assert ("ru", "en") in {(e.source, e.target) for e in entries}
    assert not any("kk" in (e.source, e.target) for e in entries)


def test_index_from_environment(model_store, index_server, monkeypatch):
    monkeypatch.setenv("PROCESSOR_MODEL_INDEX", index_server + "index.json")
    assert model_store.install("translate-ru_en").name == "translate-ru_en"


def test_index_failures(model_store, index_server):
    index = index_server + "index.json"
    assert_one_line_failure(model_store, "ru-kk", "the index has no ru->kk package", index=index)
    # The index lists en->ru, but the server only has ru->en: HTTP 404.
    assert_one_line_failure(model_store, "translate-en_ru", "HTTP 404", index=index)
    assert_one_line_failure(
        model_store, index_server + "broken.argosmodel", "corrupt or truncated zip", "broken"
    )
    # Nothing listens there: unreachable, with the from-file route (issue 19.6).
    assert_one_line_failure(
        model_store, "translate-ru_en", "cannot reach 127.0.0.1", "without internet",
        index="http://127.0.0.1:9/i.json",
    )  # fmt: skip


def test_wrong_pair_from_index(model_store, index_server, tmp_path):
    # An index that claims the ru->en file is ru->de.
    index = [
        {
            "code": "translate-ru_de",
            "from_code": "ru",
            "to_code": "de",
            "package_version": "1.0",
            "links": [index_server + "translate-ru_en-1_9.argosmodel"],
        }
    ]
    index_file = tmp_path / "index.json"
    index_file.write_text(json.dumps(index), encoding="utf-8")
    message = assert_one_line_failure(
        model_store,
        "translate-ru_de",
        "package is ru->en, expected ru->de",
        index=index_file.as_uri(),
    )
    assert "translate-ru_en-1_9.argosmodel" in message


def test_corrupt_and_truncated_archives(model_store, tiny_ru_en_archive, tmp_path):
    model_store.install(str(tiny_ru_en_archive))  # something installed must stay installed
    garbage = tmp_path / "garbage.argosmodel"
    garbage.write_bytes(b"this is not a zip file at all" * 10)
    assert_one_line_failure(model_store, str(garbage), "corrupt or truncated zip", str(garbage))
    data = tiny_ru_en_archive.read_bytes()
    truncated = tmp_path / "truncated.argosmodel"
    truncated.write_bytes(data[: len(data) * 2 // 3])
    assert_one_line_failure(model_store, str(truncated), str(truncated))
    # Intact central directory but a damaged member: caught while extracting.
    damaged = tmp_path / "damaged.argosmodel"
    with zipfile.ZipFile(tiny_ru_en_archive) as zf:
        info = next(i for i in zf.infolist() if i.filename.endswith("model.bin"))
    raw = bytearray(data)
    start = info.header_offset + 30 + len(info.filename) + 100
    raw[start : start + 200] = bytes(200)
    damaged.write_bytes(bytes(raw))
    assert_one_line_failure(model_store, str(damaged), "corrupt archive", str(damaged))
    assert [m.name for m in model_store.installed()] == ["translate-ru_en"]


def test_unsafe_archives_are_refused_before_extraction(model_store, tiny_ru_en_archive, tmp_path):
    outside = model_store.argos_dir.parent / "evil.txt"

    def traversal(name, data):
        return name, data

    archive = rezip(tiny_ru_en_archive, tmp_path / "traversal.argosmodel", traversal)
    with zipfile.ZipFile(archive, "a") as zf:
        zf.writestr("translate-ru_en-1_9/../../evil.txt", b"owned")
    assert_one_line_failure(model_store, str(archive), "unsafe archive", "leaves its folder")
    assert not outside.exists()

    archive = rezip(tiny_ru_en_archive, tmp_path / "absolute.argosmodel", traversal)
    with zipfile.ZipFile(archive, "a") as zf:
        zf.writestr(str(outside), b"owned")
    assert_one_line_failure(model_store, str(archive), "unsafe archive: absolute path")
    assert not outside.exists()

    archive = rezip(tiny_ru_en_archive, tmp_path / "symlink.argosmodel", traversal)
    with zipfile.ZipFile(archive, "a") as zf:
        link = zipfile.ZipInfo("translate-ru_en-1_9/escape")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "../../../etc/passwd")
    assert_one_line_failure(model_store, str(archive), "unsafe archive: symlink")

    archive = rezip(
        tiny_ru_en_archive, tmp_path / "two-tops.argosmodel", lambda n, d: ("other/" + n, d)
    )
    with zipfile.ZipFile(archive, "a") as zf:
        zf.writestr("second/x.txt", b"x")
    assert_one_line_failure(model_store, str(archive), "one top-level folder")


def test_archives_with_missing_files(model_store, tiny_ru_en_archive, tmp_path):
    for missing, reason in (
        ("model/model.bin", "missing model/model.bin"),
        ("metadata.json", "missing metadata.json"),
        ("sentencepiece.model", "no tokenizer"),
    ):
        archive = rezip(
            tiny_ru_en_archive,
            tmp_path / f"no-{missing.replace('/', '-')}.argosmodel",
            lambda n, d, m=missing: None if n.endswith(m) else (n, d),
        )
        message = assert_one_line_failure(model_store, str(archive), reason, archive.name)
        assert message.startswith(str(archive))


def test_interrupted_install_leaves_nothing(model_store, tiny_ru_en_archive, monkeypatch):
    from processor.translation.models import install as install_module

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(install_module, "_check_argos", interrupted)
    with pytest.raises(KeyboardInterrupt):
        model_store.install(str(tiny_ru_en_archive))
    assert list(model_store.argos_dir.iterdir()) == []


def test_remove(model_store, tiny_ru_en, tiny_multilingual):
    assert model_store.remove("tiny-nllb-200").name == "tiny-nllb-200"
    assert [m.name for m in model_store.installed()] == ["translate-ru_en"]
    assert list(model_store.models_dir.iterdir()) == []
    # By folder name as well as package code.
    model_store.remove("translate-ru_en-1_9")
    assert model_store.installed() == []
    with pytest.raises(ModelError, match="no installed model named 'nope'"):
        model_store.remove("nope")


def test_unknown_source_is_one_line(model_store):
    assert_one_line_failure(model_store, "definitely not a model", "not a model folder")


def test_broken_installed_folder_is_reported_not_fatal(model_store, tiny_ru_en):
    (model_store.argos_dir / "junk").mkdir()
    models, problems = model_store.scan()
    assert [m.name for m in models] == ["translate-ru_en"]
    assert len(problems) == 1 and "junk" in problems[0] and "metadata.json" in problems[0]
