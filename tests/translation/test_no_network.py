"""Translation never opens a network connection (only an explicit install may)."""

from __future__ import annotations

import socket
import urllib.request

import pytest
from click.testing import CliRunner

from processor.cli import main
from processor.translation import get_translator

DOCUMENTS = [
    ["Касым-Жомарт Токаев провел телефонный разговор.", "Об этом сообщает Акорда."],
    ["Мажилис принял закон.", "", "Депутаты обсудили бюджет."],
    ["Президент США Дональд Трамп поблагодарил коллегу."],
]


def test_guard_catches_connection_attempts(no_network):
    with pytest.raises(OSError, match="network access attempted"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    with pytest.raises(OSError):
        urllib.request.urlopen("http://example.invalid/", timeout=0.1)
    assert len(no_network.attempts) == 2
    with no_network.allowed():
        no_network.check("connect", "allowed")  # explicit installs pass
    no_network.attempts.clear()  # the test's own attempts are expected


def test_translation_offline(tiny_ru_en, tiny_multilingual, tiny_settings, no_network):
    flat = [s for doc in DOCUMENTS for s in doc]
    for target in ("en", "kk"):
        translator = get_translator("ru", target, tiny_settings)
        out = translator.translate(flat)
        assert len(out) == len(flat)
        assert [bool(o) for o in out] == [bool(s) for s in flat]
        assert translator.batch_calls == 1
    result = CliRunner().invoke(main, ["models", "list"])
    assert result.exit_code == 0
    assert no_network.attempts == []


def test_air_gapped_installs_from_files_use_no_network(
    model_store, tiny_ru_en_archive, tiny_nllb_dir, tmp_path, no_network
):
    """The air-gapped path: an .argosmodel file and a CTranslate2 folder, no connection."""
    assert model_store.install(str(tiny_ru_en_archive)).name == "translate-ru_en"
    result = CliRunner().invoke(
        main, ["models", "install", str(tiny_nllb_dir), "--name", "nllb-200-distilled-600M"]
    )
    assert result.exit_code == 0, result.output
    # A missing file is an error, never a download attempt of a name that looks like one.
    result = CliRunner().invoke(main, ["models", "install", "translate-ru_en-1_9.argosmodel"])
    assert result.exit_code == 1 and "not a model folder" in result.output
    assert sorted(m.name for m in model_store.installed()) == [
        "nllb-200-distilled-600M",
        "translate-ru_en",
    ]
    assert no_network.attempts == []
