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
