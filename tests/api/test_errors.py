"""Bad input anywhere gets a 4xx problem+json, never a 500, and stores nothing."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

PROBLEM = "application/problem+json"


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("post", "/api/v1/articles", {"json": {"title": "no text"}}, 422),
        ("post", "/api/v1/articles", {"json": {"text": "   "}}, 422),
        ("post", "/api/v1/articles", {"json": {"text": 42}}, 422),
        ("post", "/api/v1/articles", {"json": ["a list"]}, 422),
        ("post", "/api/v1/articles", {"json": {"text": "x", "published_at": "2013-02-30"}}, 422),
        ("post", "/api/v1/articles", {"json": {"text": "x", "published_at": "yesterday"}}, 422),
        ("post", "/api/v1/articles", {"json": {"text": "x", "url": "not a url"}}, 422),
        ("post", "/api/v1/articles", {"data": "{not json", "content_type": "application/json"}, 400),
        ("post", "/api/v1/articles", {"json": {"text": "x" * 200_001}}, 413),
        (
            "post",
            "/api/v1/articles",
            {"data": "x" * (2 * 1024 * 1024 + 10), "content_type": "application/json"},
            413,
        ),
        ("post", "/api/v1/articles?wait=abc", {"json": {"text": "x"}}, 422),
        ("get", "/api/v1/articles/12345", {}, 404),
        ("get", "/api/v1/articles?status=lost", {}, 422),
        ("get", "/api/v1/stances?actor=abc", {}, 422),
        ("get", "/api/v1/stances?actor=77", {}, 404),
        ("get", "/api/v1/stances?issue=77", {}, 404),
        ("get", "/api/v1/stances?from=2013-13-01", {}, 422),
        ("get", "/api/v1/stances?stance=maybe", {}, 422),
        ("get", "/api/v1/stances?limit=0", {}, 422),
        ("get", "/api/v1/stances?colour=red", {}, 422),
        ("get", "/api/v1/stances?cursor=%%%", {}, 400),
        ("patch", "/api/v1/stances/5", {"json": {"label": "support", "reviewer": "ann"}}, 404),
        ("get", "/api/v1/actors/5/history", {}, 404),
        ("get", "/api/v1/issues/5/positions", {}, 404),
        ("get", "/api/v1/issues/5", {}, 404),
        ("patch", "/api/v1/issues/5", {"json": {"name": "y"}}, 404),
        ("get", "/api/v1/actors/5", {}, 404),
        ("get", "/api/v1/nowhere", {}, 404),
        ("delete", "/api/v1/issues", {}, 405),
        ("post", "/api/v1/articles/batch", {"data": "[1,", "content_type": "application/json"}, 400),
        ("post", "/api/v1/articles/batch", {"data": "text", "content_type": "text/plain"}, 415),
        ("post", "/api/v1/articles/batch", {"json": {"text": "not an array"}}, 422),
        ("post", "/api/v1/articles/batch", {"json": [{"text": f"t{n}"} for n in range(21)]}, 413),
        # Numbers beyond 64 bits: 422 in a body or query, 404 for a path id (no such row).
        (
            "post",
            "/api/v1/actors",
            {
                "json": {
                    "name": "A",
                    "kind": "person",
                    "affiliations": [{"parent_id": 2**70, "role": "official"}],
                }
            },
            422,
        ),
        ("get", f"/api/v1/stances?actor={2**64}", {}, 422),
        ("post", "/api/v1/articles", {"json": {"text": "x", "speakers": [{"actor_id": 2**63}]}}, 422),
        ("get", f"/api/v1/actors/{2**70}", {}, 404),
        ("get", f"/api/v1/articles/{2**66}", {}, 404),
        # What the OpenAPI document states is what is enforced (schemathesis checks both ways).
        ("get", "/api/v1/stances?cursor=WyJhIl0!", {}, 400),
        ("post", "/api/v1/articles", {"json": {"text": "x", "url": ""}}, 422),
        ("post", "/api/v1/articles", {"json": {"text": "x", "url": "HTTP://bad host/"}}, 422),
        (
            "post",
            "/api/v1/articles",
            {"json": {"text": "x", "speakers": [{"actor_id": 1, "name": "A"}]}},
            422,
        ),
        ("get", "/api/v1/compare?actors=1,1&issue=1", {}, 422),
        # A JSON body the operation requires: absent is 422, another media type 415 (not a no-op 200).
        ("patch", "/api/v1/issues/5", {}, 422),
        ("patch", "/api/v1/actors/5", {"data": "name=x", "content_type": "text/plain"}, 415),
        # Over-long request lines and headers: problem+json from the app, not gunicorn's HTML.
        ("get", "/api/v1/actors?q=" + "a" * 9000, {}, 414),
        ("get", "/api/v1/actors", {"headers": {"X-Padding": "a" * 9000}}, 431),
    ],
)
def test_bad_requests_get_problem_json_and_store_nothing(
    client: FlaskClient, method: str, path: str, kwargs: dict[str, object], status: int
) -> None:
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == status
    assert response.content_type == PROBLEM
    body = response.json
    assert body["status"] == status and body["title"]
    assert client.get("/api/v1/articles").json["items"] == []


def test_validation_errors_name_the_field(client: FlaskClient) -> None:
    response = client.post("/api/v1/articles", json={"text": "x", "published_at": "2013-02-30"})
    assert list(response.json["errors"]["json"]) == ["published_at"]
