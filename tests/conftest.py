"""Shared fixtures: an app on a migrated database (SQLite and PostgreSQL),
with the queue in immediate mode so jobs run inline."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("STANCE_QUEUE_URL", "immediate://")
# Most tests exercise resources, not access: keys and rate limits are off unless
# a test turns them on (tests/reliability does; subprocesses inherit these too).
os.environ.setdefault("STANCE_AUTH_ENABLED", "0")
os.environ.setdefault("STANCE_RATELIMIT_ENABLED", "0")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from service.store.migrate import upgrade
from service.web.app import create_app

POSTGRES_URL = os.environ.get("STANCE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = os.environ.get("STANCE_TEST_BACKENDS", "sqlite,postgresql").split(",")
# Not emptied between tests: the migration history, and the one-row generation counters.
KEPT_TABLES = frozenset({"alembic_version", "data_generation"})


def _postgres_available() -> bool:
    try:
        engine = sa.create_engine(POSTGRES_URL)
        with engine.connect():
            pass
        engine.dispose()
    except sa.exc.OperationalError:
        return False
    return True


@pytest.fixture(scope="session")
def postgres_ok() -> bool:
    return _postgres_available()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file built by the migrations once; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "migrated.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_schema(postgres_ok: bool) -> Iterator[str | None]:
    """A private PostgreSQL schema built by the migrations once per session."""
    if not postgres_ok:
        yield None
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    upgrade(url)
    yield url
    with admin.begin() as conn:
        conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def _empty_postgres(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        tables = [name for name in sa.inspect(conn).get_table_names() if name not in KEPT_TABLES]
        if tables:
            conn.execute(sa.text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    sqlite_template: Path,
    postgres_schema: str | None,
) -> str:
    """An empty migrated database: a copy of the migrated SQLite file, or the
    session's migrated PostgreSQL schema with every table emptied."""
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copyfile(sqlite_template, path)
        return f"sqlite:///{path}"
    if postgres_schema is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not reachable at " + POSTGRES_URL)
        pytest.skip("PostgreSQL not reachable")
    _empty_postgres(postgres_schema)
    return postgres_schema


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random stance classifier biased towards "support", so that the
    candidate pairs of an article survive as stance records."""
    from tests.model_factory import build_tiny_stance_model

    return build_tiny_stance_model(tmp_path_factory.mktemp("model") / "tiny", favour="support")


@pytest.fixture
def settings_overrides(tmp_path: Path, database_url: str, tiny_model_dir: Path) -> dict[str, object]:
    return {
        "model_path": str(tiny_model_dir),
        "quantize": False,
        "data_dir": tmp_path,
        "database_url": database_url,
        "queue_url": "immediate://",
        "load_default_actors": False,
        "max_article_chars": 200_000,
        "max_body_bytes": 2 * 1024 * 1024,
        "max_batch_items": 20,
    }


@pytest.fixture
def app(settings_overrides: dict[str, object]) -> Iterator[Flask]:
    application = create_app(settings_overrides)
    yield application
    from service.store.db import db

    with application.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
