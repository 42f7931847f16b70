"""Rate limits per API key (per address for anonymous callers) with Flask-Limiter.

Counters live in STANCE_RATELIMIT_STORAGE_URL: local:// (per process, see
service.web.local_counters) by default, redis://host:6379/n to share them
between processes and machines.
A breach is a 429 problem document with Retry-After.
"""

from __future__ import annotations

import math
import time

from flask import Flask, Response, current_app, request
from flask_limiter import Limiter
from flask_limiter.errors import RateLimitExceeded

from service.web.auth import current_principal, required_scope
from service.web.errors import problem_response
from service.web.local_counters import LocalStorage  # noqa: F401  (defining it registers local://)

KEY_PREFIX = (
    "stance-tracker"  # Flask-Limiter's bucket names start with it (service.web.hit_path counts alike)
)


def caller_bucket(key_id: int | None, remote_addr: str | None) -> str:
    """The bucket a request counts against: its key, else its address."""
    return f"key:{key_id}" if key_id is not None else f"addr:{remote_addr or 'unknown'}"


def rate_limit_key() -> str:
    principal = current_principal()
    return caller_bucket(principal.key_id if principal else None, request.remote_addr)


def current_rate_limit() -> str:
    """The key's own limit when it has one, else STANCE_RATE_LIMIT."""
    principal = current_principal()
    if principal is not None and principal.rate_limit:
        return principal.rate_limit
    return str(current_app.config["SETTINGS"].rate_limit)


def _exempt() -> bool:
    """Health probes, the OpenAPI document and CORS preflights are not counted."""
    return required_scope(request.method, request.endpoint, request.path) is None


def init_rate_limits(app: Flask) -> Limiter:
    """Install the limiter; call after init_auth so the caller is known."""
    settings = app.config["SETTINGS"]
    limiter = Limiter(
        key_func=rate_limit_key,
        default_limits=[current_rate_limit],
        storage_uri=settings.ratelimit_storage_url,
        strategy="sliding-window-counter",
        key_prefix=KEY_PREFIX,
        # A storage outage must not take the API down: fall back to per-process counters.
        swallow_errors=True,
        in_memory_fallback_enabled=True,
        enabled=settings.ratelimit_enabled,
    )
    limiter.request_filter(_exempt)
    limiter.init_app(app)

    def too_many_requests(error: RateLimitExceeded) -> Response:
        limit = limiter.current_limit
        # The window's own reset time (RequestLimit.reset_at adds a second on top).
        retry_after = math.ceil(limit.window[0] - time.time()) if limit is not None else 1
        return problem_response(
            429,
            "Too Many Requests",
            f"Rate limit of {error.description} exceeded; retry later.",
            headers={"Retry-After": str(max(1, retry_after))},
        )

    app.register_error_handler(RateLimitExceeded, too_many_requests)
    return limiter
