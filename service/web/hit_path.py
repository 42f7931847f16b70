"""Response-cache hits answered below Flask's dispatch, as a WSGI layer.

A dashboard's polling GET whose answer sits in the response cache costs, in
Flask, a request context, URL routing, every hook and a session: about three
quarters of the work behind a hit. This layer answers such a request before
Flask sees it, doing only what a hit needs, with the checks Flask makes:

1. the answer must be in the cache (same key as `service.web.response_cache`);
2. the data generation, read on this thread's own autocommit connection,
   must still be the one the answer was stored under;
3. the caller must be allowed to read: a key found in the principal cache
   with the `read` scope, an anonymous caller where reads are open, or
   anyone when auth is off;
4. the request is counted in Flask-Limiter's storage under the same bucket
   Flask-Limiter itself uses (key prefix, caller, endpoint), so a limit
   covers hits and misses alike.

Anything else goes to Flask unchanged: other methods, CORS requests (an
Origin header), conditional requests (If-None-Match), unknown or uncached
keys, a caller over its limit (Flask then answers the 429), and any error
here (a broken connection is dropped and reopened on the next request).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from limits import RateLimitItem, parse_many

from service.web.auth import key_from_headers, principal_cache
from service.web.limits import KEY_PREFIX, caller_bucket
from service.web.response_cache import API_PREFIX, GENERATIONS_SQL, ResponseCache, cache_key

if TYPE_CHECKING:
    from flask import Flask
    from flask_limiter import Limiter
    from sqlalchemy import Engine

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
_FALLBACK_HEADERS = ("HTTP_ORIGIN", "HTTP_IF_NONE_MATCH", "HTTP_IF_MATCH", "HTTP_RANGE")


@lru_cache(maxsize=64)
def _parsed_limits(text: str) -> tuple[RateLimitItem, ...]:
    # Flask-Limiter checks a route's limits from the smallest window up.
    return tuple(sorted(parse_many(text)))


class GenerationReader:
    """The data_generation row, read on one autocommit DBAPI connection per
    thread; disposing of the engine closes them all."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._local = threading.local()
        self._opened: list[Any] = []
        self._lock = threading.Lock()
        sa.event.listen(engine, "engine_disposed", self.close)

    def read(self) -> tuple[int, ...] | None:
        connection: Any = getattr(self._local, "connection", None) or self._connect()
        try:
            cursor = connection.cursor()
            cursor.execute(GENERATIONS_SQL)
            row = cursor.fetchone()
            cursor.close()
        except Exception:
            self._local.connection = None  # the next request opens a new one
            raise
        return tuple(row) if row is not None else None

    def close(self, _engine: object = None) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for connection in opened:
            connection.close()

    def _connect(self) -> Any:
        pooled = self._engine.raw_connection()
        connection: Any = pooled.driver_connection
        pooled.detach()  # this thread keeps it; the pool does not count it
        if hasattr(connection, "autocommit"):  # psycopg; sqlite3 reads outside transactions anyway
            connection.autocommit = True
        self._local.connection = connection
        with self._lock:
            self._opened.append(connection)
        return connection


class CachedHitLayer:
    """WSGI middleware: serve response-cache hits, pass everything else to Flask."""

    def __init__(self, app: Flask, cache: ResponseCache, limiter: Limiter | None) -> None:
        self.flask_wsgi: WSGIApp = app.wsgi_app
        self.app = app
        self.cache = cache
        self.limiter = limiter
        self.settings = app.config["SETTINGS"]
        from service.store.db import db

        with app.app_context():
            self.generations = GenerationReader(db.engine)  # connects per thread, on first use

    def _rate_limit_bucket(self, environ: dict[str, Any]) -> tuple[str, str] | None:
        """(Flask-Limiter key, limit text) for an allowed reader; None when Flask must decide."""
        settings = self.settings
        anonymous = caller_bucket(None, environ.get("REMOTE_ADDR")), str(settings.rate_limit)
        if not settings.auth_enabled:
            return anonymous
        key = key_from_headers(environ.get("HTTP_AUTHORIZATION", ""), environ.get("HTTP_X_API_KEY"))
        if key is None:
            return anonymous if settings.anonymous_reads else None
        found, principal = principal_cache.peek(key)
        if not found or principal is None or not principal.allows("read"):
            return None
        return caller_bucket(principal.key_id, None), principal.rate_limit or str(settings.rate_limit)

    def _counted(self, bucket: tuple[str, str], endpoint: str) -> bool:
        """Count the request like Flask-Limiter would; False when a limit is reached."""
        limiter = self.limiter
        if limiter is None or not limiter.enabled:
            return True
        caller, text = bucket
        strategy = limiter.limiter
        return all(strategy.hit(item, KEY_PREFIX, caller, endpoint) for item in _parsed_limits(text))

    def _answer(self, environ: dict[str, Any]) -> tuple[bytes, list[tuple[str, str]]] | None:
        if environ.get("REQUEST_METHOD") != "GET" or any(h in environ for h in _FALLBACK_HEADERS):
            return None
        path = environ.get("PATH_INFO", "")
        if not path.startswith(API_PREFIX):
            return None
        stored = self.cache.peek(cache_key(environ))
        if stored is None:
            return None
        row = self.generations.read()
        if row is None or stored.generation != tuple(row[i] for i in stored.depends_on):
            return None
        bucket = self._rate_limit_bucket(environ)
        if bucket is None or not self._counted(bucket, stored.endpoint):
            return None
        headers = [*stored.headers, ("Content-Length", str(len(stored.body))), ("X-Cache", "hit")]
        return stored.body, headers

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        try:
            answer = self._answer(environ)
        except Exception:  # never worse than Flask: it answers (or reports) instead
            self.app.logger.warning("cached-hit layer failed; Flask answers", exc_info=True)
            answer = None
        if answer is None:
            return self.flask_wsgi(environ, start_response)
        body, headers = answer
        start_response("200 OK", headers)
        return [body]
