"""Article schemas: submission (single and batch), status and stored records."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.schemas.common import DateOrDateTime, Flexible, PageQuery
from service.schemas.stances import StanceOut

STATUSES = ("queued", "processing", "done", "failed", "unsupported")


class ArticleIn(Flexible):
    text = fields.String(required=True, validate=validate.Length(min=1))
    title = fields.String(allow_none=True, validate=validate.Length(max=1000))
    url = fields.Url(allow_none=True, validate=validate.Length(max=2048), schemes={"http", "https"})
    source = fields.String(allow_none=True, validate=validate.Length(max=200))
    published_at = DateOrDateTime(allow_none=True)

    @ma.validates("text")
    def _not_blank(self, value: str, **_: object) -> None:
        if not value.strip():
            raise ma.ValidationError("Text is blank.")


class SubmitQuery(Flexible):
    wait = fields.Float(
        validate=validate.Range(min=0, max=600),
        metadata={"description": "Seconds to block until the analysis is done"},
    )


class ArticleSummary(ma.Schema):
    id = fields.Integer()
    url = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    published_at = fields.DateTime(allow_none=True)
    language = fields.String(allow_none=True)
    status = fields.String(metadata={"description": "queued, processing, done, failed or unsupported"})
    error = fields.String(allow_none=True)
    content_hash = fields.String()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    analysed_at = fields.DateTime(allow_none=True)


class ArticleOut(ArticleSummary):
    text = fields.String()
    stances = fields.List(fields.Nested(StanceOut))


class ArticleQuery(PageQuery):
    status = fields.String(validate=validate.OneOf(STATUSES))
    source = fields.String(validate=validate.Length(min=1, max=200))
    from_ = DateOrDateTime(data_key="from")
    to = DateOrDateTime()


class BatchItemResult(ma.Schema):
    index = fields.Integer()
    status = fields.Integer(metadata={"description": "HTTP status this item would have alone"})
    created = fields.Boolean()
    article = fields.Nested(ArticleSummary, allow_none=True)
    errors = fields.Dict(allow_none=True)


class BatchOut(ma.Schema):
    results = fields.List(fields.Nested(BatchItemResult))
