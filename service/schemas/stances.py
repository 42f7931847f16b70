"""Stance record schemas: label, scores, evidence with offsets, provenance, review."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.schemas.common import (
    ID_RANGE,
    LABEL_CHOICES,
    ActorRef,
    DateOrDateTime,
    Flexible,
    IssueRef,
    PageQuery,
)


class EvidenceOut(ma.Schema):
    id = fields.Integer()
    sentence_index = fields.Integer()
    start = fields.Integer(metadata={"description": "Character offset into the article text"})
    end = fields.Integer()
    text = fields.String()
    label = fields.String()
    scores = fields.Dict(keys=fields.String(), values=fields.Float())
    is_quote = fields.Boolean(metadata={"description": "A direct quote of the holder"})
    reporter = fields.Nested(
        ActorRef, allow_none=True, metadata={"description": "Who reported the holder's stance"}
    )


class ArticleRef(ma.Schema):
    id = fields.Integer()
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    published_at = fields.DateTime(allow_none=True)


class ModelRef(ma.Schema):
    name = fields.String()
    version = fields.String()


class ReviewOut(ma.Schema):
    label = fields.String()
    reviewer = fields.String()
    note = fields.String(allow_none=True)
    reviewed_at = fields.DateTime()


class StanceOut(ma.Schema):
    id = fields.Integer()
    actor = fields.Nested(ActorRef)
    issue = fields.Nested(IssueRef)
    label = fields.String(metadata={"description": "The reviewed label when reviewed, else the model's"})
    model_label = fields.String()
    confidence = fields.Float()
    scores = fields.Dict(keys=fields.String(), values=fields.Float())
    observed_at = fields.DateTime(metadata={"description": "Publication time, else arrival time"})
    is_current = fields.Boolean(metadata={"description": "From the article's latest analysis"})
    evidence = fields.List(fields.Nested(EvidenceOut))
    article = fields.Nested(ArticleRef)
    model = fields.Nested(ModelRef)
    review = fields.Nested(ReviewOut, allow_none=True)


class StanceQuery(PageQuery):
    actor = fields.Integer(validate=ID_RANGE)
    issue = fields.Integer(validate=ID_RANGE)
    stance = fields.String(validate=validate.OneOf(LABEL_CHOICES))
    source = fields.String(validate=validate.Length(min=1, max=200))
    from_ = DateOrDateTime(data_key="from")
    to = DateOrDateTime()


class ReviewIn(Flexible):
    label = fields.String(required=True, validate=validate.OneOf(LABEL_CHOICES))
    reviewer = fields.String(required=True, validate=validate.Length(min=1, max=200))
    note = fields.String(validate=validate.Length(max=5000))
