"""The HTTP service: a real server on loopback, real uploads, real memos read back."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import httpx
import pytest

from tests.support.data import SEED


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_service(data: Path, *args: str) -> tuple[subprocess.Popen[bytes], str]:
    """``processor serve`` in a subprocess on a free loopback port; waits for /health.

    Its model store and config live under ``data`` too: the service sees no model of
    the machine's, and Russian memos need none.
    """
    port = free_port()
    env = os.environ.copy()
    for key in ("PROCESSOR_DATA_DIR", "ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env[key] = str(data.parent / "home" / key.lower())
    proc = subprocess.Popen(
        [sys.executable, "-m", "processor", "serve", "--port", str(port), "--data", str(data),
         *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read().decode() if proc.stderr else "exited")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("the service did not answer /health within 60 s")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """One service for the module: the tests also show it keeps serving after bad input."""
    data = tmp_path_factory.mktemp("service") / "data"
    proc, url = start_service(data, "--max-upload-mb", "1", "--max-files", "3")
    try:
        yield url, data
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def wait_for(url: str, job: dict, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while job["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, job
        time.sleep(0.3)
        job = httpx.get(f"{url}/api/jobs/{job['id']}", timeout=10).json()
    return job


def post_brief(url: str, files: list[tuple[str, bytes]], **form: str) -> httpx.Response:
    return httpx.post(
        f"{url}/api/briefs",
        files=[("files", (name, data)) for name, data in files],
        data={"languages": "ru", **form},
        timeout=30,
    )


def test_seed_article_becomes_a_memo_over_http(service) -> None:
    url, data = service
    response = post_brief(url, [(SEED.name, SEED.read_bytes())], formats="docx,json")
    assert response.status_code == 202, response.text
    job = wait_for(url, response.json())
    assert job["status"] == "done", job
    (outcome,) = job["outcomes"]
    assert outcome["source"] == SEED.name and not outcome.get("error")
    docx_link = next(link for link in job["files"] if link.endswith(".docx"))
    memo = httpx.get(docx_link, timeout=10)
    assert memo.status_code == 200
    document = docx.Document(io.BytesIO(memo.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Токаев" in text and len(document.paragraphs) > 5
    json_link = next(link for link in job["files"] if link.endswith(".json"))
    assert httpx.get(json_link, timeout=10).json()
    # Everything the service wrote lives in its data folder.
    written = [p for p in data.rglob("*") if p.is_file()]
    assert any(p.suffix == ".docx" for p in written)
    assert all(data in p.parents for p in written)


@pytest.mark.parametrize(
    ("name", "content", "status", "reason"),
    [
        ("empty.txt", b"", 400, "empty"),
        ("blank.txt", b"  \n\n ", 400, "empty"),
        ("binary.txt", b"\x00\x01\x02" * 100, 400, "binary"),
        ("fake.docx", "Президент подписал указ.".encode(), 400, "not a DOCX"),
        ("fake.pdf", b"<html></html>", 400, "not a PDF"),
        ("tool.exe", b"MZ\x90\x00", 415, "unsupported type"),
        ("huge.txt", "Текст статьи. ".encode() * 100_000, 413, "limit"),
    ],
)
def test_bad_uploads_get_one_line_4xx_and_the_service_goes_on(
    service, name: str, content: bytes, status: int, reason: str
) -> None:
    url, _ = service
    response = post_brief(url, [(name, content)])
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert reason in detail and "\n" not in detail and name in detail
    assert httpx.get(f"{url}/health", timeout=5).json()["status"] == "ok"


def test_still_serving_memos_after_bad_uploads(service) -> None:
    url, _ = service
    good = post_brief(url, [(SEED.name, SEED.read_bytes())])
    assert wait_for(url, good.json())["status"] == "done"


def test_request_limits(service) -> None:
    url, _ = service
    too_many = post_brief(url, [(f"a{i}.txt", SEED.read_bytes()) for i in range(4)])
    assert too_many.status_code == 413 and "limit of 3" in too_many.json()["detail"]
    wrong = post_brief(url, [(SEED.name, SEED.read_bytes())], languages="de")
    assert wrong.status_code == 400 and "languages" in wrong.json()["detail"]
    missing = httpx.get(f"{url}/api/jobs/nope/files/x.docx", timeout=5)
    assert missing.status_code == 404
    escape = httpx.get(f"{url}/api/jobs/nope/files/..%2F..%2Fjob.json", timeout=5)
    assert escape.status_code == 404


def test_glossary_find_models_and_schema(service) -> None:
    url, _ = service
    found = httpx.post(
        f"{url}/api/glossary/find", json={"text": "Касым-Жомарт Токаев прибыл в Акорду."}
    )
    assert found.status_code == 200
    ids = {m["en"] for m in found.json()["matches"]}
    assert "Kassym-Jomart Tokayev" in ids
    models = httpx.get(f"{url}/api/models", timeout=10)
    assert models.status_code == 200
    # Issue 19.7: models and routes, never where the server keeps them.
    assert "argos_dir" not in models.json() and "models_dir" not in models.json()
    assert str(Path.home()) not in models.text and "/tmp" not in models.text
    assert set(models.json()["routes"]) == {"ru->en", "ru->kk"}
    schema = httpx.get(f"{url}/openapi.json", timeout=10).json()
    assert {"/api/briefs", "/api/jobs/{job_id}", "/api/glossary/find"} <= set(schema["paths"])
    page = httpx.get(f"{url}/", timeout=10)
    assert page.status_code == 200 and "<form" in page.text


def test_api_key_and_loopback_rule(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from processor.service.app import ServiceConfig, create_app

    app = create_app(ServiceConfig(tmp_path / "data", api_key="s3cret"))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/health").status_code == 200  # liveness needs no key
        assert client.post("/api/glossary/find", json={"text": "Мажилис"}).status_code == 401
        ok = client.post(
            "/api/glossary/find", json={"text": "Мажилис"}, headers={"X-API-Key": "s3cret"}
        )
        assert ok.status_code == 200 and ok.json()["matches"]
    refused = subprocess.run(
        [sys.executable, "-m", "processor", "serve", "--host", "0.0.0.0"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert refused.returncode == 2 and "--api-key" in refused.stderr


def test_a_job_opens_no_connection(tmp_path: Path, no_network) -> None:
    from fastapi.testclient import TestClient

    from processor.service.app import ServiceConfig, create_app

    with TestClient(
        create_app(ServiceConfig(tmp_path / "data")), base_url="http://127.0.0.1"
    ) as client:
        response = client.post(
            "/api/briefs",
            files=[("files", (SEED.name, SEED.read_bytes()))],
            data={"languages": "ru"},
        )
        job = response.json()
        deadline = time.monotonic() + 60
        while job["status"] in ("queued", "running") and time.monotonic() < deadline:
            time.sleep(0.2)
            job = client.get(f"/api/jobs/{job['id']}").json()
        assert job["status"] == "done"
    assert no_network.attempts == []


def test_translation_job_runs_translate_files(service) -> None:
    url, _ = service
    response = httpx.post(
        f"{url}/api/translations",
        files=[("files", (SEED.name, SEED.read_bytes()))],
        data={"to": "en"},
        timeout=30,
    )
    assert response.status_code == 202, response.text
    job = wait_for(url, response.json())
    assert job["status"] == "done", job
    (outcome,) = job["outcomes"]
    # No model in the service's store: the library's "missing", with the install command.
    # Issue 19.9: the same shape as the manifest's and Python's (Result.missing).
    assert outcome["status"] == "missing"
    [missing] = outcome["missing"]
    assert set(missing) == {"language", "reason", "install"}
    assert missing["language"] == "en" and "models install" in missing["install"]
    assert outcome["source"] == SEED.name and outcome["outputs"] == []


def test_serve_help_explains_every_option() -> None:
    """Issue 19.7: ``serve --help`` has a text for every option."""
    import click

    from processor.cli.serve import serve

    context = click.Context(serve)
    for param in serve.get_params(context):
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"{param.opts} has no help text"
    assert "Largest uploaded file" in serve.get_help(context)


def test_models_route_names_no_server_path(tmp_path: Path, tiny_ru_en) -> None:
    """Issue 19.7: an installed model is listed without its folder on the server."""
    from fastapi.testclient import TestClient

    from processor.service.app import ServiceConfig, create_app

    with TestClient(
        create_app(ServiceConfig(tmp_path / "data")), base_url="http://127.0.0.1"
    ) as client:
        listed = client.get("/api/models").json()
    assert [m["name"] for m in listed["models"]] == ["translate-ru_en"]
    assert "path" not in listed["models"][0]
    assert str(tiny_ru_en.path.parent) not in json.dumps(listed)


def test_health_says_whether_the_service_is_loopback_only(tmp_path: Path) -> None:
    """Issue 19.3: the page promises "files never leave this computer" only when true."""
    from fastapi.testclient import TestClient

    from processor.service.app import ServiceConfig, create_app

    for loopback in (True, False):
        config = ServiceConfig(tmp_path / "data", api_key="k", loopback_only=loopback)
        with TestClient(create_app(config), base_url="http://127.0.0.1") as client:
            assert client.get("/health").json()["loopback_only"] is loopback
