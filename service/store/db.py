"""The database handle: one DeclarativeBase, one Flask extension, SQLite pragmas."""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from flask_sqlalchemy_lite import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy()


def engine_config(url: str) -> dict[str, Any]:
    """Engine options per backend; SQLite gets a generous busy timeout because
    the web process and the worker write to the same file. Server connections
    are pinged only after some idle time (ping_idle_connections), not on every
    checkout as pool_pre_ping would: under load that ping was one round trip
    in four of a request's."""
    if url.startswith("sqlite"):
        return {"url": url, "connect_args": {"timeout": 30}}
    return {"url": url}


def ping_idle_connections(engine: sa.Engine, idle_seconds: float) -> None:
    """Ping a pooled server connection before use when it sat idle longer than
    `idle_seconds` (a database restart or a firewall may have dropped it); a
    failed ping makes the pool open a fresh one. A connection lost while in
    use still fails its request, with a 503 (see create_app)."""
    if engine.dialect.name == "sqlite":
        return

    @sa.event.listens_for(engine, "checkin")
    def _remember_checkin(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info["checked_in_at"] = time.monotonic()

    @sa.event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        checked_in_at = record.info.get("checked_in_at")
        if checked_in_at is None or time.monotonic() - checked_in_at < idle_seconds:
            return  # fresh, or in use moments ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # any failure means this connection is unusable
            raise sa.exc.DisconnectionError(str(exc)) from exc


@sa.event.listens_for(sa.Engine, "connect")
def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    module = type(dbapi_connection).__module__
    if not module.startswith("sqlite3"):
        return
    cursor = dbapi_connection.cursor()
    # WAL lets the API read while a worker writes; foreign keys are off by default.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def skip_async_teardown(app: Any) -> None:
    """Drop flask-sqlalchemy-lite's async-session teardown: it runs on every
    request through asgiref (a thread and an event loop, about 1 ms) and this
    app has no async engines."""
    try:
        from flask_sqlalchemy_lite._extension import _close_async_sessions
    except ImportError:  # a later release may have renamed it; nothing to drop then
        return
    if _close_async_sessions in app.teardown_appcontext_funcs:
        app.teardown_appcontext_funcs.remove(_close_async_sessions)
