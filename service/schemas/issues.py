"""Issue schemas: the catalogue users edit."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.schemas.common import Flexible, PageQuery

SLUG = validate.Regexp(r"^[a-z0-9][a-z0-9-]{0,119}$", error="Use lowercase letters, digits and hyphens.")
KEYWORDS = fields.List(
    fields.String(validate=validate.Length(min=1, max=200)), validate=validate.Length(max=100)
)


class IssueIn(Flexible):
    slug = fields.String(validate=SLUG, metadata={"description": "Derived from name when omitted"})
    name = fields.String(required=True, validate=validate.Length(min=1, max=300))
    description = fields.String(
        load_default="",
        validate=validate.Length(max=5000),
        metadata={"description": "What support and oppose mean for this issue"},
    )
    keywords = KEYWORDS


class IssuePatch(Flexible):
    slug = fields.String(validate=SLUG)
    name = fields.String(validate=validate.Length(min=1, max=300))
    description = fields.String(validate=validate.Length(max=5000))
    keywords = KEYWORDS


class IssueOut(ma.Schema):
    id = fields.Integer()
    slug = fields.String()
    name = fields.String()
    description = fields.String()
    keywords = fields.List(fields.String())
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class IssueQuery(PageQuery):
    q = fields.String(validate=validate.Length(max=200))
