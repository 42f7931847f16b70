"""The Flask application factory: guard rails (keys, limits, idempotency,
caches, ETags, problem+json errors), then one blueprint per resource.

Building the app never imports torch; analysis runs in the worker
(`service.worker`).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import Flask
from flask_cors import CORS

from service.api import (
    actors,
    articles,
    changes,
    compare,
    export,
    health,
    issues,
    metrics,
    network,
    stances,
    timeline,
    webhooks,
)
from service.config import load_settings
from service.dashboard import blp as dashboard_blp
from service.store.db import db, engine_config, ping_idle_connections, skip_async_teardown
from service.web.errors import ProblemApi, problem_response
from service.web.etag import install_etags
from service.web.hit_path import CachedHitLayer
from service.web.logs import install_request_ids
from service.web.metrics import install_metrics
from service.web.protection import protect
from service.web.request_limits import RequestLimits
from service.web.response_cache import install_response_cache
from service.web.spec_plugin import ConstraintsPlugin

OPENAPI_SETTINGS = {
    "API_TITLE": "stance-tracker",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.1.0",
    "OPENAPI_URL_PREFIX": "/api/v1",
    "OPENAPI_JSON_PATH": "openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": None,
}


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build the Flask app; `overrides` replace STANCE_* settings (tests)."""
    settings = load_settings(overrides)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = Flask(__name__)
    app.config.update(OPENAPI_SETTINGS)
    app.config["SETTINGS"] = settings
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.config["SQLALCHEMY_ENGINES"] = {"default": engine_config(settings.resolved_database_url)}
    app.json.sort_keys = False  # type: ignore[attr-defined]
    db.init_app(app)
    skip_async_teardown(app)
    with app.app_context():
        ping_idle_connections(db.engine, settings.db_idle_ping_seconds)
    CORS(app, origins=settings.cors_origins or [], resources={r"/api/*": {}})

    api = ProblemApi(app, spec_kwargs={"marshmallow_plugin": ConstraintsPlugin()})
    limiter = protect(app, api)  # API keys, rate limits, Idempotency-Key; before any blueprint (docs)
    cache = install_response_cache(app, settings.response_cache_mb)  # after the guards, before the ETag hook
    install_etags(app, api)  # before any blueprint, so every GET is documented
    install_metrics(app)
    install_request_ids(app)
    for module in (issues, actors, articles, stances, timeline, health):
        api.register_blueprint(module.blp)
    for module in (compare, network, changes, export, metrics, webhooks):
        api.register_blueprint(module.blp)
    app.register_blueprint(dashboard_blp)
    if cache is not None:
        app.wsgi_app = CachedHitLayer(app, cache, limiter)  # type: ignore[method-assign]
    app.wsgi_app = RequestLimits(app.wsgi_app)  # type: ignore[method-assign]

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Any:
        app.logger.exception("unhandled error", exc_info=error)
        return problem_response(500, "Internal Server Error", "An unexpected error occurred.")

    @app.errorhandler(OverflowError)
    def _number_too_large(error: OverflowError) -> Any:
        # A path id beyond 64 bits (/actors/99999999999999999999): SQLite refuses to bind it.
        return problem_response(422, "Unprocessable Entity", "A number in the request is out of range.")

    @app.errorhandler(sa.exc.DBAPIError)
    def _database_error(error: sa.exc.DBAPIError) -> Any:
        if isinstance(error, sa.exc.DataError):  # PostgreSQL: numeric value out of range, and the like
            return problem_response(422, "Unprocessable Entity", "A value in the request is out of range.")
        # A dropped connection (the pool then opens fresh ones) or an unreachable
        # or locked database: retryable, nothing was written.
        if not (error.connection_invalidated or isinstance(error, sa.exc.OperationalError)):
            return _unexpected(error)
        app.logger.warning("database unavailable: %s", error.orig)
        return problem_response(
            503,
            "Service Unavailable",
            "The database is unavailable or the connection was lost; retry shortly.",
            headers={"Retry-After": "1"},
        )

    return app
