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


def test_offline_install_gives_the_from_file_route(model_store, monkeypatch):
    """Issue 19.6: no network is not a bare DNS error: one line that names the host and
    says how to install the same model from files."""
    import socket

    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    monkeypatch.delenv("PROCESSOR_MODEL_INDEX", raising=False)
    monkeypatch.delenv("ARGOS_PACKAGE_INDEX", raising=False)
    for name, route in (
        ("translate-ru_en", "processor models install /path/to/translate-ru_en-1_9.argosmodel"),
        (
            "nllb-200-distilled-600M",
            "processor models install /path/to/nllb-200-distilled-600M-ct2 "
            "--name nllb-200-distilled-600M",
        ),
    ):
        result = CliRunner().invoke(main, ["models", "install", name])
        assert result.exit_code == 1
        [line] = [x for x in result.stderr.splitlines() if x.startswith("error:")]
        assert "cannot reach " in line and "without internet" in line and route in line, line
        assert "[Errno" not in line
    assert not any(model_store.argos_dir.glob("*"))  # nothing staged, nothing half-installed


def test_refused_connection_is_unreachable_too(model_store, tmp_path):
    """A closed port (a firewall's refusal) is the same offline case as no DNS."""
    import socket

    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = CliRunner().invoke(
        main, ["models", "install", "ru-en", "--index", f"http://127.0.0.1:{port}/index.json"]
    )
    assert result.exit_code == 1
    assert "cannot reach 127.0.0.1" in result.stderr and "without internet" in result.stderr
