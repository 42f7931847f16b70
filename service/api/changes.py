"""An actor's stance changes: when its label on an issue flipped, with evidence on both sides."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.lookup import actor_and_issue_or_404
from service.api.timeline import actor_records
from service.schemas.compare import ChangesOut, ChangesQuery
from service.store.db import db
from service.views.changes import find_changes
from service.views.stance_payload import stance_payloads

blp = Blueprint("changes", __name__, url_prefix="/api/v1", description="Stance changes")


@blp.route("/actors/<int:actor_id>/changes")
class ActorChanges(MethodView):
    @blp.arguments(ChangesQuery, location="query")
    @blp.response(200, ChangesOut)
    def get(self, query: dict[str, Any], actor_id: int) -> dict[str, Any]:
        """The moments an actor's stance on an issue changed, with the records before and after"""
        actor, _ = actor_and_issue_or_404(actor_id, query.get("issue"))
        changes = find_changes(actor_records(actor_id, query))
        ids = {c.before_id for c in changes} | {c.after_id for c in changes}
        records = {r["id"]: r for r in stance_payloads(db.session, sorted(ids))}
        return {
            "actor": actor,
            "changes": [
                {
                    "issue": records[c.after_id]["issue"],
                    "at": c.at,
                    "from_label": c.from_label,
                    "to_label": c.to_label,
                    "before": records[c.before_id],
                    "after": records[c.after_id],
                }
                for c in changes
            ],
        }
