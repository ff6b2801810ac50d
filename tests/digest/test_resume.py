"""A digest re-run prepares only what is missing; ``--manifest`` lists every input."""

from __future__ import annotations

import json

import pytest

from processor.digest import DigestOptions, digest
from processor.digest import run as digest_run
from processor.digest.records import FOLDER
from processor.results import Interrupted
from tests.digest.conftest import copied, path_of
from tests.support.pipeline import run

OPTIONS = DigestOptions(languages=("ru",), formats=("json",))


def _counting(monkeypatch, *, interrupt_at: int | None = None) -> list[str]:
    """Record each input prepared; Ctrl-C when the ``interrupt_at``-th one starts."""
    prepared: list[str] = []
    real = digest_run.prepare_article

    def prepare(path, options):
        if interrupt_at is not None and len(prepared) + 1 == interrupt_at:
            raise KeyboardInterrupt
        prepared.append(path)
        return real(path, options)

    monkeypatch.setattr(digest_run, "prepare_article", prepare)
    return prepared


def _stories(out) -> list[list[str]]:
    data = json.loads((out / "digest.ru.json").read_text(encoding="utf-8"))
    return [sorted(a["input"] for a in s["articles"]) for s in data["stories"]]


def test_rerun_after_interruption_prepares_only_the_rest(tmp_path, monkeypatch):
    folder = copied(tmp_path, [1, 2, 3])
    out = tmp_path / "out"
    with monkeypatch.context() as patch:
        _counting(patch, interrupt_at=3)
        with pytest.raises(Interrupted) as interrupted:
            digest([folder], out, OPTIONS)
    assert interrupted.value.total == 3 and len(interrupted.value.results) == 2
    kept = [p for p in (out / FOLDER).glob("*.json") if not p.name.startswith(".")]
    assert len(kept) == 2  # kept as each was prepared
    assert not (out / "digest.ru.json").exists()

    prepared = _counting(monkeypatch)
    result = digest([folder], out, OPTIONS)
    inputs = sorted(str(p) for p in folder.iterdir())
    assert prepared == [inputs[2]] and result.exit_code == 0
    # The records read back group and show as freshly prepared ones do.
    resumed = (out / "digest.ru.json").read_text(encoding="utf-8")
    again = digest([folder], tmp_path / "fresh", OPTIONS)
    assert again.exit_code == 0 and _stories(out) == _stories(tmp_path / "fresh") == [inputs]
    fresh = (tmp_path / "fresh" / "digest.ru.json").read_text(encoding="utf-8")
    assert json.loads(resumed)["stories"] == json.loads(fresh)["stories"]


def test_changed_input_or_preparation_options_prepare_again(tmp_path, monkeypatch):
    folder = copied(tmp_path, [7, 8])
    out = tmp_path / "out"
    digest([folder], out, OPTIONS)
    changed = sorted(folder.iterdir())[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nЕщё один абзац.\n", "utf-8")
    prepared = _counting(monkeypatch)
    monkeypatch.chdir(tmp_path)  # the same files, named another way
    options = DigestOptions(languages=("ru",), formats=("json",), title="Другой")
    digest(["news"], out, options)
    assert prepared == ["news/" + changed.name]  # languages, formats and title shape no record
    data = json.loads((out / "digest.ru.json").read_text(encoding="utf-8"))
    assert {a["input"] for s in data["stories"] for a in s["articles"]} == {
        f"news/{p.name}" for p in folder.iterdir()
    }  # each input as given this time, the records read back too
    prepared.clear()
    digest([folder], out, DigestOptions(languages=("ru",), formats=("json",), figures=1))
    assert len(prepared) == 2


def test_manifest_lists_every_input_with_its_status(tmp_path):
    folder = copied(tmp_path, [7, 8, 10])
    (folder / "broken.docx").write_bytes(b"not a zip")
    out, manifest = tmp_path / "out", tmp_path / "manifest.json"
    result = run(
        "digest", folder, "-o", out, "--lang", "ru", "--format", "json", "-j", "1",
        "--since", "2022-01-01", "--manifest", manifest,
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data["exit_code"] == 1
    items = {item["source"].rsplit("/", 1)[-1]: item for item in data["items"]}
    stories = json.loads((out / "digest.ru.json").read_text(encoding="utf-8"))["stories"]
    [story] = [s for s in stories if len(s["articles"]) == 2]
    for n in (7, 8):
        item = items[path_of(n).rsplit("/", 1)[-1]]
        assert item["status"] == "ok" and item["report"] == {"story": story["id"]}
        assert item["outputs"] == [str(out / "digest.ru.json")]
    old = items[path_of(10).rsplit("/", 1)[-1]]
    assert old["outputs"] == [] and "outside the period" in old["warnings"][0]
    assert items["broken.docx"]["status"] == "error" and items["broken.docx"]["error"]
    assert items["digest"]["outputs"] == [str(out / "digest.ru.json")]


def test_interrupted_after_preparing_writes_the_manifest_and_keeps_the_records(
    tmp_path, monkeypatch
):
    folder = copied(tmp_path, [7, 8])
    out, manifest = tmp_path / "out", tmp_path / "manifest.json"

    def ctrl_c(articles, settings=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(digest_run, "group", ctrl_c)  # Ctrl-C while grouping
    args = ("digest", folder, "-o", out, "--lang", "ru", "--format", "json", "-j", "1")
    result = run(*args, "--manifest", manifest)
    assert result.exit_code == 130 and "run the same command again" in result.stderr
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data["exit_code"] == 130 and data["interrupted"] == {"done": 2, "total": 2}
    assert all("interrupted" in item["warnings"][0] for item in data["items"])
    monkeypatch.undo()
    prepared = _counting(monkeypatch)
    # In this process (the counting stand-in does not reach worker processes).
    assert digest([folder], out, OPTIONS).exit_code == 0 and prepared == []  # both were kept
