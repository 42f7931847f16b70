"""Analysis runs: every analysis of an article, each with its own records."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields

from service.schemas.stances import ModelRef, StanceOut


class RunOut(ma.Schema):
    id = fields.Integer()
    model = fields.Nested(ModelRef)
    sentences = fields.Integer(metadata={"description": "Prose sentences analysed"})
    created_at = fields.DateTime()
    is_current = fields.Boolean(metadata={"description": "The article's latest analysis"})
    stances = fields.List(fields.Nested(StanceOut), metadata={"description": "The records this run made"})


class RunList(ma.Schema):
    items = fields.List(fields.Nested(RunOut), metadata={"description": "Newest first"})
