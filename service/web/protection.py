"""Everything that guards the API, installed in order: API keys and scopes,
rate limits, Idempotency-Key replays, and their OpenAPI documentation."""

from __future__ import annotations

from flask import Flask
from flask_limiter import Limiter
from flask_smorest import Api

from service.web.auth import init_auth
from service.web.idempotency import init_idempotency
from service.web.limits import init_rate_limits
from service.web.openapi_access import document_access


def protect(app: Flask, api: Api) -> Limiter:
    """Install the guards; call before registering blueprints (for the docs)."""
    document_access(api)
    init_auth(app)
    limiter = init_rate_limits(app)
    init_idempotency(app)
    return limiter
