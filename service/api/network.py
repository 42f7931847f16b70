"""The discourse network: agreement and conflict ties between actors, as JSON or GraphML."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from service.schemas.compare import NetworkOut, NetworkQuery
from service.store.db import db
from service.store.orm import Actor, Evidence, Issue, StanceRecord
from service.views.graphml import GRAPHML_MEDIA_TYPE, network_graphml
from service.views.network import Statement, build_ties, label_counts
from service.views.serialise import issue_ref

blp = Blueprint("network", __name__, url_prefix="/api/v1", description="Discourse networks")

JSON_MEDIA_TYPE = "application/json"
GRAPHML_DOC = {
    "responses": {
        200: {
            "description": "JSON by default; GraphML with `Accept: application/graphml+xml`",
            "content": {GRAPHML_MEDIA_TYPE: {"schema": {"type": "string"}}},
        }
    }
}


def _statements(issue_ids: list[int], query: dict[str, Any]) -> list[Statement]:
    """Current records on the issues in the window, each with its evidence ids."""
    window = [StanceRecord.is_current, StanceRecord.issue_id.in_(issue_ids)]
    if "from_" in query:
        window.append(StanceRecord.observed_at >= query["from_"])
    if "to" in query:
        window.append(StanceRecord.observed_at <= query["to"])
    records = db.session.execute(
        sa.select(StanceRecord.id, StanceRecord.actor_id, StanceRecord.issue_id, StanceRecord.effective_label)
        .where(*window)
        .order_by(StanceRecord.id)
    ).tuples()
    evidence: dict[int, list[int]] = {}
    in_window = sa.select(StanceRecord.id).where(*window)
    for stance_id, evidence_id in db.session.execute(
        sa.select(Evidence.stance_id, Evidence.id)
        .where(Evidence.stance_id.in_(in_window))
        .order_by(Evidence.id)
    ).tuples():
        evidence.setdefault(stance_id, []).append(evidence_id)
    return [
        Statement(record_id, actor_id, issue_id, label, tuple(evidence.get(record_id, ())))
        for record_id, actor_id, issue_id, label in records
    ]


@blp.route("/network")
class Network(MethodView):
    @blp.arguments(NetworkQuery, location="query")
    @blp.response(200, NetworkOut)
    @blp.doc(**GRAPHML_DOC)
    def get(self, query: dict[str, Any]) -> Any:
        """Actors tied by agreement or conflict on the issues in a window, with the evidence behind each tie"""
        stmt = sa.select(Issue).order_by(Issue.id)
        if "issues" in query:
            stmt = stmt.where(Issue.id.in_(query["issues"]))
        issues = list(db.session.scalars(stmt))
        missing = sorted(set(query.get("issues", [])) - {i.id for i in issues})
        if missing:
            abort(404, message=f"No issue with id {missing[0]}.")
        statements = _statements([i.id for i in issues], query)
        counts = label_counts(statements)
        actors = db.session.scalars(sa.select(Actor).where(Actor.id.in_(counts)).order_by(Actor.id))
        network = {
            "issues": [issue_ref(i) for i in issues],
            "from_": query.get("from_"),
            "to": query.get("to"),
            "nodes": [{"id": a.id, "name": a.name, "kind": a.kind, "counts": counts[a.id]} for a in actors],
            "edges": [t.as_dict() for t in build_ties(statements, query["min_weight"])],
        }
        wanted = request.accept_mimetypes.best_match([JSON_MEDIA_TYPE, GRAPHML_MEDIA_TYPE], JSON_MEDIA_TYPE)
        if wanted == GRAPHML_MEDIA_TYPE:
            response = Response(network_graphml(network), mimetype=GRAPHML_MEDIA_TYPE)
            response.vary.add("Accept")
            return response
        return network, 200, {"Vary": "Accept"}
