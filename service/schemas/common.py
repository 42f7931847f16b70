"""Fields and small schemas shared by several resources."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from service.web.keyset import CURSOR_PATTERN

LABEL_CHOICES = ("support", "oppose", "neutral")


class Flexible(ma.Schema):
    """Base for input schemas: unknown fields are an error, not silently dropped."""

    class Meta:
        unknown = ma.RAISE


class DateOrDateTime(fields.Field):
    """Accepts "2013-05-07" or an ISO 8601 date-time; always yields a naive UTC datetime."""

    default_error_messages = {"invalid": "Not a valid ISO 8601 date or date-time."}

    def __init__(self, **kwargs: Any) -> None:
        # Documented in the OpenAPI document (a custom field is otherwise "anything").
        kinds: list[dict[str, str]] = [
            {"type": "string", "format": "date"},
            {"type": "string", "format": "date-time"},
        ]
        if kwargs.get("allow_none"):
            kinds.append({"type": "null"})
        metadata = {
            "anyOf": kinds,
            "example": "2013-05-07",
            **kwargs.pop("metadata", {}),
        }
        super().__init__(metadata=metadata, **kwargs)

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        if value is None:
            return None
        return value.isoformat()

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> datetime:
        if not isinstance(value, str) or len(value) > 64:
            raise self.make_error("invalid")
        try:
            if len(value) == 10:
                return datetime.combine(date.fromisoformat(value), time())
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as exc:
            raise self.make_error("invalid") from exc
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
        return parsed


# An absolute http(s) URL. The pattern is both the check and what the OpenAPI
# document states, so a client (or schemathesis) can tell valid from invalid.
# Explicit ranges, no \s or \S: those differ between Python and ECMA regexes.
HTTP_URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\x00-\x20\x7f/?#]+(?:[/?#][^\x00-\x20\x7f]*)?$"


def http_url(**kwargs: Any) -> fields.String:
    """A string field holding an absolute http(s) URL of at most 2,048 characters."""
    return fields.String(
        validate=[
            validate.Length(max=2048),
            validate.Regexp(HTTP_URL_PATTERN, error="Not a valid http(s) URL."),
        ],
        metadata={"pattern": HTTP_URL_PATTERN, **kwargs.pop("metadata", {})},
        **kwargs,
    )


# Ids and counts are stored as 64-bit integers; a larger number is a 422, never a database error.
MAX_INT = 2**63 - 1
ID_RANGE = validate.Range(min=1, max=MAX_INT)


class ActorRef(ma.Schema):
    id = fields.Integer()
    name = fields.String()


class IssueRef(ma.Schema):
    id = fields.Integer()
    name = fields.String()


class PageQuery(Flexible):
    # The pattern is checked with the rest of the cursor (web/keyset.py): any bad cursor is one 400.
    cursor = fields.String(
        validate=validate.Length(max=200),
        metadata={
            "pattern": CURSOR_PATTERN,
            "description": "The next_cursor of the previous page (any other value: 400)",
        },
    )
    limit = fields.Integer(validate=validate.Range(min=1, max=500))


def page_schema(item: type[ma.Schema], name: str) -> type[ma.Schema]:
    """A page envelope {items, next_cursor} around `item`."""
    return ma.Schema.from_dict(
        {
            "items": fields.List(fields.Nested(item)),
            "next_cursor": fields.String(allow_none=True),
        },
        name=name,
    )
