"""RFC 9457 problem+json: the one error format of the API."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import Response, json
from flask_smorest import Api
from werkzeug.exceptions import HTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"


class ProblemSchema(ma.Schema):
    """An RFC 9457 problem document (documentation only)."""

    type = ma.fields.String(metadata={"description": "URI reference of the problem type"})
    title = ma.fields.String()
    status = ma.fields.Integer()
    detail = ma.fields.String()
    instance = ma.fields.String()
    errors = ma.fields.Dict(metadata={"description": "Field-level validation messages"})


def problem_response(
    status: int,
    title: str,
    detail: str | None = None,
    errors: Any = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_MEDIA_TYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


class ProblemApi(Api):
    """flask-smorest Api whose errors are problem+json documents."""

    ERROR_SCHEMA = ProblemSchema

    def _register_responses(self) -> None:
        """Document every error response as application/problem+json."""
        # The registered responses are all error responses, so the content
        # type is swapped only while they are registered.
        self.DEFAULT_RESPONSE_CONTENT_TYPE = PROBLEM_MEDIA_TYPE
        try:
            super()._register_responses()  # type: ignore[misc]
        finally:
            del self.DEFAULT_RESPONSE_CONTENT_TYPE

    def handle_http_exception(self, error: HTTPException) -> Response:  # type: ignore[override]
        data = getattr(error, "data", None) or {}
        errors = data.get("errors") or data.get("messages")
        # webargs nests messages by location ({"json": {...}}); keep that shape:
        # it tells the client whether the body or the query string was wrong.
        detail = data.get("message") or error.description
        code = error.code or 500
        headers = dict(data.get("headers") or {})
        if code == 405 and error.get_response().headers.get("Allow"):
            headers["Allow"] = error.get_response().headers["Allow"]
        return problem_response(code, error.name, detail, errors, headers)
