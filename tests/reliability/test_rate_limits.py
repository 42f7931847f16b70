"""Rate limits per API key: 429 problem+json with Retry-After, a per-key
override, health probes exempt, and counters shared through Redis."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from flask import Flask

from service.web.app import create_app

PROBLEM = "application/problem+json"
REDIS_URL = os.environ.get("STANCE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def settings_overrides(settings_overrides: dict[str, object]) -> dict[str, object]:
    return {**settings_overrides, "ratelimit_enabled": True, "rate_limit": "3/minute"}


def test_a_key_over_its_limit_gets_429_with_retry_after(
    secured_app: Flask, make_key: Callable[..., str]
) -> None:
    client = secured_app.test_client()
    first, second = {"X-API-Key": make_key("read")}, {"X-API-Key": make_key("read")}
    assert [client.get("/api/v1/issues", headers=first).status_code for _ in range(3)] == [200] * 3

    limited = client.get("/api/v1/issues", headers=first)

    assert limited.status_code == 429 and limited.content_type == PROBLEM
    assert limited.json["status"] == 429 and "3 per 1 minute" in limited.json["detail"]
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert client.get("/api/v1/issues", headers=second).status_code == 200, "counted per key"
    assert client.get("/api/v1/health").status_code == 200, "probes are not limited"


def test_a_key_can_carry_its_own_limit(secured_app: Flask, make_key: Callable[..., str]) -> None:
    client = secured_app.test_client()
    slow = {"X-API-Key": make_key("read", rate_limit="1/minute")}
    assert client.get("/api/v1/issues", headers=slow).status_code == 200
    assert client.get("/api/v1/issues", headers=slow).status_code == 429


def test_anonymous_callers_are_limited_by_address(settings_overrides: dict[str, object]) -> None:
    app = create_app({**settings_overrides, "auth_enabled": True, "anonymous_reads": True})
    client = app.test_client()
    statuses = [client.get("/api/v1/issues").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    other = client.get("/api/v1/issues", environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200


def test_counters_in_redis_are_shared_between_processes(
    settings_overrides: dict[str, object], make_key: Callable[..., str]
) -> None:
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL).flushdb()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {REDIS_URL}")
        pytest.skip("Redis not reachable")
    shared = {**settings_overrides, "auth_enabled": True, "ratelimit_storage_url": REDIS_URL}
    one, two = create_app(shared).test_client(), create_app(shared).test_client()
    headers = {"X-API-Key": make_key("read")}
    assert [c.get("/api/v1/issues", headers=headers).status_code for c in (one, two, one)] == [200] * 3
    assert two.get("/api/v1/issues", headers=headers).status_code == 429
