"""``processor models`` commands, run through click with an isolated store."""

from __future__ import annotations

import json

from click.testing import CliRunner

from processor.cli import main


def run(*args: str):
    return CliRunner().invoke(main, ["models", *args])


def test_list_empty_store_shows_install_commands(model_store):
    result = run("list")
    assert result.exit_code == 0, result.output
    assert "No models installed." in result.output
    assert "ru->en: none; install with: processor models install translate-ru_en" in result.output
    assert "ct2-transformers-converter" in result.output


def test_install_list_remove_round_trip(model_store, tiny_ru_en_archive, tiny_nllb_dir):
    result = run("install", str(tiny_ru_en_archive))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("installed translate-ru_en [argos] ru->en")
    result = run("install", str(tiny_nllb_dir), "--name", "tiny-nllb")
    assert result.exit_code == 0, result.output
    assert "licence: CC-BY-NC-4.0" in result.output

    data = json.loads(run("list", "--json").output)
    assert sorted(m["name"] for m in data["models"]) == ["tiny-nllb", "translate-ru_en"]
    ru_en = data["routes"]["ru->en"]
    assert ru_en[0]["chosen"] and ru_en[0]["models"] == ["translate-ru_en"]
    assert data["routes"]["ru->kk"][0]["models"] == ["tiny-nllb"]

    text = run("list").output
    assert "ru->kk: * tiny-nllb (ctranslate2, ru->kk, licence: CC-BY-NC-4.0" in text

    result = run("remove", "tiny-nllb")
    assert result.exit_code == 0 and "removed tiny-nllb" in result.output
    assert [m["name"] for m in json.loads(run("list", "--json").output)["models"]] == [
        "translate-ru_en"
    ]


def test_failures_are_one_line_with_exit_code_1(model_store, tmp_path):
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"nope")
    result = run("install", str(bad))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error: {bad}: not a valid .argosmodel (corrupt or truncated zip)"
    ]
    result = run("remove", "ghost")
    assert result.exit_code == 1 and "no installed model named 'ghost'" in result.output


def test_available_and_install_from_loopback_index(model_store, index_server):
    index = index_server + "index.json"
    result = run("available", "--index", index)
    assert result.exit_code == 0, result.output
    assert "translate-ru_en" in result.output and "ru->en" in result.output
    result = run("install", "translate-ru_en", "--index", index)
    assert result.exit_code == 0, result.output
    rows = json.loads(run("available", "--index", index, "--json").output)
    assert [r["installed"] for r in rows if r["code"] == "translate-ru_en"] == [True]


def test_help_is_documented():
    result = CliRunner().invoke(main, ["models", "install", "--help"])
    assert result.exit_code == 0
    assert (
        "Install a model from the index, a URL, an .argosmodel file or a folder." in result.output
    )
    assert "processor models install translate-ru_en" in result.output
