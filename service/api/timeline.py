"""Views over time: an actor's history per period, an issue's latest positions."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.lookup import actor_and_issue_or_404, ref_or_404
from service.schemas.history import HistoryOut, HistoryQuery, PositionsOut, PositionsQuery
from service.store.db import db
from service.store.orm import Issue, StanceRecord
from service.views.history import bucket
from service.views.stance_payload import stance_payloads
from service.web.json_response import json_response

blp = Blueprint("timeline", __name__, url_prefix="/api/v1", description="Stances over time")


@functools.cache
def _records_query(extra: tuple[Any, ...], by_issue: bool, since: bool, until: bool) -> sa.Select[Any]:
    # One statement per shape, built once, with bound parameters.
    columns = (StanceRecord.id, StanceRecord.issue_id, StanceRecord.observed_at, StanceRecord.effective_label)
    stmt = sa.select(*columns, *extra).where(
        StanceRecord.actor_id == sa.bindparam("actor"), StanceRecord.is_current
    )
    if by_issue:
        stmt = stmt.where(StanceRecord.issue_id == sa.bindparam("issue"))
    if since:
        stmt = stmt.where(
            StanceRecord.observed_at >= sa.bindparam("from_", type_=StanceRecord.observed_at.type)
        )
    if until:
        stmt = stmt.where(StanceRecord.observed_at <= sa.bindparam("to", type_=StanceRecord.observed_at.type))
    return stmt


def actor_records(actor_id: int, query: dict[str, Any], *extra: Any) -> Iterable[tuple[Any, ...]]:
    """(id, issue_id, observed_at, effective_label, *extra) of the actor's current
    records, filtered by the query's issue, from and to (the caller has checked
    that the actor and issue exist)."""
    stmt = _records_query(extra, "issue" in query, "from_" in query, "to" in query)
    params: dict[str, Any] = {k: query[k] for k in ("issue", "from_", "to") if k in query}
    params["actor"] = actor_id
    return db.session.connection().execute(stmt, params).tuples()


@blp.route("/actors/<int:actor_id>/history")
class ActorHistory(MethodView):
    @blp.arguments(HistoryQuery, location="query")
    @blp.response(200, HistoryOut)
    def get(self, query: dict[str, Any], actor_id: int) -> Response:
        """An actor's stances per period: counts per label, net score, confidence, record ids"""
        actor, issue = actor_and_issue_or_404(actor_id, query.get("issue"))
        periods = bucket(actor_records(actor_id, query, StanceRecord.confidence), query["interval"])
        if issue is not None:  # the dashboard's shape: the one issue is already known
            issues = {issue["id"]: issue}
        else:
            issue_ids = {p.issue_id for p in periods}
            names = db.session.execute(sa.select(Issue.id, Issue.name).where(Issue.id.in_(issue_ids)))
            issues = {issue_id: {"id": issue_id, "name": name} for issue_id, name in names}
        # Already in HistoryOut's shape: sent as JSON without a marshmallow dump
        # (which took a quarter of a worker's time under the load bench).
        return json_response(
            {
                "actor": actor,
                "interval": query["interval"],
                "periods": [p.as_dict(issues[p.issue_id]) for p in periods],
            }
        )


@blp.route("/issues/<int:issue_id>/positions")
class IssuePositions(MethodView):
    @blp.arguments(PositionsQuery, location="query")
    @blp.response(200, PositionsOut)
    def get(self, query: dict[str, Any], issue_id: int) -> Response:
        """Every actor's latest stance on the issue (as of a date), with its evidence"""
        issue = ref_or_404(Issue, issue_id, "issue")
        ranked = sa.select(
            StanceRecord.id,
            StanceRecord.actor_id,
            sa.func.row_number()
            .over(
                partition_by=StanceRecord.actor_id,
                order_by=(StanceRecord.observed_at.desc(), StanceRecord.id.desc()),
            )
            .label("rank"),
        ).where(StanceRecord.issue_id == issue_id, StanceRecord.is_current)
        if "as_of" in query:
            ranked = ranked.where(StanceRecord.observed_at <= query["as_of"])
        latest = ranked.subquery()
        stmt = sa.select(latest.c.id).where(latest.c.rank == 1).order_by(latest.c.actor_id)
        records = stance_payloads(db.session, db.session.scalars(stmt).all())
        return json_response(
            {
                "issue": issue,
                "as_of": query.get("as_of"),
                "positions": [{"actor": r["actor"], "stance": r} for r in records],
            }
        )
