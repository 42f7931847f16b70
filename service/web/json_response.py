"""JSON responses built straight from plain dicts, for the hot read endpoints.

flask-smorest dumps a view's result through its marshmallow schema; for a page
of stance records that costs more than the queries (about 6 ms for 20 records).
The payload builders in service.views.stance_payload already produce exactly the
documented shape, so those views return `json_response(...)`, which
flask-smorest passes through untouched; the schema still documents the answer
and the schemathesis suite checks every answer against it.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from flask import Response

from service.schemas.utc import utc_isoformat


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        return utc_isoformat(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def json_response(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """A compact application/json response; dates and times as RFC 3339 (as the schemas write them)."""
    body = json.dumps(payload, default=_iso, separators=(",", ":"))
    return Response(body, status=status, headers=headers, mimetype="application/json")
