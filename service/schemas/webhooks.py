"""Webhook schemas: a subscription (URL, secret, filters) and its deliveries."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.schemas.common import ID_RANGE, Flexible, PageQuery, http_url


class WebhookIn(Flexible):
    url = http_url(required=True)
    secret = fields.String(
        required=True,
        validate=validate.Length(min=16, max=200),
        metadata={
            "description": "Signs each delivery: X-Stance-Signature is sha256=HMAC-SHA256(secret, body)"
        },
    )
    actor_id = fields.Integer(validate=ID_RANGE, metadata={"description": "Only this actor's changes"})
    issue_id = fields.Integer(validate=ID_RANGE, metadata={"description": "Only changes on this issue"})


class WebhookOut(ma.Schema):
    id = fields.Integer()
    url = fields.String()
    actor_id = fields.Integer(allow_none=True)
    issue_id = fields.Integer(allow_none=True)
    created_at = fields.DateTime()


class DeliveryOut(ma.Schema):
    id = fields.Integer()
    status = fields.String(metadata={"description": "pending, retrying, delivered or failed"})
    attempts = fields.Integer()
    response_status = fields.Integer(allow_none=True)
    error = fields.String(allow_none=True)
    event = fields.Dict()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    delivered_at = fields.DateTime(allow_none=True)


class WebhookQuery(PageQuery):
    pass
