"""The Idempotency-Key header: a retried write gets the first response again.

A POST or PATCH with `Idempotency-Key: <token>` is recorded per caller (API key)
together with a fingerprint of the request. A repeat with the same key and
the same request replays the stored response (`Idempotent-Replayed: true`);
the same key with a different request is a 422; a repeat while the first is
still running is a 409. Server errors are not stored, so they can be retried.
Records expire after STANCE_IDEMPOTENCY_TTL_SECONDS.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from flask import Flask, Response, current_app, g, request
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from service.store.db import db
from service.store.orm import IdempotencyRecord, utcnow
from service.web.auth import current_principal, required_scope
from service.web.errors import problem_response

log = logging.getLogger(__name__)

HEADER = "Idempotency-Key"
METHODS = frozenset({"POST", "PATCH"})
# Responses a client should be able to retry with the same key.
NOT_STORED = frozenset({401, 403, 409, 429})
REPLAYED_HEADERS = ("Content-Type", "Location")


def _owner() -> str:
    principal = current_principal()
    return f"key:{principal.key_id}" if principal is not None else "anonymous"


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for part in (request.method, request.path, request.query_string.decode("latin-1")):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(request.get_data(cache=True))
    return digest.hexdigest()


def _insert_new(session: Session, owner: str, key: str, fingerprint: str) -> bool:
    """Record the key as in flight; False when the caller already used it."""
    dialect = session.get_bind().dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    new_id = session.execute(
        insert(IdempotencyRecord)
        .values(owner=owner, key=key, fingerprint=fingerprint, created_at=utcnow())
        .on_conflict_do_nothing()
        .returning(IdempotencyRecord.id)
    ).scalar()
    return new_id is not None


def _take_over(session: Session, record: IdempotencyRecord, fingerprint: str) -> bool:
    """Adopt a key whose first request never finished (its process died)."""
    result = session.execute(
        sa.update(IdempotencyRecord)
        .where(
            IdempotencyRecord.id == record.id,
            IdempotencyRecord.status_code.is_(None),
            IdempotencyRecord.created_at == record.created_at,
        )
        .values(created_at=utcnow(), fingerprint=fingerprint)
    )
    session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _replay(record: IdempotencyRecord) -> Response:
    response = Response(record.response_body or "", status=record.status_code)
    for name, value in (record.response_headers or {}).items():
        response.headers[name] = value
    response.headers["Idempotent-Replayed"] = "true"
    return response


def begin() -> Response | None:
    """before_request (after auth and limits): claim the key or answer from it."""
    key = request.headers.get(HEADER)
    if (
        key is None
        or request.method not in METHODS
        or required_scope(request.method, request.endpoint, request.path) is None
    ):
        return None
    if not 1 <= len(key) <= 255 or not key.isprintable():
        return problem_response(400, "Bad Request", f"{HEADER} must be 1 to 255 printable characters.")
    settings = current_app.config["SETTINGS"]
    session = db.session
    session.rollback()
    owner, fingerprint, now = _owner(), _fingerprint(), utcnow()
    session.execute(
        sa.delete(IdempotencyRecord).where(
            IdempotencyRecord.created_at < now - timedelta(seconds=settings.idempotency_ttl_seconds)
        )
    )
    inserted = _insert_new(session, owner, key, fingerprint)
    session.commit()
    if inserted:
        g.idempotency = (owner, key)
        return None
    record = session.scalars(
        sa.select(IdempotencyRecord).where(IdempotencyRecord.owner == owner, IdempotencyRecord.key == key)
    ).one()
    session.commit()
    if record.fingerprint != fingerprint:
        return problem_response(
            422, "Unprocessable Entity", f"This {HEADER} was used for a different request."
        )
    if record.status_code is None:
        if record.created_at < now - timedelta(seconds=settings.max_wait_seconds + 60) and _take_over(
            session, record, fingerprint
        ):
            g.idempotency = (owner, key)
            return None
        return problem_response(
            409,
            "Conflict",
            f"A request with this {HEADER} is still in progress.",
            headers={"Retry-After": "1"},
        )
    return _replay(record)


def finish(response: Response) -> Response:
    """after_request: store the response for replays, or free the key."""
    token = g.pop("idempotency", None)
    if token is None:
        return response
    owner, key = token
    session = db.session
    where = sa.and_(IdempotencyRecord.owner == owner, IdempotencyRecord.key == key)
    try:
        session.rollback()
        if response.status_code >= 500 or response.status_code in NOT_STORED:
            session.execute(sa.delete(IdempotencyRecord).where(where))
        else:
            headers = {h: response.headers[h] for h in REPLAYED_HEADERS if h in response.headers}
            session.execute(
                sa.update(IdempotencyRecord)
                .where(where)
                .values(
                    status_code=response.status_code,
                    response_body=response.get_data(as_text=True),
                    response_headers=headers,
                    completed_at=utcnow(),
                )
            )
        session.commit()
    except sa.exc.SQLAlchemyError:
        session.rollback()
        log.exception("could not record the response for %s %r", HEADER, key)
    return response


def init_idempotency(app: Flask) -> None:
    """Install the hooks; call after init_auth and init_rate_limits."""
    app.before_request(begin)
    app.after_request(finish)
