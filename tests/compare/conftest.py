"""A world built once per backend for this package, read by many tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from service.web.app import create_app
from tests.compare.databases import app_settings, fresh_database
from tests.compare.world import World, build_world
from tests.conftest import BACKENDS


@pytest.fixture(scope="package", params=BACKENDS)
def world(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    tiny_model_dir: Path,
    postgres_ok: bool,
) -> Iterator[World]:
    """Shared by every test here: they only read it (writes go to their own apps)."""
    folder = tmp_path_factory.mktemp("world")
    with fresh_database(request.param, folder, postgres_ok) as url:
        app = create_app(app_settings(url, folder, tiny_model_dir))
        yield build_world(app.test_client())
        from service.store.db import db

        with app.app_context():
            db.engine.dispose()
