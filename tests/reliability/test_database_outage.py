"""A lost PostgreSQL connection costs at most one retryable 503, never a 500,
and an idle pooled connection is checked before use."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from service.store.db import db
from service.web.app import create_app


@pytest.fixture
def tagged(settings_overrides: dict[str, object], database_url: str) -> str:
    """This test's application_name, so only its own server connections are cut."""
    if not database_url.startswith("postgresql"):
        pytest.skip("connection loss is a server database's failure")
    return f"outage-{uuid.uuid4().hex[:8]}"


@contextmanager
def _client_after_cut(
    settings_overrides: dict[str, object], name: str, idle_ping_seconds: float
) -> Iterator[FlaskClient]:
    """A client whose app served one request, after which its server connections were cut."""
    url = f"{settings_overrides['database_url']}&application_name={name}"
    app = create_app({**settings_overrides, "database_url": url, "db_idle_ping_seconds": idle_ping_seconds})
    try:
        client = app.test_client()
        assert client.get("/api/v1/issues?q=a").status_code == 200
        assert _cut_connections(str(settings_overrides["database_url"]), name) >= 1
        yield client
    finally:
        with app.app_context():
            db.engine.dispose()


def _cut_connections(database_url: str, name: str) -> int:
    engine = sa.create_engine(database_url)
    try:
        with engine.begin() as conn:
            return len(
                conn.execute(
                    sa.text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :n"
                    ),
                    {"n": name},
                ).all()
            )
    finally:
        engine.dispose()


def test_a_dropped_connection_is_one_503_then_service_resumes(
    settings_overrides: dict[str, object], tagged: str
) -> None:
    with _client_after_cut(settings_overrides, tagged, idle_ping_seconds=3600) as client:
        lost = client.get("/api/v1/issues?q=b")
        assert lost.status_code == 503
        assert lost.content_type == "application/problem+json"
        assert lost.headers["Retry-After"] == "1"
        assert client.get("/api/v1/issues?q=b").status_code == 200, "the pool opened fresh connections"
        assert client.get("/api/v1/issues?q=a").status_code == 200


def test_an_idle_connection_is_pinged_and_replaced_before_use(
    settings_overrides: dict[str, object], tagged: str
) -> None:
    with _client_after_cut(settings_overrides, tagged, idle_ping_seconds=0) as client:
        assert client.get("/api/v1/issues?q=b").status_code == 200
