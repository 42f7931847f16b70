"""The committed OpenAPI document is the one the app serves."""

from __future__ import annotations

import json
from pathlib import Path

from flask.testing import FlaskClient

SPEC = Path(__file__).resolve().parents[2] / "api_spec" / "openapi.json"


def test_committed_spec_matches_the_served_document(client: FlaskClient) -> None:
    served = client.get("/api/v1/openapi.json")
    assert served.status_code == 200
    committed = json.loads(SPEC.read_text())
    assert served.json == committed, (
        "api_spec/openapi.json is stale: run `stance-tracker openapi write api_spec/openapi.json`"
    )


def test_every_endpoint_is_documented(client: FlaskClient) -> None:
    paths = set(client.get("/api/v1/openapi.json").json["paths"])
    for path in (
        "/api/v1/issues",
        "/api/v1/issues/{issue_id}",
        "/api/v1/actors",
        "/api/v1/actors/{actor_id}",
        "/api/v1/articles",
        "/api/v1/articles/batch",
        "/api/v1/articles/{article_id}",
        "/api/v1/stances",
        "/api/v1/stances/{stance_id}",
        "/api/v1/actors/{actor_id}/history",
        "/api/v1/issues/{issue_id}/positions",
        "/api/v1/health",
        "/api/v1/ready",
        "/api/v1/info",
    ):
        assert path in paths
