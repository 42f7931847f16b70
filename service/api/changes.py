"""An actor's stance changes: when its label on an issue flipped, with evidence on both sides."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.lookup import get_or_404
from service.api.stances import with_provenance
from service.api.timeline import actor_records
from service.changes import find_changes
from service.db import db
from service.orm import Actor, StanceRecord
from service.schemas.compare import ChangesOut, ChangesQuery
from service.serialise import actor_ref, issue_ref, stance_dict

blp = Blueprint("changes", __name__, url_prefix="/api/v1", description="Stance changes")


@blp.route("/actors/<int:actor_id>/changes")
class ActorChanges(MethodView):
    @blp.arguments(ChangesQuery, location="query")
    @blp.response(200, ChangesOut)
    def get(self, query: dict[str, Any], actor_id: int) -> dict[str, Any]:
        """The moments an actor's stance on an issue changed, with the records before and after"""
        actor = get_or_404(Actor, actor_id, "actor")
        stmt = actor_records(
            actor,
            query,
            StanceRecord.id,
            StanceRecord.issue_id,
            StanceRecord.observed_at,
            StanceRecord.effective_label,
        )
        changes = find_changes(db.session.execute(stmt).tuples())
        ids = {c.before_id for c in changes} | {c.after_id for c in changes}
        records = {
            r.id: r
            for r in db.session.scalars(
                with_provenance(sa.select(StanceRecord).where(StanceRecord.id.in_(ids)))
            )
        }
        return {
            "actor": actor_ref(actor),
            "changes": [
                {
                    "issue": issue_ref(records[c.after_id].issue),
                    "at": c.at,
                    "from_label": c.from_label,
                    "to_label": c.to_label,
                    "before": stance_dict(records[c.before_id]),
                    "after": stance_dict(records[c.after_id]),
                }
                for c in changes
            ],
        }
