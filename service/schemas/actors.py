"""Actor schemas: countries, organisations, groups and persons with dated roles."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.schemas.common import ID_RANGE, ActorRef, Flexible, PageQuery

KINDS = ("person", "country", "organisation", "group")
ROLES = (
    "head_of_state", "head_of_government", "minister", "deputy_minister", "official",
    "spokesperson", "military", "diplomat", "legislator", "member", "judiciary",
    "opposition", "other",
)  # fmt: skip
ALIASES = fields.List(
    fields.String(validate=validate.Length(min=1, max=300)), validate=validate.Length(max=200)
)


class AffiliationIn(Flexible):
    parent_id = fields.Integer(
        required=True, validate=ID_RANGE, metadata={"description": "The state or organisation"}
    )
    role = fields.String(required=True, validate=validate.OneOf(ROLES))
    valid_from = fields.Date(allow_none=True)
    valid_to = fields.Date(
        allow_none=True, metadata={"description": "On or after valid_from (422 otherwise)"}
    )

    @ma.validates_schema
    def _dates_in_order(self, data: dict[str, object], **_: object) -> None:
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and start > end:  # type: ignore[operator]
            raise ma.ValidationError("valid_from is after valid_to.", "valid_to")


class ActorIn(Flexible):
    name = fields.String(required=True, validate=validate.Length(min=1, max=300))
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    aliases = ALIASES
    affiliations = fields.List(fields.Nested(AffiliationIn), validate=validate.Length(max=100))


class ActorPatch(Flexible):
    name = fields.String(validate=validate.Length(min=1, max=300))
    kind = fields.String(validate=validate.OneOf(KINDS))
    aliases = ALIASES
    affiliations = fields.List(fields.Nested(AffiliationIn), validate=validate.Length(max=100))


class AffiliationOut(ma.Schema):
    parent = fields.Nested(ActorRef)
    role = fields.String()
    valid_from = fields.Date(allow_none=True)
    valid_to = fields.Date(
        allow_none=True, metadata={"description": "On or after valid_from (422 otherwise)"}
    )


class ActorOut(ma.Schema):
    id = fields.Integer()
    key = fields.String()
    name = fields.String()
    kind = fields.String()
    aliases = fields.List(fields.String())
    origin = fields.String(metadata={"description": "catalogue, ner (found in text) or user"})
    affiliations = fields.List(fields.Nested(AffiliationOut))
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class ActorQuery(PageQuery):
    q = fields.String(validate=validate.Length(min=1, max=200))
    kind = fields.String(validate=validate.OneOf(KINDS))
