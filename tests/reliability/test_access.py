"""Access: API keys with scopes, 401/403 as problem+json, anonymous reads by
configuration, the key commands, and CORS for dashboard origins."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask

from service.cli.main import cli
from service.web.app import create_app

PROBLEM = "application/problem+json"
# (method, path, scope it needs); None: public.
ENDPOINTS = [
    ("GET", "/api/v1/issues", "read"),
    ("POST", "/api/v1/issues", "write"),
    ("GET", "/api/v1/issues/1", "read"),
    ("PATCH", "/api/v1/issues/1", "write"),
    ("GET", "/api/v1/issues/1/positions", "read"),
    ("GET", "/api/v1/actors", "read"),
    ("POST", "/api/v1/actors", "write"),
    ("GET", "/api/v1/actors/1", "read"),
    ("PATCH", "/api/v1/actors/1", "write"),
    ("GET", "/api/v1/actors/1/history", "read"),
    ("GET", "/api/v1/articles", "read"),
    ("POST", "/api/v1/articles", "write"),
    ("POST", "/api/v1/articles/batch", "write"),
    ("GET", "/api/v1/articles/1", "read"),
    ("GET", "/api/v1/articles/1/runs", "read"),
    ("POST", "/api/v1/articles/1/reanalyse", "write"),
    ("GET", "/api/v1/stances", "read"),
    ("GET", "/api/v1/stances/1", "read"),
    ("PATCH", "/api/v1/stances/1", "review"),
    ("GET", "/api/v1/info", "read"),
    ("GET", "/api/v1/health", None),
    ("GET", "/api/v1/ready", None),
    ("GET", "/api/v1/openapi.json", None),
]
KEYS = [(), ("read",), ("write",), ("review",), ("admin",), ("read", "write")]


def _call(app: Flask, method: str, path: str, headers: dict[str, str]) -> int:
    body: object = [] if path.endswith("/batch") else {}
    kwargs = {"json": body} if method in ("POST", "PATCH") else {}
    return app.test_client().open(path, method=method, headers=headers, **kwargs).status_code


def test_each_scope_against_each_endpoint(secured_app: Flask, make_key: Callable[..., str]) -> None:
    keys = {scopes: make_key(*scopes) for scopes in KEYS if scopes}
    outcomes = {}
    for method, path, _ in ENDPOINTS:
        for scopes in KEYS:
            headers = {"X-API-Key": keys[scopes]} if scopes else {}
            status = _call(secured_app, method, path, headers)
            outcomes[(method, path, scopes)] = "401" if status == 401 else "403" if status == 403 else "ok"
    expected = {
        (method, path, scopes): (
            "ok" if needed is None
            else "401" if not scopes
            else "ok" if needed in scopes or "admin" in scopes
            else "403"
        )
        for method, path, needed in ENDPOINTS
        for scopes in KEYS
    }  # fmt: skip
    assert outcomes == expected


def test_every_route_needs_a_key_unless_public(secured_app: Flask) -> None:
    """Routes added later are closed by default (reads need read, writes write)."""
    public = {path for _, path, needed in ENDPOINTS if needed is None}
    client = secured_app.test_client()
    for rule in secured_app.url_map.iter_rules():
        if not rule.rule.startswith("/api/"):
            continue  # pages and scripts (the dashboard) hold no data
        path = rule.rule.replace("<int:", "<").replace("<path:", "<")
        for name in rule.arguments:
            path = path.replace(f"<{name}>", "1")
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            status = client.open(path, method=method).status_code
            if path in public:
                assert status != 401, (method, path)
            else:
                assert status == 401, (method, path, status)


def test_denials_are_problem_documents(secured_app: Flask, make_key: Callable[..., str]) -> None:
    client = secured_app.test_client()
    missing = client.post("/api/v1/issues", json={"name": "x"})
    assert missing.status_code == 401 and missing.content_type == PROBLEM
    assert missing.json["status"] == 401 and "API key" in missing.json["detail"]
    assert missing.headers["WWW-Authenticate"].startswith("Bearer")
    wrong = client.get("/api/v1/issues", headers={"Authorization": "Bearer st_not-a-key"})
    assert wrong.status_code == 401 and wrong.content_type == PROBLEM
    reader = make_key("read")
    forbidden = client.post(
        "/api/v1/issues", json={"name": "x"}, headers={"Authorization": f"Bearer {reader}"}
    )
    assert forbidden.status_code == 403 and forbidden.content_type == PROBLEM
    assert "'write'" in forbidden.json["detail"]
    assert client.get("/api/v1/issues", headers={"Authorization": f"Bearer {reader}"}).status_code == 200


def test_anonymous_reads_by_configuration(settings_overrides: dict[str, object]) -> None:
    app = create_app({**settings_overrides, "auth_enabled": True, "anonymous_reads": True})
    client = app.test_client()
    assert client.get("/api/v1/issues").status_code == 200
    assert client.get("/api/v1/stances").status_code == 200
    assert client.post("/api/v1/issues", json={"name": "x"}).status_code == 401
    assert client.patch("/api/v1/stances/1", json={"label": "support", "reviewer": "a"}).status_code == 401


def test_keys_are_listed_without_secrets_and_revoked_at_once(
    secured_app: Flask, make_key: Callable[..., str]
) -> None:
    secret = make_key("write", name="crawler")
    runner = secured_app.test_cli_runner()
    listed = runner.invoke(cli, ["keys", "list"])
    assert listed.exit_code == 0
    key_id, name, prefix, scopes, *_ = listed.stdout.splitlines()[0].split("\t")
    assert (name, scopes) == ("crawler", "write")
    assert secret.startswith(prefix.rstrip("…")) and secret not in listed.stdout
    client = secured_app.test_client()
    headers = {"X-API-Key": secret}
    assert client.post("/api/v1/issues", json={"name": "Sanctions"}, headers=headers).status_code == 201

    assert runner.invoke(cli, ["keys", "revoke", key_id]).exit_code == 0

    assert client.post("/api/v1/issues", json={"name": "Tariffs"}, headers=headers).status_code == 401
    assert "-" != runner.invoke(cli, ["keys", "list"]).stdout.split("\t")[-1].strip()
    assert runner.invoke(cli, ["keys", "revoke", key_id]).exit_code != 0
    assert runner.invoke(cli, ["keys", "create", "--name", "x", "--scope", "root"]).exit_code != 0


@pytest.fixture
def dashboard_app(settings_overrides: dict[str, object]) -> Flask:
    return create_app({**settings_overrides, "auth_enabled": True, "cors_origins": ("https://dash.example",)})


def test_cors_allows_only_listed_dashboard_origins(
    dashboard_app: Flask, make_key: Callable[..., str]
) -> None:
    client = dashboard_app.test_client()
    allowed = client.get("/api/v1/health", headers={"Origin": "https://dash.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://dash.example"
    other = client.get("/api/v1/health", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    denied = client.get("/api/v1/issues", headers={"Origin": "https://dash.example"})
    assert denied.status_code == 401
    assert denied.headers["Access-Control-Allow-Origin"] == "https://dash.example"


def test_dashboard_page_is_public_but_its_data_is_not(secured_app: Flask) -> None:
    client = secured_app.test_client()
    assert client.get("/").status_code == 200
    assert client.get("/api/v1/issues").status_code == 401


def test_cors_preflight_needs_no_key(dashboard_app: Flask) -> None:
    preflight = dashboard_app.test_client().options(
        "/api/v1/articles",
        headers={
            "Origin": "https://dash.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, idempotency-key, content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://dash.example"
    allowed = preflight.headers["Access-Control-Allow-Headers"].lower()
    assert {"authorization", "idempotency-key", "content-type"} <= {h.strip() for h in allowed.split(",")}


def test_cached_answers_still_need_a_key(secured_app: Flask, make_key: Callable[..., str]) -> None:
    reader = make_key("read")
    client = secured_app.test_client()
    headers = {"X-API-Key": reader}
    assert client.get("/api/v1/issues", headers=headers).headers["X-Cache"] == "miss"
    assert client.get("/api/v1/issues", headers=headers).headers["X-Cache"] == "hit"
    anonymous = client.get("/api/v1/issues")
    assert anonymous.status_code == 401 and anonymous.content_type == PROBLEM
