"""Fresh migrated databases outside the function-scoped conftest fixtures (for
module-scoped worlds and restore targets)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from service.store.migrate import upgrade
from tests.conftest import POSTGRES_URL


@contextmanager
def fresh_database(backend: str, folder: Path, postgres_ok: bool) -> Iterator[str]:
    """A migrated SQLite file in `folder`, or a private PostgreSQL schema."""
    if backend == "sqlite":
        url = f"sqlite:///{folder / f'{uuid.uuid4().hex[:8]}.db'}"
        upgrade(url)
        yield url
        return
    if not postgres_ok:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not reachable at " + POSTGRES_URL)
        pytest.skip("PostgreSQL not reachable")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    try:
        upgrade(url)
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def app_settings(database_url: str, data_dir: Path, model_dir: Path, **extra: object) -> dict[str, object]:
    """The settings the conftest app uses, on another database."""
    return {
        "model_path": str(model_dir),
        "quantize": False,
        "data_dir": data_dir,
        "database_url": database_url,
        "queue_url": "immediate://",
        "load_default_actors": False,
        "max_article_chars": 200_000,
        "max_body_bytes": 2 * 1024 * 1024,
        "max_batch_items": 20,
        "auth_enabled": False,
        "ratelimit_enabled": False,
        **extra,
    }
