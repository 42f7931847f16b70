"""Several actors side by side on one issue: aligned period series with agreement."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from service.api.lookup import get_or_404
from service.schemas.compare import CompareOut, CompareQuery
from service.store.db import db
from service.store.orm import Actor, Issue, StanceRecord
from service.views.compare import align
from service.views.serialise import actor_ref, issue_ref

blp = Blueprint("compare", __name__, url_prefix="/api/v1", description="Comparing actors over time")


@blp.route("/compare")
class Compare(MethodView):
    @blp.arguments(CompareQuery, location="query")
    @blp.response(200, CompareOut)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """Aligned series of several actors on one issue, with an agreement score per period"""
        issue = get_or_404(Issue, query["issue"], "issue")
        actor_ids: list[int] = query["actors"]
        actors = {a.id: a for a in db.session.scalars(sa.select(Actor).where(Actor.id.in_(actor_ids)))}
        missing = [a for a in actor_ids if a not in actors]
        if missing:
            abort(404, message=f"No actor with id {missing[0]}.")
        stmt = sa.select(
            StanceRecord.id,
            StanceRecord.actor_id,
            StanceRecord.observed_at,
            StanceRecord.effective_label,
            StanceRecord.confidence,
        ).where(
            StanceRecord.issue_id == issue.id,
            StanceRecord.actor_id.in_(actor_ids),
            StanceRecord.is_current,
        )
        if "from_" in query:
            stmt = stmt.where(StanceRecord.observed_at >= query["from_"])
        if "to" in query:
            stmt = stmt.where(StanceRecord.observed_at <= query["to"])
        return {
            "issue": issue_ref(issue),
            "interval": query["interval"],
            "actors": [actor_ref(actors[a]) for a in actor_ids],
            "periods": align(db.session.execute(stmt).tuples(), actor_ids, query["interval"]),
        }
