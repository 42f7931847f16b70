"""The response cache answers repeated GETs from memory and never serves a stale answer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from tests.api.analysis_fixtures import ARTICLE, create_catalogue


@pytest.fixture
def analysed(client: FlaskClient) -> dict[str, Any]:
    ids = create_catalogue(client)
    ids["article"] = client.post("/api/v1/articles?wait=30", json=ARTICLE).json["id"]
    return ids


def _get(client: FlaskClient, url: str) -> tuple[str, Any]:
    response = client.get(url)
    assert response.status_code == 200
    return response.headers["X-Cache"], response.json


def test_second_identical_get_is_a_hit_with_the_same_body_and_etag(
    client: FlaskClient, analysed: dict[str, Any]
) -> None:
    url = f"/api/v1/actors/{analysed['norway']}/history?interval=month"
    first, second = client.get(url), client.get(url)
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("miss", "hit")
    assert first.get_data() == second.get_data()
    assert first.headers["ETag"] == second.headers["ETag"]
    conditional = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert conditional.status_code == 304


def test_review_invalidates_every_view_of_the_record(client: FlaskClient, analysed: dict[str, Any]) -> None:
    feed_url = f"/api/v1/stances?actor={analysed['norway']}"
    _, feed = _get(client, feed_url)
    record = feed["items"][0]
    new_label = "neutral" if record["label"] != "neutral" else "support"
    article_url = f"/api/v1/articles/{analysed['article']}"
    _get(client, article_url)
    assert _get(client, feed_url)[0] == "hit"
    assert _get(client, article_url)[0] == "hit"
    patched = client.patch(f"/api/v1/stances/{record['id']}", json={"label": new_label, "reviewer": "ana"})
    assert patched.status_code == 200
    state, feed_after = _get(client, feed_url)
    assert state == "miss"
    assert feed_after["items"][0]["label"] == new_label
    state, article = _get(client, article_url)
    assert state == "miss"
    assert {s["id"]: s["label"] for s in article["stances"]}[record["id"]] == new_label


def test_renaming_an_issue_reaches_cached_stance_pages(client: FlaskClient, analysed: dict[str, Any]) -> None:
    url = f"/api/v1/stances?issue={analysed['issue']}"
    _get(client, url)
    assert _get(client, url)[0] == "hit"
    renamed = client.patch(f"/api/v1/issues/{analysed['issue']}", json={"name": "lethal aid to rebels"})
    assert renamed.status_code == 200
    state, feed = _get(client, url)
    assert state == "miss"
    assert {item["issue"]["name"] for item in feed["items"]} == {"lethal aid to rebels"}


def test_new_articles_leave_stance_views_cached_but_refresh_article_lists(
    client: FlaskClient, analysed: dict[str, Any]
) -> None:
    history = f"/api/v1/actors/{analysed['sweden']}/history?interval=year"
    _get(client, history)
    _get(client, "/api/v1/articles")
    # Not English: stored and marked unsupported, no analysis run (the test queue runs jobs at once).
    text = "Der Bundestag hat am Donnerstag lange über den neuen Haushalt der Regierung beraten."
    queued = client.post("/api/v1/articles", json={"text": text})
    assert queued.status_code in (200, 202)
    assert _get(client, history)[0] == "hit"
    state, articles = _get(client, "/api/v1/articles")
    assert state == "miss"
    assert queued.json["id"] in {a["id"] for a in articles["items"]}


def test_an_article_stays_cached_while_others_arrive_and_refreshes_when_it_changes(
    client: FlaskClient, analysed: dict[str, Any], database_url: str
) -> None:
    url = f"/api/v1/articles/{analysed['article']}"
    _get(client, url)
    assert _get(client, url)[0] == "hit"
    engine = sa.create_engine(database_url)
    now = datetime(2024, 1, 1)
    try:
        with engine.begin() as conn:  # another writer (a batch import, another worker) adds an article
            conn.execute(
                sa.text(
                    "INSERT INTO articles (title, text, content_hash, status, attempts, created_at, updated_at) "
                    "VALUES ('other', 'x', :hash, 'queued', 0, :now, :now)"
                ),
                {"hash": "c" * 64, "now": now},
            )
        assert _get(client, url)[0] == "hit"
        with engine.begin() as conn:  # ... and then this article's own row changes
            conn.execute(
                sa.text("UPDATE articles SET title = 'Retitled' WHERE id = :id"), {"id": analysed["article"]}
            )
    finally:
        engine.dispose()
    state, article = _get(client, url)
    assert state == "miss"
    assert article["title"] == "Retitled"


def test_errors_and_unauthorised_requests_are_never_cached(client: FlaskClient) -> None:
    for _ in range(2):
        missing = client.get("/api/v1/actors/999999/history")
        assert missing.status_code == 404
        assert missing.headers.get("X-Cache") != "hit"


def test_cache_can_be_turned_off(settings_overrides: dict[str, object]) -> None:
    from service.web.app import create_app

    app = create_app({**settings_overrides, "response_cache_mb": 0})
    client = app.test_client()
    for _ in range(2):
        response = client.get("/api/v1/issues")
        assert response.status_code == 200
        assert "X-Cache" not in response.headers
