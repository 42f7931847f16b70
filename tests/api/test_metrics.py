"""GET /api/v1/metrics: Prometheus text with request counts and latency by
endpoint and status, queue depth, articles by status and the model; never
cached; a key with the read scope is needed when keys are on."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from service.web.app import create_app
from tests.api.analysis_fixtures import ARTICLE, create_catalogue


def _value(text: str, sample: str) -> float:
    found = re.search(rf"^{re.escape(sample)} ([0-9.e+-]+)$", text, re.MULTILINE)
    assert found is not None, f"{sample} not in\n{text[:3000]}"
    return float(found.group(1))


def test_metrics_count_requests_and_show_the_service_state(client: FlaskClient) -> None:
    create_catalogue(client)
    client.post("/api/v1/articles?wait=30", json=ARTICLE)
    before = client.get("/api/v1/metrics").get_data(as_text=True)
    missing = (
        'stance_http_requests_total{endpoint="/api/v1/articles/<int:article_id>",method="GET",status="404"}'
    )
    seen_404 = _value(before, missing) if missing in before else 0.0

    client.get("/api/v1/articles/999")
    response = client.get("/api/v1/metrics")

    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert _value(text, missing) == seen_404 + 1
    assert _value(text, 'stance_articles{status="done"}') == 1
    assert _value(text, "stance_queue_pending") == 0
    assert 'stance_model_info{name="tiny-random-stance"' in text
    assert "stance_http_request_duration_seconds_bucket" in text
    again = client.get("/api/v1/metrics").get_data(as_text=True)
    assert _value(again, missing) == seen_404 + 1 and "ETag" not in client.get("/api/v1/metrics").headers


def test_metrics_need_a_read_key_when_keys_are_on(settings_overrides: dict[str, Any]) -> None:
    app: Flask = create_app({**settings_overrides, "auth_enabled": True})
    client = app.test_client()
    assert client.get("/api/v1/metrics").status_code == 401
    runner = app.test_cli_runner()
    from service.cli.keys import keys

    output = runner.invoke(keys, ["create", "--name", "prometheus", "--scope", "read"]).output
    secret = re.search(r"st_[\w-]+", output)
    assert secret is not None, output
    assert client.get("/api/v1/metrics", headers={"X-API-Key": secret.group()}).status_code == 200
