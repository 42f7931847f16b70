"""Article schemas: submission (single and batch), status and stored records."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.pipeline.types import DOCUMENT_KINDS
from service.schemas.common import ID_RANGE, ActorRef, DateOrDateTime, Flexible, PageQuery, http_url
from service.schemas.stances import StanceOut

STATUSES = ("queued", "processing", "done", "failed", "unsupported")


class SpeakerIn(Flexible):
    """A speaker of the document: an actor by id or by name, optionally with the
    organisation they speak for (by id or name) and their role in it."""

    # What _one_of_each checks, stated in the OpenAPI document (see web/spec_plugin.py).
    # "At most one of organisation_id and organisation" would be a "not", which
    # schemathesis's coverage phase cannot generate from: it is said in words.
    JSON_SCHEMA_EXTRA = {
        "oneOf": [{"required": ["actor_id"]}, {"required": ["name"]}],
        "description": "Exactly one of actor_id and name; at most one of organisation_id and organisation.",
    }

    actor_id = fields.Integer(validate=ID_RANGE)
    name = fields.String(validate=validate.Length(min=1, max=300))
    organisation_id = fields.Integer(validate=ID_RANGE)
    organisation = fields.String(validate=validate.Length(min=1, max=300))
    role = fields.String(validate=validate.Length(min=1, max=200), metadata={"example": "Administrator"})

    @ma.validates_schema
    def _one_of_each(self, data: dict[str, object], **_: object) -> None:
        if ("actor_id" in data) == ("name" in data):
            raise ma.ValidationError("Give exactly one of actor_id and name.", "actor_id")
        if "organisation_id" in data and "organisation" in data:
            raise ma.ValidationError("Give at most one of organisation_id and organisation.", "organisation")


class SpeakerOut(ma.Schema):
    actor = fields.Nested(ActorRef)
    organisation = fields.Nested(ActorRef, allow_none=True)
    role = fields.String(allow_none=True)


class ArticleIn(Flexible):
    text = fields.String(required=True, validate=validate.Length(min=1))
    kind = fields.String(
        load_default="news",
        validate=validate.OneOf(DOCUMENT_KINDS),
        metadata={
            "description": "What the document is; first-person sentences are read as the speakers' own"
        },
    )
    speakers = fields.List(
        fields.Nested(SpeakerIn),
        validate=validate.Length(max=10),
        metadata={
            "description": "Who speaks (testimony, speech, statement); detected from the text when absent"
        },
    )
    title = fields.String(allow_none=True, validate=validate.Length(max=1000))
    url = http_url(allow_none=True)
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
    kind = fields.String()
    speakers = fields.List(fields.Nested(SpeakerOut), allow_none=True)
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
