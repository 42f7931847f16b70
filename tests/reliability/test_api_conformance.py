"""Schemathesis against the committed api_spec/openapi.json: generated requests
(valid and invalid) never get a 500, and every response conforms to the
document (status, content type, body schema). Bounded and derandomised; one
backend (SQLite), with API keys on and an admin key sent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings

from service import create_app
from service.migrate import upgrade
from tests.api.analysis_fixtures import ARTICLE, create_catalogue

SPEC = Path(__file__).resolve().parents[2] / "api_spec" / "openapi.json"
schema = schemathesis.openapi.from_path(SPEC)


@pytest.fixture(scope="module")
def spec_app(tmp_path_factory: pytest.TempPathFactory, tiny_model_dir: Path) -> Iterator[tuple[Flask, str]]:
    """An app over a migrated SQLite file with one analysed article; yields (app, admin key)."""
    from service.auth import create_key
    from service.db import db

    folder = tmp_path_factory.mktemp("conformance")
    url = f"sqlite:///{folder / 'spec.db'}"
    upgrade(url)
    app = create_app(
        {"model_path": str(tiny_model_dir), "quantize": False, "data_dir": folder, "database_url": url,
         "queue_url": "immediate://", "load_default_actors": False, "auth_enabled": True,
         "max_batch_items": 3, "max_article_chars": 5_000, "max_wait_seconds": 1}
    )  # fmt: skip
    with app.app_context():
        key = create_key(db.session, "schemathesis", ("admin",))
    schema.app = app  # requests go to the in-process app (WSGI)
    client = app.test_client()
    client.environ_base["HTTP_X_API_KEY"] = key
    create_catalogue(client)
    client.post("/api/v1/articles", json=ARTICLE)
    yield app, key
    with app.app_context():
        db.engine.dispose()


@schema.parametrize()
@settings(
    max_examples=12,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
)
def test_every_response_conforms_and_none_is_a_500(case: schemathesis.Case, spec_app: tuple[Flask, str]) -> None:
    app, key = spec_app
    case.call_and_validate(base_url="http://localhost", headers={"X-API-Key": key})
