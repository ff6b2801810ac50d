"""Shared pytest fixtures.

Model fixtures build real, tiny CTranslate2 models once per session (see
``tests/tiny_models.py``) and install them through the product's real install
path into an isolated store, so ``get_translator("ru", "en")`` works for real in
any test that asks for ``tiny_ru_en``::

    def test_something(tiny_ru_en):
        translator = get_translator("ru", "en")

Every model fixture points ``PROCESSOR_DATA_DIR``, ``ARGOS_PACKAGES_DIR`` and the
XDG folders at a temporary directory: tests never touch ``~/.local``.  The glossary's
forms cache (``PROCESSOR_CACHE_DIR``) is one temporary folder for the whole session, so
tests never touch ``~/.cache`` either.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from processor.translation.models.store import InstalledModel, ModelStore
from tests.support import data, tiny_models

# Enough to exercise every code path; random weights never stop early by themselves.
TINY_MAX_DECODING = 12


_SESSION_CACHE = tempfile.mkdtemp(prefix="processor-test-cache-")


def pytest_configure(config: pytest.Config) -> None:
    # Set before any test runs, so the CLI subprocesses and workers inherit it too.
    os.environ["PROCESSOR_CACHE_DIR"] = _SESSION_CACHE


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_SESSION_CACHE, ignore_errors=True)


# --- tiny models, built once per session ----------------------------------------------


@pytest.fixture(scope="session")
def tiny_build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("tiny-models")


@pytest.fixture(scope="session")
def tiny_sp_model(tiny_build_dir: Path) -> Path:
    """A SentencePiece model trained on Russian, English and Kazakh text."""
    return tiny_models.train_sentencepiece(tiny_build_dir / "sp" / "sentencepiece.model")


@pytest.fixture(scope="session")
def tiny_ru_en_archive(tiny_build_dir: Path, tiny_sp_model: Path) -> Path:
    """A genuine ``.argosmodel`` file (ru->en, random weights)."""
    pkg = tiny_models.build_argos_package_dir(
        tiny_build_dir / "src" / "translate-ru_en-1_9", tiny_sp_model, seed=1
    )
    return tiny_models.zip_dir(pkg, tiny_build_dir / "translate-ru_en-1_9.argosmodel")


@pytest.fixture(scope="session")
def tiny_en_kk_archive(tiny_build_dir: Path, tiny_sp_model: Path) -> Path:
    """A genuine ``.argosmodel`` file (en->kk, random weights), for pivot routes."""
    pkg = tiny_models.build_argos_package_dir(
        tiny_build_dir / "src" / "translate-en_kk-1_0",
        tiny_sp_model,
        from_code="en",
        to_code="kk",
        version="1.0",
        seed=2,
    )
    return tiny_models.zip_dir(pkg, tiny_build_dir / "translate-en_kk-1_0.argosmodel")


@pytest.fixture(scope="session")
def tiny_nllb_dir(tiny_build_dir: Path, tiny_sp_model: Path) -> Path:
    """An NLLB-shaped CTranslate2 folder whose vocabulary has rus_Cyrl, eng_Latn, kaz_Cyrl."""
    return tiny_models.build_nllb_dir(tiny_build_dir / "tiny-nllb-200", tiny_sp_model, seed=3)


# --- isolated store and installed models ------------------------------------------------


@pytest.fixture
def model_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModelStore:
    """An empty model store in ``tmp_path``; the environment points every default at it."""
    root = tmp_path / "store"
    env = {
        "PROCESSOR_DATA_DIR": root / "processor",
        "ARGOS_PACKAGES_DIR": root / "argos-packages",
        "XDG_DATA_HOME": root / "xdg-data",
        "XDG_CONFIG_HOME": root / "xdg-config",
        "XDG_CACHE_HOME": root / "xdg-cache",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, str(value))
    for key in ("PROCESSOR_MODEL_INDEX", "ARGOS_PACKAGE_INDEX", "ARGOS_DEVICE_TYPE"):
        monkeypatch.delenv(key, raising=False)
    store = ModelStore()
    assert store.argos_dir == env["ARGOS_PACKAGES_DIR"]
    return store


@pytest.fixture
def tiny_ru_en(model_store: ModelStore, tiny_ru_en_archive: Path) -> InstalledModel:
    """A tiny Argos ru->en package installed (through the real install path) in the store."""
    return model_store.install(str(tiny_ru_en_archive))


@pytest.fixture
def tiny_en_kk(model_store: ModelStore, tiny_en_kk_archive: Path) -> InstalledModel:
    return model_store.install(str(tiny_en_kk_archive))


@pytest.fixture
def tiny_multilingual(model_store: ModelStore, tiny_nllb_dir: Path) -> InstalledModel:
    """A tiny NLLB-shaped model covering ru, en and kk, installed as a model folder."""
    return model_store.install(str(tiny_nllb_dir), name="tiny-nllb-200")


@pytest.fixture
def tiny_settings():
    """Decoding settings that keep random-weight models fast."""
    from processor.translation.engines.ct2 import TranslationSettings

    return TranslationSettings(beam_size=2, max_decoding_length=TINY_MAX_DECODING)


# --- loopback package index ---------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def index_server(tmp_path: Path, tiny_ru_en_archive: Path) -> Iterator[str]:
    """A loopback HTTP server with an Argos index whose links point at itself.

    Serves ``index.json`` (the repository's copy in tests/data/argos, links rewritten),
    the tiny ru->en package under its real file name, and ``broken.argosmodel``
    (truncated).  Yields the base URL.
    """
    root = tmp_path / "http"
    root.mkdir()
    archive = tiny_ru_en_archive.read_bytes()
    (root / tiny_ru_en_archive.name).write_bytes(archive)
    (root / "broken.argosmodel").write_bytes(archive[: len(archive) // 2])
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root))
    )
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    index = json.loads(data.ARGOS_INDEX.read_text("utf-8"))
    for entry in index:
        links = entry.get("links") or []
        entry["links"] = [base + link.rsplit("/", 1)[-1] for link in links]
    (root / "index.json").write_text(json.dumps(index), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


# --- network guard ------------------------------------------------------------------------


class NetworkGuard:
    """Records (and refuses) every network connection attempt while active."""

    def __init__(self) -> None:
        self.attempts: list[str] = []
        self._allowed = False

    @contextlib.contextmanager
    def allowed(self) -> Iterator[None]:
        """Permit connections inside the block (an explicit model install)."""
        self._allowed = True
        try:
            yield
        finally:
            self._allowed = False

    def check(self, what: str, address: object) -> None:
        if self._allowed:
            return
        self.attempts.append(f"{what} {address!r}")
        raise OSError(f"network access attempted in an offline test: {what} {address!r}")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[NetworkGuard]:
    """Fail the test if anything tries to open a network connection (Unix sockets allowed)."""
    guard = NetworkGuard()
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo
    real_create_connection = socket.create_connection

    def is_unix(sock: socket.socket) -> bool:
        return getattr(socket, "AF_UNIX", None) == sock.family

    def connect(self: socket.socket, address: object) -> None:
        if not is_unix(self):
            guard.check("connect", address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if not is_unix(self):
            guard.check("connect_ex", address)
        return real_connect_ex(self, address)

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> list:
        guard.check("getaddrinfo", host)
        return real_getaddrinfo(host, *args, **kwargs)

    def create_connection(address: object, *args: object, **kwargs: object) -> socket.socket:
        guard.check("create_connection", address)
        return real_create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    yield guard
    if guard.attempts:
        pytest.fail("network connection attempted: " + "; ".join(guard.attempts))
