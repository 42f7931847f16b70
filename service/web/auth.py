"""API keys and scopes: who may call which endpoint (one before_request hook).

Keys travel as `Authorization: Bearer <key>` or `X-API-Key: <key>`; only their
sha256 is stored. Scopes: `read` (every GET), `write` (creating and editing
articles, issues and actors), `review` (stance corrections) and `admin`
(everything). Health probes and the OpenAPI document are public; reads are
opened to anonymous clients with STANCE_ANONYMOUS_READS.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass

import sqlalchemy as sa
from flask import Flask, Response, current_app, g, request
from sqlalchemy.orm import Session

from service.store.db import db
from service.store.orm import ApiKey, utcnow
from service.web.errors import problem_response

SCOPES = ("read", "write", "review", "admin")
PUBLIC_ENDPOINTS = frozenset({"health.Health", "health.Ready", "api-docs.openapi_json", "static"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Endpoints whose scope is not the default of their method (safe: read, else write).
SCOPE_OVERRIDES = {
    ("PATCH", "stances.StanceById"): "review",
    # Webhooks send data to any URL and hold secrets: admin only, reads included.
    **{
        (method, f"webhooks.{view}"): "admin"
        for method, view in (
            ("GET", "Webhooks"),
            ("POST", "Webhooks"),
            ("GET", "WebhookById"),
            ("DELETE", "WebhookById"),
            ("GET", "WebhookDeliveries"),
        )
    },
}
KEY_PREFIX = "st_"
API_PREFIX = "/api/"


@dataclass(frozen=True)
class Principal:
    """The caller behind a valid key."""

    key_id: int
    name: str
    scopes: frozenset[str]
    rate_limit: str | None = None

    def allows(self, scope: str) -> bool:
        return "admin" in self.scopes or scope in self.scopes


def required_scope(method: str, endpoint: str | None, path: str = API_PREFIX) -> str | None:
    """The scope a request needs; None for public endpoints, pages outside the
    API (the dashboard's HTML and scripts hold no data), CORS preflights and
    unknown routes (which answer 404/405 anyway)."""
    if (
        method == "OPTIONS"
        or endpoint is None
        or endpoint in PUBLIC_ENDPOINTS
        or not path.startswith(API_PREFIX)
    ):
        return None
    override = SCOPE_OVERRIDES.get((method, endpoint))
    if override:
        return override
    return "read" if method in SAFE_METHODS else "write"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def key_from_headers(authorization: str, x_api_key: str | None) -> str | None:
    """The key a caller sent, from `Authorization: Bearer <key>` or `X-API-Key: <key>`."""
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return x_api_key or None


def presented_key() -> str | None:
    """The key sent with this request."""
    return key_from_headers(request.headers.get("Authorization", ""), request.headers.get("X-API-Key"))


def find_principal(session: Session, key: str) -> Principal | None:
    """The live (not revoked) key with this secret, if any."""
    row = session.execute(
        sa.select(ApiKey.id, ApiKey.name, ApiKey.scopes, ApiKey.rate_limit).where(
            ApiKey.key_hash == hash_key(key), ApiKey.revoked_at.is_(None)
        )
    ).first()
    # End the read transaction: a SQLite snapshot held into a later write fails.
    session.commit()
    if row is None:
        return None
    return Principal(row.id, row.name, frozenset(row.scopes.split()), row.rate_limit)


class PrincipalCache:
    """Key lookups remembered for STANCE_AUTH_CACHE_SECONDS per process, so a
    request costs no query; a revocation reaches other processes within that time."""

    MAX_ENTRIES = 10_000

    def __init__(self) -> None:
        self._entries: dict[str, tuple[float, Principal | None]] = {}
        self._lock = threading.Lock()

    def lookup(self, session: Session, key: str, ttl: float) -> Principal | None:
        found, principal = self.peek(key)
        if found:
            return principal
        principal = find_principal(session, key)
        if ttl > 0:
            with self._lock:
                if len(self._entries) >= self.MAX_ENTRIES:
                    self._entries.clear()
                self._entries[key] = (time.monotonic() + ttl, principal)
        return principal

    def peek(self, key: str) -> tuple[bool, Principal | None]:
        """(found, principal) from memory only: (False, None) when the key must be looked up."""
        entry = self._entries.get(key)
        if entry is None or entry[0] <= time.monotonic():
            return False, None
        return True, entry[1]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


principal_cache = PrincipalCache()


def current_principal() -> Principal | None:
    return g.get("principal")


def _unauthorised(detail: str) -> Response:
    return problem_response(
        401, "Unauthorized", detail, headers={"WWW-Authenticate": 'Bearer realm="stance-tracker"'}
    )


def authorise() -> Response | None:
    """before_request: 401 without a valid key, 403 without the scope."""
    settings = current_app.config["SETTINGS"]
    scope = required_scope(request.method, request.endpoint, request.path)
    if not settings.auth_enabled or scope is None:
        return None
    key = presented_key()
    if key is None:
        if scope == "read" and settings.anonymous_reads:
            return None
        return _unauthorised("Send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.")
    principal = principal_cache.lookup(db.session, key, settings.auth_cache_seconds)
    if principal is None:
        return _unauthorised("The API key is unknown or revoked.")
    g.principal = principal
    if not principal.allows(scope):
        return problem_response(403, "Forbidden", f"This API key lacks the '{scope}' scope.")
    return None


def init_auth(app: Flask) -> None:
    app.before_request(authorise)


def create_key(session: Session, name: str, scopes: tuple[str, ...], rate_limit: str | None = None) -> str:
    """Store a new key and return its secret (shown once, never stored)."""
    unknown = set(scopes) - set(SCOPES)
    if unknown or not scopes:
        raise ValueError(f"scopes must be among {', '.join(SCOPES)}")
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    session.add(
        ApiKey(
            name=name,
            prefix=secret[:10],
            key_hash=hash_key(secret),
            scopes=" ".join(s for s in SCOPES if s in scopes),
            rate_limit=rate_limit,
        )
    )
    session.commit()
    return secret


def list_keys(session: Session) -> list[ApiKey]:
    return list(session.scalars(sa.select(ApiKey).order_by(ApiKey.id)))


def revoke_key(session: Session, key_id: int) -> bool:
    """Revoke a key; False when no live key has this id."""
    result = session.execute(
        sa.update(ApiKey).where(ApiKey.id == key_id, ApiKey.revoked_at.is_(None)).values(revoked_at=utcnow())
    )
    session.commit()
    principal_cache.clear()
    return bool(result.rowcount)  # type: ignore[attr-defined]
