"""The Idempotency-Key header: a retried write answers like the first one."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask

ISSUE = {"name": "Arms embargo", "keywords": ["arms embargo"]}


def test_a_repeat_replays_the_first_response(secured_app: Flask, make_key: Callable[..., str]) -> None:
    client = secured_app.test_client()
    headers = {"X-API-Key": make_key("read", "write"), "Idempotency-Key": "issue-1"}
    first = client.post("/api/v1/issues", json=ISSUE, headers=headers)
    again = client.post("/api/v1/issues", json=ISSUE, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json == first.json and again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert len(client.get("/api/v1/issues", headers=headers).json["items"]) == 1


def test_the_same_key_for_another_request_is_refused(
    secured_app: Flask, make_key: Callable[..., str]
) -> None:
    client = secured_app.test_client()
    headers = {"X-API-Key": make_key("write"), "Idempotency-Key": "issue-2"}
    assert client.post("/api/v1/issues", json=ISSUE, headers=headers).status_code == 201
    other = client.post("/api/v1/issues", json={"name": "Tariffs"}, headers=headers)
    assert other.status_code == 422 and other.content_type == "application/problem+json"


def test_keys_belong_to_their_caller(secured_app: Flask, make_key: Callable[..., str]) -> None:
    client = secured_app.test_client()
    one = {"X-API-Key": make_key("write"), "Idempotency-Key": "same"}
    two = {"X-API-Key": make_key("write"), "Idempotency-Key": "same"}
    assert client.post("/api/v1/issues", json=ISSUE, headers=one).status_code == 201
    clash = client.post("/api/v1/issues", json={"name": "Tariffs"}, headers=two)
    assert clash.status_code == 201 and "Idempotent-Replayed" not in clash.headers


def test_denied_requests_are_not_remembered(secured_app: Flask, make_key: Callable[..., str]) -> None:
    client = secured_app.test_client()
    writer = make_key("write")
    assert client.patch(
        "/api/v1/stances/1", json={"label": "oppose", "reviewer": "ann"},
        headers={"X-API-Key": writer, "Idempotency-Key": "review-1"},
    ).status_code == 403  # fmt: skip
    created = client.post("/api/v1/issues", json=ISSUE, headers={"X-API-Key": writer, "Idempotency-Key": "k"})
    assert created.status_code == 201
    bad = client.post("/api/v1/issues", json=ISSUE, headers={"X-API-Key": writer, "Idempotency-Key": ""})
    assert bad.status_code == 400
