"""The WSGI layer in front of Flask answers response-cache hits itself, with the
same guards as Flask (key, scope, rate limit) and the same bytes; everything
else reaches Flask."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest
from flask import Flask

from service.cli.main import cli
from service.store.db import db
from service.web.app import create_app

PROBLEM = "application/problem+json"
DASHBOARD = "https://dash.example"


@pytest.fixture
def guarded_app(settings_overrides: dict[str, object]) -> Iterator[Flask]:
    application = create_app(
        {
            **settings_overrides,
            "auth_enabled": True,
            "ratelimit_enabled": True,
            "rate_limit": "6/minute",
            "cors_origins": (DASHBOARD,),
        }
    )
    yield application
    with application.app_context():
        db.engine.dispose()


@pytest.fixture
def flask_calls(guarded_app: Flask) -> list[str]:
    """Paths of the requests that got past the layer to Flask."""
    calls: list[str] = []
    layer: Any = guarded_app.wsgi_app
    while not hasattr(layer, "flask_wsgi"):  # the cache layer sits behind the request-size limits
        layer = layer.app
    inner = layer.flask_wsgi

    def spy(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        calls.append(environ["PATH_INFO"])
        return inner(environ, start_response)

    layer.flask_wsgi = spy
    return calls


def _key(app: Flask, *scopes: str) -> dict[str, str]:
    args = ["keys", "create", "--name", "t"] + [a for s in scopes for a in ("--scope", s)]
    result = app.test_cli_runner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return {"X-API-Key": result.stdout.strip()}


def test_hits_never_reach_flask_and_match_flask_answers_byte_for_byte(
    guarded_app: Flask, flask_calls: list[str]
) -> None:
    client, reader = guarded_app.test_client(), _key(guarded_app, "read")
    miss = client.get("/api/v1/issues?q=a", headers=reader)
    hits = [client.get("/api/v1/issues?q=a", headers=reader) for _ in range(3)]
    assert miss.headers["X-Cache"] == "miss"
    assert flask_calls == ["/api/v1/issues"], "only the miss reached Flask"
    for hit in hits:
        assert hit.status_code == 200 and hit.headers["X-Cache"] == "hit"
        assert hit.get_data() == miss.get_data()
        for header in ("ETag", "Content-Type", "Cache-Control", "Content-Length"):
            assert hit.headers[header] == miss.headers[header]
    other_query = client.get("/api/v1/issues?q=e", headers=reader)
    assert other_query.headers["X-Cache"] == "miss" and len(flask_calls) == 2


def test_hits_and_misses_count_against_one_rate_limit(guarded_app: Flask, flask_calls: list[str]) -> None:
    client, reader = guarded_app.test_client(), _key(guarded_app, "read")
    urls = ["/api/v1/issues?q=a"] * 3 + ["/api/v1/issues?q=e"] * 3  # 2 misses, 4 hits
    assert [client.get(url, headers=reader).status_code for url in urls] == [200] * 6
    limited = client.get("/api/v1/issues?q=a", headers=reader)
    assert limited.status_code == 429 and limited.content_type == PROBLEM
    assert "Retry-After" in limited.headers
    assert len(flask_calls) == 3, "two misses, then Flask answered the 429"
    assert client.get("/api/v1/issues?q=a", headers=_key(guarded_app, "read")).status_code == 200


def test_cached_answers_keep_every_guard(guarded_app: Flask, flask_calls: list[str]) -> None:
    client, reader = guarded_app.test_client(), _key(guarded_app, "read")
    url = "/api/v1/issues?q=a"
    assert client.get(url, headers=reader).status_code == 200
    assert client.get(url).status_code == 401
    unknown = client.get(url, headers={"X-API-Key": "st_not-a-key"})
    assert unknown.status_code == 401 and unknown.content_type == PROBLEM
    assert client.get(url, headers=_key(guarded_app, "write")).status_code == 403
    key_id = guarded_app.test_cli_runner().invoke(cli, ["keys", "list"]).stdout.split()[0]
    assert guarded_app.test_cli_runner().invoke(cli, ["keys", "revoke", key_id]).exit_code == 0
    assert client.get(url, headers=reader).status_code == 401, "revoked at once in this process"


def test_cors_and_conditional_requests_are_left_to_flask(guarded_app: Flask, flask_calls: list[str]) -> None:
    client, reader = guarded_app.test_client(), _key(guarded_app, "read")
    url = "/api/v1/issues?q=a"
    first = client.get(url, headers=reader)
    cors = client.get(url, headers={**reader, "Origin": DASHBOARD})
    assert cors.headers["X-Cache"] == "hit" and cors.headers["Access-Control-Allow-Origin"] == DASHBOARD
    conditional = client.get(url, headers={**reader, "If-None-Match": first.headers["ETag"]})
    assert conditional.status_code == 304
    assert len(flask_calls) == 3


def test_a_write_elsewhere_sends_the_next_read_to_flask(guarded_app: Flask, flask_calls: list[str]) -> None:
    client = guarded_app.test_client()
    reader, writer = _key(guarded_app, "read"), _key(guarded_app, "write")
    url = "/api/v1/issues?q=a"
    client.get(url, headers=reader)
    assert client.get(url, headers=reader).headers["X-Cache"] == "hit"
    created = client.post("/api/v1/issues", json={"name": "Arms embargo"}, headers=writer)
    assert created.status_code == 201
    fresh = client.get(url, headers=reader)
    assert fresh.headers["X-Cache"] == "miss"
    assert "Arms embargo" in {item["name"] for item in fresh.json["items"]}
