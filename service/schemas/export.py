"""Schema of the stance export query."""

from __future__ import annotations

from marshmallow import fields, validate

from service.schemas.common import ID_RANGE, DateOrDateTime, Flexible

EXPORT_FORMATS = ("ndjson", "csv")


class ExportQuery(Flexible):
    format = fields.String(
        validate=validate.OneOf(EXPORT_FORMATS),
        metadata={"description": "ndjson or csv; else chosen by Accept (default ndjson)"},
    )
    issue = fields.Integer(validate=ID_RANGE)
    actor = fields.Integer(validate=ID_RANGE)
    from_ = DateOrDateTime(data_key="from")
    to = DateOrDateTime()
    current = fields.Boolean(
        load_default=False,
        metadata={"description": "Only records of each article's latest analysis (default: all)"},
    )
