"""Webhooks against a local receiver: a stance change from an analysis or a
review is POSTed, signed, and logged as a delivery; filters, retries with a
failing receiver, admin-only access."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.web.app import create_app
from service.worker.tasks import huey
from tests.api.analysis_fixtures import ARTICLE, create_catalogue

SECRET = "a-long-enough-shared-secret"


class Receiver:
    """An HTTP server on loopback that records what it receives and answers `status`."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.status = 200
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                owner.received.append((dict(self.headers), body))
                self.send_response(owner.status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def events(self) -> list[dict[str, Any]]:
        return [json.loads(body) for _, body in self.received]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    running = Receiver()
    yield running
    running.server.shutdown()


def _subscribe(client: FlaskClient, url: str, **filters: int) -> dict[str, Any]:
    response = client.post("/api/v1/webhooks", json={"url": url, "secret": SECRET, **filters})
    assert response.status_code == 201, response.json
    assert "secret" not in response.json
    return response.json  # type: ignore[no-any-return]


def test_an_analysis_that_changes_a_stance_is_delivered_signed(
    client: FlaskClient, receiver: Receiver
) -> None:
    ids = create_catalogue(client)
    hook = _subscribe(client, receiver.url)
    only_sweden = _subscribe(client, receiver.url, actor_id=ids["sweden"])

    client.post("/api/v1/articles?wait=30", json=ARTICLE)

    assert receiver.received, "the analysis made first stances: each is a change"
    for headers, body in receiver.received:
        expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        assert headers["X-Stance-Signature"] == expected
        assert headers["X-Stance-Event"] == "stance.changed"
    events = receiver.events()
    assert all(e["cause"] == "analysis" and e["before"] is None and e["after"]["label"] for e in events)
    actors = {e["actor"]["name"] for e in events}
    assert {"Norway", "Sweden"} <= actors
    deliveries = client.get(f"/api/v1/webhooks/{hook['id']}/deliveries").json["items"]
    assert deliveries and {d["status"] for d in deliveries} == {"delivered"}
    assert all(d["attempts"] == 1 and d["response_status"] == 200 for d in deliveries)
    filtered = client.get(f"/api/v1/webhooks/{only_sweden['id']}/deliveries").json["items"]
    assert {d["event"]["actor"]["name"] for d in filtered} == {"Sweden"}


def test_a_review_that_flips_the_latest_stance_is_delivered(client: FlaskClient, receiver: Receiver) -> None:
    ids = create_catalogue(client)
    client.post("/api/v1/articles?wait=30", json=ARTICLE)
    (record, *_) = client.get(f"/api/v1/stances?actor={ids['norway']}").json["items"]
    _subscribe(client, receiver.url, actor_id=ids["norway"])
    flipped = "oppose" if record["label"] != "oppose" else "support"

    client.patch(f"/api/v1/stances/{record['id']}", json={"label": flipped, "reviewer": "ann"})
    client.patch(f"/api/v1/stances/{record['id']}", json={"label": flipped, "reviewer": "bob"})

    (event,) = receiver.events()  # the second review changes nothing
    assert event["cause"] == "review"
    assert event["before"]["label"] == record["label"] and event["after"]["label"] == flipped
    assert event["after"]["record_id"] == record["id"]


@pytest.fixture
def queue() -> Iterator[Any]:
    """The inline queue, emptied around the test (retries wait in its schedule)."""
    huey.flush()
    yield huey
    huey.flush()


def test_a_failing_receiver_is_retried_with_backoff_then_given_up(
    app: Flask, client: FlaskClient, receiver: Receiver, queue: Any
) -> None:
    ids = create_catalogue(client)
    hook = _subscribe(client, receiver.url, actor_id=ids["norway"])
    receiver.status = 500
    client.post("/api/v1/articles?wait=30", json=ARTICLE)

    for attempt in range(2, 6):
        (task,) = queue.scheduled()
        ahead = (task.eta - datetime.utcnow()).total_seconds()
        assert 10 * 2 ** (attempt - 2) - 5 < ahead <= 10 * 2 ** (attempt - 2)
        queue.read_schedule(task.eta)
        with app.app_context():
            queue.execute(task, timestamp=task.eta)

    assert queue.scheduled() == [], "five attempts in all"
    (delivery,) = client.get(f"/api/v1/webhooks/{hook['id']}/deliveries").json["items"]
    assert delivery["status"] == "failed" and delivery["attempts"] == 5
    assert delivery["response_status"] == 500 and delivery["error"] == "HTTP 500"
    assert len(receiver.received) == 5


def test_webhooks_are_for_admins_and_bad_subscriptions_are_refused(
    settings_overrides: dict[str, Any],
) -> None:
    app = create_app({**settings_overrides, "auth_enabled": True})
    client = app.test_client()
    runner = app.test_cli_runner()
    from service.cli.keys import keys

    def key(scope: str) -> dict[str, str]:
        output = runner.invoke(keys, ["create", "--name", scope, "--scope", scope]).output
        secret = next(word for word in output.split() if word.startswith("st_"))
        return {"X-API-Key": secret}

    body = {"url": "https://example.org/hook", "secret": SECRET}
    assert client.post("/api/v1/webhooks", json=body, headers=key("write")).status_code == 403
    assert client.get("/api/v1/webhooks", headers=key("read")).status_code == 403
    admin = key("admin")
    assert client.post("/api/v1/webhooks", json={**body, "secret": "short"}, headers=admin).status_code == 422
    assert client.post("/api/v1/webhooks", json={**body, "url": "ftp://x"}, headers=admin).status_code == 422
    assert (
        client.post("/api/v1/webhooks", json={**body, "actor_id": 424242}, headers=admin).status_code == 422
    )
    created = client.post("/api/v1/webhooks", json=body, headers=admin).json
    assert client.get("/api/v1/webhooks", headers=admin).json["items"][0]["url"] == body["url"]
    assert client.delete(f"/api/v1/webhooks/{created['id']}", headers=admin).status_code == 204
    assert client.get("/api/v1/webhooks", headers=admin).json["items"] == []
