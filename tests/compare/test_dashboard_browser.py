"""The dashboard in headless Chromium: with the seed article and the development
articles ingested, it shows Russia and the United States on arming the Syrian
rebels over time, with the evidence one click away. Saves a screenshot."""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from service.store.actors import import_catalogue
from service.store.catalogue import load_default_catalogue
from service.web.app import create_app
from tests.compare.databases import app_settings, fresh_database
from tests.compare.dev_articles import DEV_ARTICLES, REVIEWED

SEED = Path(__file__).resolve().parents[3] / "shared" / "eval" / "seed"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARMING = "arming the Syrian rebels"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1900",
)

pytestmark = pytest.mark.skipif(
    not (SEED.is_dir() and CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="needs the seed folder and Debian's chromium + chromium-driver",
)


def seed_article() -> dict[str, Any]:
    meta = json.loads((SEED / "article.json").read_text())
    return {
        "title": meta["title"],
        "url": meta["url"],
        "source": meta["outlet"],
        "published_at": meta["published"],
        "text": (SEED / meta["text_file"]).read_text(),
    }


def ingest(app: Flask) -> dict[str, Any]:
    """The default catalogue (as `init` loads it), the seed issues, the seed and
    development articles, then reviewed labels for Russia and the United States."""
    from service.store.db import db

    with app.app_context():
        import_catalogue(db.session, load_default_catalogue())
    client = app.test_client()
    issues = {}
    for issue in json.loads((SEED / "issues.json").read_text()):
        body = {k: issue[k] for k in ("name", "description", "keywords")}
        issues[issue["name"]] = client.post("/api/v1/issues", json=body).json["id"]
    for article in [seed_article(), *DEV_ARTICLES]:
        response = client.post("/api/v1/articles?wait=60", json=article)
        assert response.json["status"] == "done", response.json
    issue = issues[ARMING]
    actors = {
        a["name"]: a["id"] for name in REVIEWED for a in client.get(f"/api/v1/actors?q={name}").json["items"]
    }
    found: dict[str, set[str]] = {}
    for name, days in REVIEWED.items():
        records = client.get(f"/api/v1/stances?actor={actors[name]}&issue={issue}&limit=500").json["items"]
        for record in records:
            label = days.get(record["observed_at"][:10], "neutral")
            client.patch(f"/api/v1/stances/{record['id']}", json={"label": label, "reviewer": "dev"})
        found[name] = {r["observed_at"][:10] for r in records}
    assert len(found["Russia"]) >= 3 and len(found["United States"]) >= 3, found
    return {"issue": issue, "russia": actors["Russia"], "us": actors["United States"], "found": found}


@pytest.fixture
def served(tmp_path: Path, tiny_model_dir: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """The app, loaded, served on a free loopback port from a thread."""
    with fresh_database("sqlite", tmp_path, postgres_ok=False) as url:
        app = create_app(app_settings(url, tmp_path, tiny_model_dir, load_default_actors=True))
        ids = ingest(app)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}", ids
        finally:
            server.shutdown()
            thread.join(5)
            from service.store.db import db

            with app.app_context():
                db.engine.dispose()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def test_dashboard_shows_russia_and_the_us_over_time_with_evidence(
    served: tuple[str, dict[str, Any]], browser: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, ids = served
    russia, us = ids["russia"], ids["us"]
    browser.get(f"{base}/#issue={ids['issue']}&actors={russia},{us}&a={russia}&b={us}&interval=month")
    wait = WebDriverWait(browser, 20)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    assert browser.find_element(By.ID, "issue").get_attribute("value") == str(ids["issue"])

    # The matrix: both actors with their latest (reviewed) stance.
    row = browser.find_element(By.CSS_SELECTOR, f"#matrix tr[data-actor-id='{russia}']")
    assert "Russia" in row.text and "oppose" in row.text
    assert "support" in browser.find_element(By.CSS_SELECTOR, f"#matrix tr[data-actor-id='{us}']").text

    # A timeline per actor: one point per record, on the reviewed labels.
    for actor, name in ((russia, "Russia"), (us, "United States")):
        points = browser.find_elements(By.CSS_SELECTOR, f".timeline[data-actor-id='{actor}'] .point")
        assert len(points) >= len(ids["found"][name])
    us_points = browser.find_elements(By.CSS_SELECTOR, f".timeline[data-actor-id='{us}'] .point")
    assert {p.get_attribute("data-label") for p in us_points} >= {"neutral", "support"}
    russia_points = browser.find_elements(By.CSS_SELECTOR, f".timeline[data-actor-id='{russia}'] .point")
    assert {p.get_attribute("data-label") for p in russia_points} == {"oppose"}

    # The evidence one click away, linked to its article.
    point = us_points[-1]
    hover = point.find_element(By.TAG_NAME, "title").get_attribute("textContent")
    point.click()
    record_id = point.get_attribute("data-record-id")
    panel = wait.until(
        lambda d: d.find_element(By.CSS_SELECTOR, f"#evidence-body .record[data-record-id='{record_id}']")
    )
    sentence = panel.find_element(By.CSS_SELECTOR, ".sentence").text
    assert sentence and sentence.split("(reported by")[0].strip() in hover
    link = panel.find_element(By.CSS_SELECTOR, "a.article-link").get_attribute("href")
    assert link.startswith("https://")

    # Two actors compared, and the agreement network drawn.
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#compare .compare-point"))
    assert browser.find_elements(By.CSS_SELECTOR, "#compare .agreement-bar")
    nodes = browser.find_elements(By.CSS_SELECTOR, "#network circle.node")
    assert {n.get_attribute("data-actor-id") for n in nodes} >= {str(russia), str(us)}
    assert browser.find_elements(By.CSS_SELECTOR, "#network .tie.conflict")

    shot = tmp_path / "dashboard.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    if target := os.environ.get("STANCE_DASHBOARD_SCREENSHOT"):
        shutil.copy(shot, target)
