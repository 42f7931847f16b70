"""Stance records: the newest-first feed with filters, and human review."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from flask import Response, current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from service.api.lookup import exists_or_404, get_or_404, valid_id
from service.schemas.common import page_schema
from service.schemas.stances import ReviewIn, StanceOut, StanceQuery
from service.store.db import db
from service.store.orm import Actor, Article, Issue, StanceRecord, utcnow
from service.store.webhooks import has_webhooks, latest_stances, record_events
from service.views.stance_payload import stance_payload, stance_payloads
from service.web.json_response import json_response
from service.web.keyset import decode_cursor, page
from service.worker.tasks import send_deliveries

blp = Blueprint("stances", __name__, url_prefix="/api/v1/stances", description="Stance records")

StancePage = page_schema(StanceOut, "StancePage")


def payload_or_404(stance_id: int) -> dict[str, Any]:
    found = stance_payload(db.session, stance_id) if valid_id(stance_id) else None
    if found is None:
        abort(404, message=f"No stance record with id {stance_id}.")
    return found  # type: ignore[return-value]


@blp.route("")
class Stances(MethodView):
    @blp.arguments(StanceQuery, location="query")
    @blp.response(200, StancePage)
    def get(self, query: dict[str, Any]) -> Response:
        """Current stance records, newest first, filtered; cursor-paginated"""
        limit = query.get("limit") or current_app.config["SETTINGS"].page_size
        stmt = sa.select(StanceRecord.observed_at, StanceRecord.id).where(StanceRecord.is_current)
        if "actor" in query:
            stmt = stmt.where(StanceRecord.actor_id == query["actor"])
        if "issue" in query:
            stmt = stmt.where(StanceRecord.issue_id == query["issue"])
        if "stance" in query:
            stmt = stmt.where(StanceRecord.effective_label == query["stance"])
        if "from_" in query:
            stmt = stmt.where(StanceRecord.observed_at >= query["from_"])
        if "to" in query:
            stmt = stmt.where(StanceRecord.observed_at <= query["to"])
        if "source" in query:
            stmt = stmt.join(Article, Article.id == StanceRecord.article_id).where(
                Article.source == query["source"]
            )
        if "cursor" in query:
            last_time, last_id = decode_cursor(query["cursor"], (datetime, int))
            stmt = stmt.where(
                sa.or_(
                    StanceRecord.observed_at < last_time,
                    sa.and_(StanceRecord.observed_at == last_time, StanceRecord.id < last_id),
                )
            )
        stmt = stmt.order_by(StanceRecord.observed_at.desc(), StanceRecord.id.desc()).limit(limit + 1)
        rows = db.session.execute(stmt).all()
        if not rows:  # a record names its actor and issue: only an empty page needs to ask whether they exist
            if "actor" in query:
                exists_or_404(Actor, query["actor"], "actor")
            if "issue" in query:
                exists_or_404(Issue, query["issue"], "issue")
        envelope = page(rows, limit, tuple, lambda row: row.id)
        envelope["items"] = stance_payloads(db.session, envelope["items"])
        return json_response(envelope)


@blp.route("/<int:stance_id>")
class StanceById(MethodView):
    @blp.response(200, StanceOut)
    def get(self, stance_id: int) -> Response:
        """Read one stance record with its evidence and provenance"""
        return json_response(payload_or_404(stance_id))

    @blp.arguments(ReviewIn)
    @blp.response(200, StanceOut)
    def patch(self, data: dict[str, Any], stance_id: int) -> Response:
        """Review a stance: set the label a person decided; the model's label is kept"""
        record = get_or_404(StanceRecord, stance_id, "stance record")
        pairs = {(record.actor_id, record.issue_id)} if has_webhooks(db.session) else set()
        before = latest_stances(db.session, pairs)
        record.review_label = data["label"]
        record.effective_label = data["label"]
        record.reviewer = data["reviewer"]
        record.review_note = data.get("note")
        record.reviewed_at = utcnow()
        deliveries = record_events(db.session, before, pairs, "review") if pairs else []
        db.session.commit()
        send_deliveries(deliveries)
        return json_response(payload_or_404(stance_id))
