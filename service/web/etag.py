"""Conditional GETs for the read endpoints: an ETag on every whole GET 200 under
/api/v1, and 304 Not Modified when If-None-Match names it. One after_request
hook for all endpoints, plus an apispec plugin that documents it."""

from __future__ import annotations

import hashlib
from typing import Any

from apispec import APISpec, BasePlugin
from flask import Flask, Response, request
from flask_smorest import Api

API_PREFIX = "/api/v1/"
TAGGED_TYPES = {"application/json", "application/graphml+xml"}


def tag_response(response: Response) -> Response:
    """Add a strong ETag (a hash of the body) and answer If-None-Match with 304."""
    if (
        request.method not in ("GET", "HEAD")
        or response.status_code != 200
        or not request.path.startswith(API_PREFIX)
        or response.mimetype not in TAGGED_TYPES
        or response.is_streamed
        or response.direct_passthrough
    ):
        return response
    if "ETag" not in response.headers:
        response.set_etag(hashlib.sha256(response.get_data()).hexdigest()[:32])
    response.headers.setdefault("Cache-Control", "no-cache")
    response.make_conditional(request)
    return response


class ConditionalGetPlugin(BasePlugin):
    """Documents If-None-Match, the ETag header and 304 on every GET under /api/v1
    that answers JSON (streamed exports are left out)."""

    def operation_helper(
        self, path: str | None = None, operations: dict[str, Any] | None = None, **kwargs: Any
    ) -> None:
        get = (operations or {}).get("get")
        if get is None or not path or not path.startswith(API_PREFIX) or path.startswith("/api/v1/export"):
            return
        get.setdefault("parameters", []).append("IfNoneMatch")
        responses = get.setdefault("responses", {})
        responses[304] = "NotModified"  # flask-smorest keys responses by int
        ok = responses.get(200, responses.get("200"))
        if isinstance(ok, dict):
            ok.setdefault("headers", {})["ETag"] = "ETag"


def install_etags(app: Flask, api: Api) -> None:
    """Register the hook and, before any blueprint is registered, the doc plugin."""
    spec: APISpec = api.spec
    spec.components.header(
        "ETag",
        {"description": "A hash of the body; send it back in If-None-Match", "schema": {"type": "string"}},
    )
    spec.components.parameter(
        "IfNoneMatch",
        "header",
        {
            "name": "If-None-Match",
            "required": False,
            "description": "ETags from earlier answers; 304 Not Modified when one still matches",
            "schema": {"type": "string"},
        },
    )
    spec.components.response("NotModified", {"description": "Not Modified: the ETag still matches"})
    plugin = ConditionalGetPlugin()
    plugin.init_spec(spec)
    spec.plugins = [*spec.plugins, plugin]
    app.after_request(tag_response)
