"""Fixtures for the reliability tests: an app with API keys switched on, and
keys made through the `stance-tracker keys` command."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from flask import Flask

from service.cli.main import cli
from service.web.app import create_app


@pytest.fixture
def secured_app(settings_overrides: dict[str, object]) -> Iterator[Flask]:
    application = create_app({**settings_overrides, "auth_enabled": True})
    yield application
    from service.store.db import db

    with application.app_context():
        db.engine.dispose()


@pytest.fixture
def make_key(secured_app: Flask) -> Callable[..., str]:
    """Create a key with the CLI, as an operator would; returns the secret."""

    def make(*scopes: str, name: str = "test", rate_limit: str | None = None) -> str:
        args = ["keys", "create", "--name", name]
        for scope in scopes:
            args += ["--scope", scope]
        if rate_limit:
            args += ["--rate-limit", rate_limit]
        result = secured_app.test_cli_runner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        return result.stdout.strip()

    return make
