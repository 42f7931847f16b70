"""Batching across articles: a worker job takes the other articles waiting in
the queue along with its own (one model call), stores each on its own, and
the companions' own jobs then find nothing left to do."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from service.web.app import create_app
from service.worker.tasks import huey
from tests.api.analysis_fixtures import ARTICLE, create_catalogue

FRENCH = (
    "Le gouvernement norvégien s'oppose à l'envoi d'armes aux rebelles, a déclaré jeudi la "
    "ministre des Affaires étrangères. Selon elle, armer les rebelles ne ferait que prolonger la guerre."
)


@pytest.fixture
def deferred_queue() -> Iterator[Any]:
    """The queue as a worker sees it: jobs wait until something executes them."""
    huey.flush()
    huey.immediate = False
    yield huey
    huey.immediate = True
    huey.flush()


def _run_next_job(queue: Any, app: Flask) -> None:
    task = queue.dequeue()
    assert task is not None
    with app.app_context():
        queue.execute(task)


def _article(number: int, text: str | None = None) -> dict[str, Any]:
    body = text or ARTICLE["text"] + f"\n\nUpdate {number}: talks resume next week."
    return {**ARTICLE, "url": f"https://example.org/news/{number}", "text": body}


def test_one_job_analyses_the_waiting_articles_and_their_jobs_find_them_done(
    settings_overrides: dict[str, Any], deferred_queue: Any
) -> None:
    app = create_app({**settings_overrides, "worker_batch": 3})
    client = app.test_client()
    create_catalogue(client)
    ids = [client.post("/api/v1/articles", json=_article(n)).json["id"] for n in range(4)]
    assert {client.get(f"/api/v1/articles/{i}").json["status"] for i in ids} == {"queued"}

    _run_next_job(deferred_queue, app)

    statuses = [client.get(f"/api/v1/articles/{i}").json["status"] for i in ids]
    assert statuses == ["done", "done", "done", "queued"], "its own article and the 2 oldest waiting"
    for _ in range(3):
        _run_next_job(deferred_queue, app)
    assert deferred_queue.pending_count() == 0
    for article_id in ids:
        article = client.get(f"/api/v1/articles/{article_id}").json
        assert article["status"] == "done" and article["stances"]
        runs = client.get(f"/api/v1/articles/{article_id}/runs").json["items"]
        assert len(runs) == 1, "a companion's own job found it done and analysed nothing"


def test_an_article_that_fails_in_a_batch_does_not_fail_the_others(
    settings_overrides: dict[str, Any], deferred_queue: Any
) -> None:
    app = create_app({**settings_overrides, "worker_batch": 8})
    client = app.test_client()
    create_catalogue(client)
    english = client.post("/api/v1/articles", json=_article(1)).json["id"]
    french = client.post("/api/v1/articles", json=_article(2, FRENCH)).json["id"]
    other = client.post("/api/v1/articles", json=_article(3)).json["id"]

    _run_next_job(deferred_queue, app)

    assert client.get(f"/api/v1/articles/{english}").json["status"] == "done"
    assert client.get(f"/api/v1/articles/{other}").json["status"] == "done"
    refused = client.get(f"/api/v1/articles/{french}").json
    assert refused["status"] == "unsupported" and refused["language"] == "fr"


def test_a_job_run_inline_by_a_request_takes_no_companions(settings_overrides: dict[str, Any]) -> None:
    app = create_app({**settings_overrides, "worker_batch": 8})
    client = app.test_client()
    create_catalogue(client)
    huey.immediate = False
    try:
        waiting = client.post("/api/v1/articles", json=_article(1)).json["id"]
    finally:
        huey.immediate = True
        huey.flush()
    inline = client.post("/api/v1/articles", json=_article(2)).json["id"]

    assert client.get(f"/api/v1/articles/{inline}").json["status"] == "done"
    assert client.get(f"/api/v1/articles/{waiting}").json["status"] == "queued"
