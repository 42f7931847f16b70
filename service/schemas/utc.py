"""Timestamps in responses are RFC 3339 date-times, as the OpenAPI document
says: the database keeps naive UTC datetimes, so they are written with +00:00."""

from __future__ import annotations

from datetime import UTC, datetime

from marshmallow import fields


def utc_isoformat(value: datetime) -> str:
    """ISO 8601 with an explicit offset; a naive value is taken as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat()


def install() -> None:
    """Make every marshmallow DateTime field ("iso" format) write the offset."""
    fields.DateTime.SERIALIZATION_FUNCS["iso"] = utc_isoformat
    fields.DateTime.SERIALIZATION_FUNCS["iso8601"] = utc_isoformat


install()
