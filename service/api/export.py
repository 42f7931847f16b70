"""Streamed exports of stance records with all provenance, as NDJSON or CSV."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy.orm import Session

from service.api.lookup import get_or_404
from service.schemas.export import ExportQuery
from service.store.db import db
from service.store.orm import Actor, Issue
from service.transfer.export import ExportFilter, csv_lines, ndjson_lines

blp = Blueprint("export", __name__, url_prefix="/api/v1/export", description="Exports")

MEDIA_TYPES = {"ndjson": "application/x-ndjson", "csv": "text/csv"}
EXPORT_DOC = {
    "responses": {
        200: {
            "description": "A stream: NDJSON (the backup format `stance-tracker import-stances` "
            "restores) or CSV (one row per record)",
            "content": {media: {"schema": {"type": "string"}} for media in MEDIA_TYPES.values()},
        }
    }
}


def chosen_format(query: dict[str, Any]) -> str:
    """The format asked for by ?format=, else by Accept; NDJSON by default."""
    if "format" in query:
        return str(query["format"])
    best = request.accept_mimetypes.best_match(list(MEDIA_TYPES.values()), MEDIA_TYPES["ndjson"])
    return "csv" if best == MEDIA_TYPES["csv"] else "ndjson"


def stream(engine: sa.Engine, kind: str, flt: ExportFilter) -> Iterator[str]:
    """The export lines from a session of their own: the stream outlives the
    request, and the session is closed when the stream ends or is closed."""
    with Session(engine) as session:
        yield from (csv_lines if kind == "csv" else ndjson_lines)(session, flt)


@blp.route("/stances")
class StanceExport(MethodView):
    @blp.arguments(ExportQuery, location="query")
    @blp.response(200)
    @blp.doc(**EXPORT_DOC)
    def get(self, query: dict[str, Any]) -> Response:
        """Every stance record with its article, actor, issue, evidence, model, review and run (streamed)"""
        if "issue" in query:
            get_or_404(Issue, query["issue"], "issue")
        if "actor" in query:
            get_or_404(Actor, query["actor"], "actor")
        flt = ExportFilter(
            issue_id=query.get("issue"),
            actor_id=query.get("actor"),
            since=query.get("from_"),
            until=query.get("to"),
            current_only=query["current"],
        )
        kind = chosen_format(query)
        response = Response(stream(db.engine, kind, flt), mimetype=MEDIA_TYPES[kind])
        response.headers["Content-Disposition"] = f"attachment; filename=stances.{kind}"
        response.vary.add("Accept")
        return response
