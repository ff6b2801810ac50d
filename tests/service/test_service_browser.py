"""The analysts' web page in a real headless Chromium: upload an article, download the memo."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import docx
import pytest

from tests.service.test_service import start_service
from tests.support.data import SEED

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Debian's chromium and chromium-driver are not installed",
)


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    # Selenium Manager would look for drivers online: the machine's own driver only.
    monkeypatch.setenv("SE_OFFLINE", "true")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


def test_upload_through_the_page_and_download_the_memo(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    proc, url = start_service(tmp_path / "data")
    try:
        browser.get(url + "/")
        wait = WebDriverWait(browser, 90)
        # The interface speaks Kazakh and English too.
        browser.find_element(By.CSS_SELECTOR, "[data-lang=kk]").click()
        assert browser.find_element(By.ID, "submit").text == "Жазбаларды дайындау"
        browser.find_element(By.CSS_SELECTOR, "[data-lang=en]").click()
        assert browser.find_element(By.ID, "submit").text == "Prepare memos"

        browser.find_element(By.ID, "files").send_keys(str(SEED))
        for box in browser.find_elements(By.CSS_SELECTOR, "input[name=lang]"):
            if box.is_selected() != (box.get_attribute("value") == "ru"):
                box.click()  # no model here: the Russian memo
        browser.find_element(By.ID, "submit").click()
        link = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "a.result")))
        assert link.text.endswith(".docx")
        link.click()
        target = browser.downloads / link.text
        deadline = time.monotonic() + 30
        while not target.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        memo = docx.Document(str(target))
        assert any("Токаев" in p.text for p in memo.paragraphs)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_the_page_asks_for_the_api_key_once_and_downloads_with_it(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    proc, url = start_service(tmp_path / "data", "--api-key", "s3cret")
    try:
        browser.get(url + "/")
        wait = WebDriverWait(browser, 90)
        browser.find_element(By.ID, "files").send_keys(str(SEED))
        for box in browser.find_elements(By.CSS_SELECTOR, "input[name=lang]"):
            if box.is_selected() != (box.get_attribute("value") == "ru"):
                box.click()
        browser.find_element(By.ID, "submit").click()
        prompt = wait.until(ec.alert_is_present())
        prompt.send_keys("s3cret")
        prompt.accept()
        link = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "a.result")))
        link.click()
        target = browser.downloads / link.text
        deadline = time.monotonic() + 30
        while not target.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert any("Токаев" in p.text for p in docx.Document(str(target)).paragraphs)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


# What each interface language must say (a change of wording changes these on purpose).
DONE = {"ru": "Готово", "kk": "Дайын", "en": "Done"}
LOCAL = {
    "ru": "Работает полностью локально: файлы не покидают этот компьютер.",
    "kk": "Толығымен жергілікті жұмыс істейді: файлдар осы компьютерден шықпайды.",
    "en": "Runs entirely on this computer: files never leave it.",
}
MISSING = {"ru": "нет модели перевода", "kk": "аударма моделі жоқ", "en": "no translation model"}


def _page_words(browser) -> str:
    """The status area's text as a reader sees it, without what is not prose: file names
    (links and the source), commands (code) and the service's own words (details)."""
    return browser.execute_script(
        """
        const copy = document.getElementById('status').cloneNode(true);
        copy.querySelectorAll('a, code, details').forEach((el) => el.remove());
        return copy.textContent;
        """
    ).replace(SEED.name, "")


def _submit(browser, languages: set[str]):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.find_element(By.ID, "files").send_keys(str(SEED))
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name=lang]"):
        if box.is_selected() != (box.get_attribute("value") in languages):
            box.click()
    browser.find_element(By.ID, "submit").click()
    WebDriverWait(browser, 120).until(
        lambda b: b.find_element(By.ID, "state").text in DONE.values()
    )


@pytest.mark.parametrize("models", [False, True], ids=["no-model", "tiny-model"])
def test_the_page_speaks_one_language(
    browser, tmp_path: Path, monkeypatch, tiny_ru_en_archive, models: bool
) -> None:
    """Issue 19.3: in each interface language every line of the page is in that language,
    also after switching; missing models are said with the command as code, not as the
    API's English; the footer's promise is the loopback one."""
    from selenium.webdriver.common.by import By

    from processor.translation.models.store import ModelStore

    data = tmp_path / "data"
    if models:  # the service's own store (start_service points it there)
        home = data.parent / "home"
        monkeypatch.setenv("PROCESSOR_DATA_DIR", str(home / "processor_data_dir"))
        monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(home / "argos_packages_dir"))
        ModelStore().install(str(tiny_ru_en_archive))
    proc, url = start_service(data)
    try:
        browser.get(url + "/")
        _submit(browser, {"en"} if models else {"en", "kk"})
        for ui in ("ru", "kk", "en", "ru"):
            browser.find_element(By.CSS_SELECTOR, f"[data-lang={ui}]").click()
            assert browser.find_element(By.ID, "state").text == DONE[ui]
            assert browser.find_element(By.ID, "footer").text == LOCAL[ui]
            words = _page_words(browser)
            if ui != "en":  # no English left on a Russian or Kazakh page
                assert not re.search(r"[A-Za-z]", words), words
            rows = browser.find_elements(By.CSS_SELECTOR, "#results .missing")
            [outcome] = browser.find_elements(By.CSS_SELECTOR, "#results li")
            links = [a.text for a in outcome.find_elements(By.CSS_SELECTOR, "a.result")]
            if models:
                assert rows == [] and links == ["zakon-tokayev-trump.en.docx"]
                continue
            assert links == ["zakon-tokayev-trump.ru.docx"]  # the article's own language
            assert len(rows) == 2 and all(MISSING[ui] in row.text for row in rows)
            commands = [c.text for c in rows[0].find_elements(By.TAG_NAME, "code")]
            assert commands == ["processor models install translate-ru_en"]
            kazakh = [c.text for c in rows[1].find_elements(By.TAG_NAME, "code")]
            assert kazakh[0] == "processor models install nllb-200-distilled-600M"
            assert not re.search(r"\b\d+: ", words), "list indexes shown as keys"
        # A service shared on a network makes no promise about this computer.
        browser.execute_script("loopbackOnly = false; drawFooter();")
        assert "интернет" in browser.find_element(By.ID, "footer").text
    finally:
        proc.terminate()
        proc.wait(timeout=20)


EVIL_PAGE = """<!doctype html><html><head><meta charset="utf-8"></head><body><script>
const target = "%(target)s";
const form = new FormData();
form.append("files", new Blob([%(text)s], {type: "text/plain"}), "a.txt");
form.append("languages", "ru");
// A simple request (multipart, no custom header): no preflight, as a plain form post.
fetch(target + "/api/briefs", {method: "POST", body: form, mode: "no-cors"})
  .then(() => { window.posted = "sent"; }, () => { window.posted = "failed"; });
fetch(target + "/api/models").then(r => r.text())
  .then(t => { window.read = "read: " + t.slice(0, 40); }, () => { window.read = "blocked"; });
</script></body></html>"""


def _jobs(data: Path) -> list[Path]:
    return [p.parent for p in data.rglob("in") if p.is_dir()]


def test_a_page_of_another_origin_can_neither_start_a_job_nor_read_the_api(
    browser, tmp_path: Path
) -> None:
    """Issue 21, item 6 (done when): a page served from another loopback port cannot start
    a job or read the API; the page and the API still work from their own origin."""
    import http.server
    import json
    import threading

    proc, url = start_service(tmp_path / "data")
    evil = tmp_path / "evil"
    evil.mkdir()
    text = json.dumps(SEED.read_text(encoding="utf-8")[:2000])
    (evil / "index.html").write_text(EVIL_PAGE % {"target": url, "text": text}, encoding="utf-8")
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(evil), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        browser.get(f"http://127.0.0.1:{server.server_address[1]}/index.html")
        deadline = time.monotonic() + 30
        state: dict[str, str | None] = {}
        while time.monotonic() < deadline:
            state = browser.execute_script("return {posted: window.posted, read: window.read}")
            if state.get("posted") and state.get("read"):
                break
            time.sleep(0.2)
        assert state.get("posted"), "the foreign page never sent its post"
        assert state.get("read") == "blocked", state
        time.sleep(1)
        assert _jobs(tmp_path / "data") == [], "a foreign page started a job"

        # From its own origin, the page's token makes the same requests work.
        browser.get(url + "/")
        answer = browser.execute_async_script(
            """const done = arguments[arguments.length - 1];
            const form = new FormData();
            form.append("files", new Blob([ARTICLE], {type: "text/plain"}), "a.txt");
            form.append("languages", "ru");
            Promise.all([api("/api/models"), api("/api/briefs", {method: "POST", body: form})])
              .then(rs => done(rs.map(r => r.status)), e => done(String(e)));""".replace(
                "ARTICLE", text
            )
        )
        assert answer == [200, 202], answer
        assert len(_jobs(tmp_path / "data")) == 1
    finally:
        server.shutdown()
        proc.terminate()
        proc.wait(timeout=20)
