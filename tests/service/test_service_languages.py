"""The service takes every memo language the CLI takes, kk-latn included."""

from __future__ import annotations

import time
from pathlib import Path

from tests.support.data import SEED


def test_briefs_take_kk_latn_and_refuse_unknown_languages(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from processor.service.app import ServiceConfig, create_app

    with TestClient(
        create_app(ServiceConfig(tmp_path / "data")), base_url="http://127.0.0.1"
    ) as client:
        files = [("files", (SEED.name, SEED.read_bytes()))]
        refused = client.post("/api/briefs", files=files, data={"languages": "kk-cyrl"})
        assert refused.status_code in (400, 422), refused.text
        response = client.post("/api/briefs", files=files, data={"languages": "ru,kk-latn"})
        assert response.status_code == 202, response.text
        job = response.json()
        deadline = time.monotonic() + 90
        while job["status"] in ("queued", "running") and time.monotonic() < deadline:
            time.sleep(0.2)
            job = client.get(f"/api/jobs/{job['id']}").json()
    # No Kazakh model here: the Russian memo is written and kk-latn is reported missing.
    (outcome,) = job["outcomes"]
    assert "kk-latn" in str(outcome["missing"]), outcome
    assert any(str(o).endswith(".ru.docx") for o in outcome["outputs"]), outcome
