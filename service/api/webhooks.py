"""Webhooks (admin scope): subscribe a URL to stance changes, list, delete,
and read each subscription's delivery log."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from service.api.lookup import get_or_404
from service.schemas.common import page_schema
from service.schemas.webhooks import DeliveryOut, WebhookIn, WebhookOut, WebhookQuery
from service.store.db import db
from service.store.orm import Actor, Issue, Webhook, WebhookDelivery
from service.web.keyset import decode_cursor, page

blp = Blueprint("webhooks", __name__, url_prefix="/api/v1/webhooks", description="Stance-change webhooks")

WebhookPage = page_schema(WebhookOut, "WebhookPage")
DeliveryPage = page_schema(DeliveryOut, "DeliveryPage")


def _limit(query: dict[str, Any]) -> int:
    return int(query.get("limit") or current_app.config["SETTINGS"].page_size)


@blp.route("")
class Webhooks(MethodView):
    @blp.arguments(WebhookQuery, location="query")
    @blp.response(200, WebhookPage)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """List the webhooks, oldest first (secrets are never shown)"""
        stmt = sa.select(Webhook).order_by(Webhook.id)
        if "cursor" in query:
            (last_id,) = decode_cursor(query["cursor"], (int,))
            stmt = stmt.where(Webhook.id > last_id)
        rows = list(db.session.scalars(stmt.limit(_limit(query) + 1)))
        return page(rows, _limit(query), lambda hook: (hook.id,), lambda hook: hook)

    @blp.arguments(WebhookIn)
    @blp.response(201, WebhookOut)
    def post(self, data: dict[str, Any]) -> tuple[Webhook, int, dict[str, str]]:
        """Subscribe a URL to changes of actors' latest stances (optionally one actor, one issue)"""
        for field, model in (("actor_id", Actor), ("issue_id", Issue)):
            if data.get(field) is not None and db.session.get(model, data[field]) is None:
                abort(422, message=f"{field}: no {model.__tablename__[:-1]} with id {data[field]}.")
        hook = Webhook(**data)
        db.session.add(hook)
        db.session.commit()
        return hook, 201, {"Location": f"/api/v1/webhooks/{hook.id}"}


@blp.route("/<int:webhook_id>")
class WebhookById(MethodView):
    @blp.response(200, WebhookOut)
    def get(self, webhook_id: int) -> Webhook:
        """Read one webhook"""
        return get_or_404(Webhook, webhook_id, "webhook")

    @blp.response(204)
    def delete(self, webhook_id: int) -> None:
        """Delete a webhook and its delivery log"""
        db.session.delete(get_or_404(Webhook, webhook_id, "webhook"))
        db.session.commit()


@blp.route("/<int:webhook_id>/deliveries")
class WebhookDeliveries(MethodView):
    @blp.arguments(WebhookQuery, location="query")
    @blp.response(200, DeliveryPage)
    def get(self, query: dict[str, Any], webhook_id: int) -> dict[str, Any]:
        """The webhook's deliveries, newest first, with attempts and outcome"""
        get_or_404(Webhook, webhook_id, "webhook")
        stmt = (
            sa.select(WebhookDelivery)
            .where(WebhookDelivery.webhook_id == webhook_id)
            .order_by(WebhookDelivery.id.desc())
        )
        if "cursor" in query:
            (last_id,) = decode_cursor(query["cursor"], (int,))
            stmt = stmt.where(WebhookDelivery.id < last_id)
        rows = list(db.session.scalars(stmt.limit(_limit(query) + 1)))
        return page(rows, _limit(query), lambda delivery: (delivery.id,), lambda delivery: delivery)
