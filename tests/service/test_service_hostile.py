"""Issue 21, items 4, 5 and 6: the service as a target.  Host names, origins and the page's
token, security headers, keys compared as bytes, no server paths, no empty job folders,
bodies refused while they arrive, glossary look-ups off the event loop."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from processor.service.app import ServiceConfig, create_app
from processor.service.uploads import Limits
from tests.support.data import SEED
from tests.support.pipeline import run

OWN = "http://127.0.0.1"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[object]:
    from fastapi.testclient import TestClient

    limits = Limits(max_files=3, max_file_bytes=2**20, max_total_bytes=2 * 2**20)
    app = create_app(ServiceConfig(tmp_path / "data", limits=limits))
    with TestClient(app, base_url=OWN) as test_client:
        yield test_client


def _jobs(tmp_path: Path) -> list[Path]:
    root = tmp_path / "data"
    return [p for p in root.rglob("*") if p.is_dir() and p.name not in (".incoming",)]


def _token(client) -> str:
    page = client.get("/").text
    found = re.search(r'name="processor-token" content="([^"]+)"', page)
    assert found, "the page holds no token"
    return found.group(1)


def _article() -> dict[str, tuple[str, bytes, str]]:
    return {"files": ("a.txt", SEED.read_bytes(), "text/plain")}


def test_foreign_host_names_are_refused(client) -> None:
    for path in ("/api/models", "/", "/health"):
        response = client.get(path, headers={"Host": "evil.example"})
        assert response.status_code == 421, path
        assert "evil.example" in response.json()["detail"]
    assert client.get("/health", headers={"Host": "localhost:8765"}).status_code == 200


def test_cross_origin_posts_are_refused_and_leave_nothing(client, tmp_path: Path) -> None:
    before = _jobs(tmp_path)
    foreign = {"Origin": "http://127.0.0.1:9999"}
    response = client.post("/api/briefs", files=_article(), data={"languages": "ru"},
                           headers=foreign)  # fmt: skip
    assert response.status_code == 403
    # Same origin but no token (a form post from a page of this origin, say): refused too.
    response = client.post("/api/briefs", files=_article(), data={"languages": "ru"},
                           headers={"Origin": OWN})  # fmt: skip
    assert response.status_code == 403
    assert _jobs(tmp_path) == before
    # The page's own request: its origin and its token.
    own = {"Origin": OWN, "X-Processor-Token": _token(client)}
    response = client.post("/api/briefs", files=_article(), data={"languages": "ru"}, headers=own)
    assert response.status_code == 202, response.text


def test_security_headers_on_every_response(client) -> None:
    for response in (client.get("/"), client.get("/api/models"), client.get("/nope")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_no_server_paths_in_responses(client, tmp_path: Path) -> None:
    body = client.get("/api/models").text
    assert str(tmp_path) not in body and "/home" not in body and "_dir" not in body


def test_rejected_uploads_leave_no_job_folder(client, tmp_path: Path) -> None:
    before = _jobs(tmp_path)
    for files in (
        {"files": ("empty.txt", b"  \n", "text/plain")},
        {"files": ("a.exe", b"MZ", "application/octet-stream")},
        {"files": ("big.txt", b"a" * (2**20 + 10), "text/plain")},
    ):
        assert client.post("/api/briefs", files=files).status_code in (400, 413, 415)
    assert _jobs(tmp_path) == before


def test_bodies_are_refused_while_they_arrive(client) -> None:
    def endless() -> Iterator[bytes]:  # no Content-Length: the count must stop it
        for _ in range(10_000):
            yield b"x" * 2**16

    response = client.post(
        "/api/glossary/find", content=endless(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    huge = {"Content-Length": str(10**10), "Content-Type": "application/json"}
    assert client.post("/api/glossary/find", content=b"{}", headers=huge).status_code == 413


def test_api_keys_are_compared_as_bytes(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    app = create_app(ServiceConfig(tmp_path / "data", api_key="ключ"))
    with TestClient(app, base_url=OWN) as client:
        # Non-ASCII keys (raw UTF-8 bytes in the header) were a 500 with a traceback.
        wrong = {"X-API-Key": "nøkkel".encode()}
        assert client.get("/api/models", headers=wrong).status_code == 401
        right = {"X-API-Key": "ключ".encode()}
        assert client.get("/api/models", headers=right).status_code == 200


def test_a_blank_api_key_is_refused() -> None:
    result = run("serve", "--host", "0.0.0.0", "--api-key", "   ")
    assert result.exit_code == 2
    assert "blank" in result.output


def _slow_find_text(size: int) -> str:
    """The slowest text for glossary matching (bench/bench_find_bound.py): a glossary
    surname before each of thousands of distinct capitalized words."""
    import random

    rng = random.Random(1)
    words = " ".join(
        "Токаев " + "".join(rng.choice("абвгдежзиклмнопрст") for _ in range(7)).capitalize()
        for _ in range(size // 20)
    )
    return words.encode()[:size].decode("utf-8", "ignore")


def test_glossary_find_text_is_bounded(client) -> None:
    # The bound keeps the slowest text within seconds; the upload limit (20 MB) let a
    # 17 MB text take one of the server's threads for 16 s.
    over = client.post("/api/glossary/find", json={"text": "Токаев " * 40_000})  # 520 KB
    assert over.status_code == 413
    assert "KB limit" in over.json()["detail"]
    started = time.monotonic()
    within = client.post("/api/glossary/find", json={"text": _slow_find_text(250 * 1024)})
    assert within.status_code == 200 and within.json()["matches"]
    assert time.monotonic() - started < 60


def test_glossary_find_does_not_hold_the_event_loop(tmp_path: Path) -> None:
    from tests.service.test_service import start_service

    proc, url = start_service(tmp_path / "data", "--max-upload-mb", "8")
    try:
        text = _slow_find_text(250 * 1024)  # within the find bound: seconds of matching
        httpx.post(f"{url}/api/glossary/find", json={"text": "Токаев"}, timeout=60)  # warm
        finished: list[float] = []

        def find() -> None:
            httpx.post(f"{url}/api/glossary/find", json={"text": text}, timeout=300)
            finished.append(time.monotonic())

        worker = threading.Thread(target=find)
        worker.start()
        time.sleep(0.5)
        assert httpx.get(f"{url}/health", timeout=60).status_code == 200
        answered = time.monotonic()
        worker.join()
        assert finished and answered < finished[0], "/health waited for the look-up"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
