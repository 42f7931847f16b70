"""The guards in the OpenAPI document: security schemes, each operation's
required scope, its 401/403/429 responses and, on writes, Idempotency-Key."""

from __future__ import annotations

from typing import Any

from apispec import BasePlugin
from flask_smorest import Api

from service.web.auth import required_scope

SCHEMES = {
    "ApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "BearerAuth": {"type": "http", "scheme": "bearer", "description": "Authorization: Bearer <API key>"},
}
PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
IDEMPOTENCY_KEY = {
    "in": "header",
    "name": "Idempotency-Key",
    "required": False,
    "description": "Send the same key again to get the first response again instead of a second write "
    "(409 while the first is still running, 422 when reused for another request)",
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
}
RESPONSES = {
    "401": ("UNAUTHORIZED", "No API key, or an unknown or revoked one"),
    "403": ("FORBIDDEN", "The API key lacks the scope this operation needs"),
    "429": ("TOO_MANY_REQUESTS", "Rate limit exceeded; see the Retry-After header"),
}


class AccessPlugin(BasePlugin):
    """Adds `security` (the scope as a role) and the access errors per operation."""

    def operation_helper(
        self, path: str | None = None, operations: dict[str, Any] | None = None, **kwargs: Any
    ) -> None:
        rule = kwargs.get("rule")
        endpoint = getattr(rule, "endpoint", None)
        for method, operation in (operations or {}).items():
            scope = required_scope(method.upper(), endpoint)
            if scope is None:
                operation["security"] = []
                continue
            operation["security"] = [{name: [scope]} for name in SCHEMES]
            if method.upper() in ("POST", "PATCH"):
                operation.setdefault("parameters", []).append(IDEMPOTENCY_KEY)
            responses = operation.setdefault("responses", {})
            for status, (name, _) in RESPONSES.items():
                responses.setdefault(status, {"$ref": f"#/components/responses/{name}"})


def document_access(api: Api) -> None:
    """Register the schemes and responses; call before registering blueprints."""
    for name, scheme in SCHEMES.items():
        api.spec.components.security_scheme(name, scheme)
    for name, description in RESPONSES.values():
        api.spec.components.response(name, {"description": description, "content": PROBLEM})
    plugin = AccessPlugin()
    plugin.init_spec(api.spec)
    api.spec.plugins.append(plugin)
