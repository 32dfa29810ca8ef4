"""The web app in a real browser: headless Chromium (Debian's package) driven by Selenium clicks
stories -> story -> article -> search and saves screenshots: to a temporary folder, or to the folder
named by STORYTRACE_SCREENSHOTS (`make screenshots` refreshes docs/screenshots/ this way), so a test
run never rewrites committed files.

Skips with a reason when Selenium, chromium or chromedriver is missing
(`apt-get install -y chromium chromium-driver`, `pip install selenium`).
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

SCREENSHOTS = Path(os.environ.get("STORYTRACE_SCREENSHOTS") or tempfile.mkdtemp(prefix="storytrace-screenshots-"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1000",
]

selenium = pytest.importorskip("selenium", reason="selenium is not installed (pip install selenium)")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="no chromium/chromedriver binary found (apt-get install -y chromium chromium-driver)",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(example_dossier, tmp_path_factory):
    """uvicorn on 127.0.0.1 (a free port) in a thread, serving a store made from the example dossier."""
    import uvicorn

    from storytrace.store.add import save_dossier
    from storytrace.web import create_app

    db = tmp_path_factory.mktemp("browser") / "dossier.db"
    save_dossier(example_dossier, db)
    port = free_port()
    app = create_app(db, allowed_hosts=["127.0.0.1", "localhost"])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="storytrace-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def shoot(driver, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return Math.min(document.body.scrollHeight, 2000)")
    driver.set_window_size(1280, max(800, height))
    assert driver.save_screenshot(str(SCREENSHOTS / name))
    driver.set_window_size(1280, 1000)


def test_browser_click_story_article_search(server, browser, example_dossier):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    story = example_dossier.stories[0]
    browser.get(server + "/")
    assert "Stories" in browser.title
    links = browser.find_elements(By.CSS_SELECTOR, "#stories a.story-link")
    assert sorted(link.text for link in links) == sorted(s.title for s in example_dossier.stories)
    shoot(browser, "stories.png")

    next(link for link in links if link.text == story.title).click()
    assert browser.find_element(By.ID, "story-title").text == story.title
    facts = browser.find_elements(By.CSS_SELECTOR, "#facts tbody tr")
    assert len(facts) == len(story.facts)
    assert browser.find_elements(By.CSS_SELECTOR, ".conflict") or not story.conflicts
    shoot(browser, "story.png")

    first = browser.find_elements(By.CSS_SELECTOR, "#story-articles a.article-link")[0]
    title = first.text
    first.click()
    assert browser.find_element(By.ID, "article-title").text == title
    text = browser.find_element(By.ID, "article-text")
    assert text.find_elements(By.CSS_SELECTOR, "mark.source") and text.find_elements(By.CSS_SELECTOR, ".sent.claim")
    removed = browser.find_elements(By.CSS_SELECTOR, "details#removed")
    if removed:  # boilerplate is hidden until asked for
        item = removed[0].find_element(By.CSS_SELECTOR, "li")
        assert not item.is_displayed()
        removed[0].find_element(By.TAG_NAME, "summary").click()
        assert item.is_displayed()
    shoot(browser, "article.png")

    box = browser.find_element(By.CSS_SELECTOR, "nav input[type=search]")
    box.send_keys("trapped", Keys.ENTER)
    # Enter submits a form: wait for the results page instead of reading the page it replaces
    hits = WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#article-hits li"))
    assert hits and browser.find_elements(By.CSS_SELECTOR, "#claim-hits mark.hit")
    hits[0].find_element(By.TAG_NAME, "a").click()
    assert browser.find_element(By.ID, "article-text").text


def test_browser_upload_adds_an_article(server, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    article = tmp_path / "closure.txt"
    article.write_text(
        "Korrin Ridge mine to stay shut while inspectors work\n\nVashmoor Courier\nMarch 11, 2025\n\n"
        "Inspectors will spend three weeks in the lower gallery of the Korrin Ridge tin mine before any decision "
        "on reopening, the provincial mines office said on Tuesday.\n",
        encoding="utf-8",
    )
    browser.get(server + "/upload")
    browser.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(article))
    browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    # the server analyses the upload before it answers (the first one also loads the language model)
    WebDriverWait(browser, 120).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#upload-results tbody tr"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#upload-results tbody tr")
    assert [r.find_elements(By.TAG_NAME, "td")[1].text for r in rows] == ["added"]
    rows[0].find_element(By.TAG_NAME, "a").click()
    assert browser.find_element(By.ID, "article-title").text == "Korrin Ridge mine to stay shut while inspectors work"
