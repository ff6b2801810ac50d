"""The digest over HTTP and through the web page: a real server on loopback, real news."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import httpx
import pytest

from tests.digest.conftest import path_of
from tests.service.test_service import start_service, wait_for
from tests.service.test_service_browser import CHROMEDRIVER, CHROMIUM, browser  # noqa: F401

# The acting-akims decree told by three outlets, and the 2019 inauguration (a look-alike).
NUMBERS = (1, 2, 3, 10)


def test_digest_job_writes_one_digest_of_all_uploads(tmp_path: Path) -> None:
    proc, url = start_service(tmp_path / "data")
    try:
        files = [("files", (Path(path_of(n)).name, Path(path_of(n)).read_bytes())) for n in NUMBERS]
        english = b"The President signed a decree today. It takes effect on signing. " * 5
        files.append(("files", ("english.txt", english)))
        response = httpx.post(
            f"{url}/api/digests",
            files=files,
            data={"languages": "ru", "formats": "docx,json", "title": "Обзор за 26 ноября"},
            timeout=30,
        )
        assert response.status_code == 202, response.text
        job = wait_for(url, response.json(), timeout=300)
        assert job["status"] == "done" and job["kind"] == "digest", job
        by_source = {o["source"]: o for o in job["outcomes"]}
        stories = {by_source[Path(path_of(n)).name]["story"] for n in NUMBERS}
        assert len(stories) == 2  # three outlets, one story; the look-alike apart
        assert by_source["english.txt"]["status"] == "error"
        assert by_source["english.txt"]["reason"]
        assert str(tmp_path) not in json.dumps(job)  # no server path in the answer
        assert sorted(Path(link).name for link in job["files"]) == [
            "digest.ru.docx",
            "digest.ru.json",
        ]
        data = httpx.get(next(f for f in job["files"] if f.endswith(".json")), timeout=10).json()
        assert data["title"] == "Обзор за 26 ноября"
        assert [len(s["articles"]) for s in data["stories"]] == [3, 1]
        assert [f["input"].rsplit("/", 1)[-1] for f in data["failed"]] == ["english.txt"]
        memo = httpx.get(next(f for f in job["files"] if f.endswith(".docx")), timeout=10)
        document = docx.Document(io.BytesIO(memo.content))
        assert document.paragraphs[0].text == "Обзор за 26 ноября"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_bad_digest_language_is_a_400(tmp_path: Path) -> None:
    proc, url = start_service(tmp_path / "data")
    try:
        files = [("files", ("a.txt", Path(path_of(1)).read_bytes()))]
        response = httpx.post(f"{url}/api/digests", files=files, data={"languages": "de"})
        assert response.status_code == 400 and "languages" in response.json()["detail"]
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="no chromium and chromium-driver")
def test_digest_mode_of_the_page(browser, tmp_path: Path) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    proc, url = start_service(tmp_path / "data")
    try:
        browser.get(url + "/")
        browser.find_element(By.CSS_SELECTOR, "[data-lang=en]").click()
        mode = browser.find_element(By.CSS_SELECTOR, "input[name=mode][value=digests]")
        assert "each story once" in mode.find_element(By.XPATH, "..").text
        mode.click()
        browser.find_element(By.ID, "files").send_keys("\n".join(path_of(n) for n in NUMBERS))
        for box in browser.find_elements(By.CSS_SELECTOR, "input[name=lang]"):
            if box.is_selected() != (box.get_attribute("value") == "ru"):
                box.click()  # no model here: the Russian digest
        browser.find_element(By.ID, "submit").click()
        link = WebDriverWait(browser, 240).until(
            ec.element_to_be_clickable((By.CSS_SELECTOR, "a.result"))
        )
        assert link.text == "digest.ru.docx"
        results = browser.find_element(By.ID, "results").text
        assert results.count("s01") == 3 and "s02" in results
        link.click()
        target = browser.downloads / "digest.ru.docx"
        WebDriverWait(browser, 30).until(lambda _: target.exists())
        document = docx.Document(str(target))
        assert document.sections[0].header.paragraphs[0].text.startswith("Обзор прессы")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
