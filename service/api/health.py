"""Liveness, readiness and build information for operators."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from service.store.db import db
from service.worker.model_info import describe_model
from service.worker.queue import queue_reachable

blp = Blueprint("health", __name__, url_prefix="/api/v1", description="Operations")


@blp.route("/health")
class Health(MethodView):
    @blp.response(200)
    def get(self) -> dict[str, Any]:
        """The process is up"""
        return {"status": "ok"}


@blp.route("/ready")
class Ready(MethodView):
    @blp.response(200)
    @blp.alt_response(503, description="Database or queue unreachable")
    def get(self) -> dict[str, Any]:
        """Database and queue are reachable"""
        checks = {"database": True, "queue": queue_reachable()}
        try:
            db.session.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError:
            checks["database"] = False
        if not all(checks.values()):
            abort(503, message="Not ready.", errors=checks)
        return {"status": "ready", "checks": checks}


@blp.route("/info")
class Info(MethodView):
    @blp.response(200)
    def get(self) -> dict[str, Any]:
        """Version, stance model and database backend"""
        from service import __version__

        settings = current_app.config["SETTINGS"]
        return {
            "version": __version__,
            "model": describe_model(settings),
            "database": settings.database_backend,
            "queue": settings.resolved_queue_url.split(":", 1)[0],
        }
