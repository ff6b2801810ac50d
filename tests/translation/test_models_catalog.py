"""Installing known CTranslate2 conversions by name from a loopback mirror.

A loopback HTTP server lays the tiny NLLB-shaped model out as Hugging Face does
(``/{repo}/resolve/main/{file}``) and ``PROCESSOR_MODEL_MIRROR`` points at it, so the
real download, staging, validation and install code runs; the tests then translate
with what was installed.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from processor.cli import main
from processor.errors import ModelError
from processor.translation import get_translator
from processor.translation.engines.ct2 import CT2Translator
from processor.translation.engines.routes import list_routes
from processor.translation.models import catalog, remote
from processor.translation.models.hints import airgapped_instructions, install_hint
from processor.translation.models.installed import MANIFEST
from processor.translation.models.store import ModelStore
from tests.support.translation import store_snapshot

NAME = "nllb-200-distilled-600M"
ENTRY = catalog.CATALOG[NAME]
SENTENCES = ["Касым-Жомарт Токаев провел телефонный разговор.", "", "Мажилис принял закон."]


@dataclass
class Mirror:
    """What the loopback mirror serves, and what it was asked for."""

    base: str = ""
    files: dict[str, bytes] = field(default_factory=dict)  # URL path -> body
    drop: set[str] = field(default_factory=set)  # paths cut off halfway through
    requests: list[str] = field(default_factory=list)

    def path(self, file: str, repo: str = ENTRY.repo) -> str:
        return f"/{repo}/resolve/main/{file}"

    def names(self) -> list[str]:
        """File names requested, in order."""
        return [p.rsplit("/", 1)[-1] for p in self.requests]


def _handler(mirror: Mirror) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            mirror.requests.append(self.path)
            body = mirror.files.get(self.path)
            if body is None:
                self.send_error(404, "Entry not found")
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.path in mirror.drop:
                # Announce the whole file, send half, hang up: a dropped connection.
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def mirror(
    model_store: ModelStore, tiny_nllb_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Mirror]:
    """A loopback Hugging Face-style mirror of the tiny NLLB model (README.md only optional)."""
    served = Mirror()
    for file in ("model.bin", "config.json", "shared_vocabulary.json", "sentencepiece.bpe.model"):
        served.files[served.path(file)] = (tiny_nllb_dir / file).read_bytes()
    served.files[served.path("README.md")] = b"# tiny NLLB-shaped test model\n"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setenv(catalog.MIRROR_ENV, served.base)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()


def assert_fails_cleanly(store: ModelStore, name: str, *must_contain: str, **kw) -> str:
    before = store_snapshot(store)
    with pytest.raises(ModelError) as err:
        store.install(name, **kw)
    message = str(err.value)
    assert "\n" not in message
    for text in must_contain:
        assert text in message, message
    assert store_snapshot(store) == before
    return message


def test_install_by_name_then_translate_ru_kk(model_store, mirror, tiny_settings):
    model = model_store.install(NAME)
    assert model.name == NAME and model.style == "nllb" and model.kind == "ctranslate2"
    assert {"ru", "en", "kk"} <= set(model.sources)
    assert model.licence.startswith("CC-BY-NC-4.0")
    assert model.quality == "FLORES-200 devtest chrF++ rus->kaz 42.4"
    # Small files first, optional 404s tolerated, the big file last.
    assert mirror.names() == [
        "config.json",
        "shared_vocabulary.json",
        "sentencepiece.bpe.model",
        "README.md",
        "tokenizer_config.json",
        "special_tokens_map.json",
        "model.bin",
    ]
    installed = model_store.models_dir / NAME
    assert sorted(p.name for p in model_store.models_dir.iterdir()) == [NAME]  # no staging
    assert (installed / "README.md").is_file()
    assert not (installed / "tokenizer_config.json").exists()
    manifest = json.loads((installed / MANIFEST).read_text("utf-8"))
    assert manifest["licence"] == model.licence and manifest["quality"] == model.quality
    assert manifest["origin"] == f"{mirror.base}/{ENTRY.repo}"
    assert manifest["language_tokens"]["kk"] == "kaz_Cyrl"
    assert model_store.find(NAME).to_json() == model.to_json()

    translator = get_translator("ru", "kk", tiny_settings)
    assert isinstance(translator, CT2Translator)  # direct, not a pivot
    description = translator.describe()
    assert NAME in description and "CC-BY-NC-4.0" in description and "ru->kk" in description
    out = translator.translate(SENTENCES)
    assert len(out) == 3 and out[1] == "" and out[0] and out[2]


def test_name_is_case_insensitive_and_reinstall_replaces(model_store, mirror):
    model_store.install(NAME)
    model = model_store.install(NAME.lower(), force=True)
    assert model.name == NAME
    assert sorted(p.name for p in model_store.models_dir.iterdir()) == [NAME]


def test_installed_model_is_not_downloaded_again_without_force(model_store, mirror):
    first = model_store.install(NAME)
    mirror.requests.clear()
    lines: list[str] = []
    again = model_store.install(NAME, progress=lines.append)
    assert mirror.requests == [] and again.to_json() == first.to_json()
    assert lines == [f"{NAME} is already installed; --force downloads it again"]
    result = CliRunner().invoke(main, ["models", "install", NAME])
    assert result.exit_code == 0 and mirror.requests == []
    assert "already installed; --force downloads it again" in result.stderr
    result = CliRunner().invoke(main, ["models", "install", NAME, "--force"])
    assert result.exit_code == 0 and mirror.names()[-1] == "model.bin"


def test_routes_with_argos_ru_en_and_nllb(model_store, tiny_ru_en, mirror):
    model_store.install(NAME)
    ru_en = list_routes("ru", "en")
    # The ranking rule is unchanged: the bilingual Argos package wins ru->en.
    assert [r.models for r in ru_en] == [["translate-ru_en"], [NAME]]
    assert ru_en[0].chosen and "translate-ru_en" in ru_en[0].describe()
    assert "licence: " in ru_en[0].describe()
    (ru_kk,) = list_routes("ru", "kk")
    assert ru_kk.kind == "direct" and ru_kk.chosen and ru_kk.models == [NAME]
    assert f"{NAME} (ctranslate2, ru->kk, licence: CC-BY-NC-4.0" in ru_kk.describe()


def test_missing_sentencepiece_fails_fast_in_one_line(model_store, mirror):
    del mirror.files[mirror.path("sentencepiece.bpe.model")]
    message = assert_fails_cleanly(
        model_store,
        NAME,
        "sentencepiece.bpe.model is missing",
        "facebook/nllb-200-distilled-600M",
        f"processor models install DIR --name {NAME}",
    )
    assert message.startswith(f"{mirror.base}/{ENTRY.repo}: ")
    # The upstream repository was tried too, and model.bin was never downloaded.
    assert mirror.path("sentencepiece.bpe.model", ENTRY.upstream) in mirror.requests
    assert "model.bin" not in mirror.names()
    assert model_store.installed() == []


def test_tokenizer_and_txt_vocabulary_alternates(model_store, mirror, tiny_settings):
    """Conversions without the tokenizer or with a .txt vocabulary still install."""
    sp = mirror.files.pop(mirror.path("sentencepiece.bpe.model"))
    mirror.files[mirror.path("sentencepiece.bpe.model", ENTRY.upstream)] = sp
    tokens = json.loads(mirror.files.pop(mirror.path("shared_vocabulary.json")))
    mirror.files[mirror.path("shared_vocabulary.txt")] = "\n".join(tokens).encode() + b"\n"
    model = model_store.install(NAME)
    assert (model.path / "shared_vocabulary.txt").is_file()
    assert (model.path / "sentencepiece.bpe.model").read_bytes() == sp
    out = get_translator("ru", "kk", tiny_settings).translate(SENTENCES)
    assert len(out) == 3 and out[0]


def test_dropped_connection_leaves_nothing(model_store, mirror):
    mirror.drop.add(mirror.path("model.bin"))
    assert_fails_cleanly(model_store, NAME, "model.bin", "incomplete", "run the install again")
    assert mirror.names()[-1] == "model.bin"
    assert list(model_store.models_dir.iterdir()) == []


def test_failed_reinstall_keeps_the_installed_model(model_store, mirror):
    model_store.install(NAME)
    mirror.drop.add(mirror.path("model.bin"))
    assert_fails_cleanly(model_store, NAME, "incomplete", force=True)
    assert [m.name for m in model_store.installed()] == [NAME]


def test_ctrl_c_during_download_leaves_nothing(model_store, mirror, monkeypatch):
    real_download = remote.download

    def interrupted(url, dest, label=None, progress=None):
        if label != "model.bin":
            return real_download(url, dest, label, progress)
        dest.write_bytes(b"partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(remote, "download", interrupted)
    with pytest.raises(KeyboardInterrupt):
        model_store.install(NAME)
    assert list(model_store.models_dir.iterdir()) == []


def test_required_file_missing_and_vocabulary_without_kazakh(model_store, mirror):
    body = mirror.files.pop(mirror.path("model.bin"))
    assert_fails_cleanly(model_store, NAME, "model.bin is missing (HTTP 404)")
    mirror.files[mirror.path("model.bin")] = body
    tokens = json.loads(mirror.files[mirror.path("shared_vocabulary.json")])
    no_kk = [t for t in tokens if t != "kaz_Cyrl"]
    mirror.files[mirror.path("shared_vocabulary.json")] = json.dumps(no_kk).encode()
    assert_fails_cleanly(model_store, NAME, "no nllb token for kk")
    assert model_store.installed() == []


def test_cli_install_with_mirror_option_and_progress(model_store, mirror, monkeypatch):
    monkeypatch.delenv(catalog.MIRROR_ENV)
    monkeypatch.setattr(remote, "PROGRESS_MIN_BYTES", 1)
    result = CliRunner().invoke(main, ["models", "install", NAME, "--mirror", mirror.base + "/"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"installed {NAME} [ctranslate2] nllb: any of ")
    assert "licence: CC-BY-NC-4.0" in result.stdout and "chrF++ rus->kaz 42.4" in result.stdout
    err = result.stderr.splitlines()
    assert (
        err[0] == f"downloading {NAME} from {mirror.base}/{ENTRY.repo} (licence: {ENTRY.licence})"
    )
    assert err[-1].startswith("model.bin: 100% of ")
    listing = CliRunner().invoke(main, ["models", "list"]).output
    assert f"ru->kk: * {NAME} (ctranslate2, ru->kk, licence: CC-BY-NC-4.0" in listing


def test_cli_missing_tokenizer_is_one_error_line(model_store, mirror):
    del mirror.files[mirror.path("sentencepiece.bpe.model")]
    result = CliRunner().invoke(main, ["models", "install", NAME])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "sentencepiece.bpe.model is missing" in errors[0]
    assert "Traceback" not in result.output


def test_available_lists_the_catalog(model_store, index_server, mirror):
    result = CliRunner().invoke(
        main, ["models", "available", "--index", index_server + "index.json"]
    )
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "translate-ru_en" in text
    assert "not from the Argos index" in text
    for entry in catalog.CATALOG.values():
        assert entry.name in text and entry.repo in text and entry.quality in text
    assert "licence: CC-BY-NC-4.0" in text

    model_store.install(NAME)
    rows = json.loads(
        CliRunner()
        .invoke(main, ["models", "available", "--index", index_server + "index.json", "--json"])
        .stdout
    )
    (row,) = [r for r in rows if r["code"] == NAME]
    assert row["origin"] == "catalog" and row["installed"] and row["licence"] == ENTRY.licence
    assert {r["origin"] for r in rows if r["code"] == "translate-ru_en"} == {"argos-index"}


def test_available_without_the_index_still_shows_the_catalog(model_store, mirror):
    result = CliRunner().invoke(main, ["models", "available", "--index", mirror.base + "/no.json"])
    assert result.exit_code == 1
    assert NAME in result.stdout
    assert "HTTP 404" in result.stderr


def test_hints_name_the_catalog_model():
    hint = install_hint("ru", "kk")
    assert hint.startswith(f"processor models install {NAME} ")
    assert "without internet" in hint and "sentencepiece.bpe.model" in hint and "\n" not in hint
    text = airgapped_instructions("ru", "kk")
    assert f"processor models install {NAME}" in text
    for file in ("model.bin", "config.json", "shared_vocabulary", "sentencepiece.bpe.model"):
        assert file in text
    assert "translate-ru_en-1_9.argosmodel" in text and "CC-BY-NC-4.0" in text


def test_translation_is_offline_after_a_catalog_install(
    model_store, tiny_ru_en, mirror, tiny_settings, no_network
):
    with no_network.allowed():
        model_store.install(NAME)  # the explicit install may use the network
    for target in ("en", "kk"):
        out = get_translator("ru", target, tiny_settings).translate(SENTENCES)
        assert len(out) == 3
    assert CliRunner().invoke(main, ["models", "list"]).exit_code == 0
    assert no_network.attempts == []
