"""GET /api/v1/metrics: Prometheus metrics (see service/web/metrics.py)."""

from __future__ import annotations

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from service.web.metrics import render

blp = Blueprint("metrics", __name__, url_prefix="/api/v1", description="Operations")


@blp.route("/metrics")
class Metrics(MethodView):
    @blp.doc(
        responses={
            "200": {
                "description": "Prometheus text exposition format",
                "content": {"text/plain": {"schema": {"type": "string"}}},
            }
        }
    )
    def get(self) -> Response:
        """Prometheus metrics: requests, latency, queue depth, articles by status, the model"""
        body, content_type = render()
        return Response(body, 200, content_type=content_type, headers={"Cache-Control": "no-store"})
