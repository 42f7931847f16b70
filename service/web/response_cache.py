"""A per-process cache of whole GET answers, exact because it is keyed on the data's generation.

Dashboards poll the same views all day. Each worker process keeps the bodies
of recent JSON answers under (path, query string, Accept, data generation); the generation
is three counters in the one-row `data_generation` table that database
triggers bump on every write (migrations 0003, 0004): `stances` for stance
records, evidence, runs, actors and issues, `articles` for any article
write, `article_changes` for updates and deletes of existing articles. A
request reads that row (one primary-key probe), and when nothing its view
depends on has changed since the answer was stored, the stored body is sent
as is. Stance views depend only on `stances`, so a stream of article
submissions does not flush them; article lists depend on `stances` and
`articles`; one article's views (`/articles/{id}...`) on `stances` and
`article_changes`, so submitting other articles does not flush them either.

The counter is read before the view's own queries, so a stored body is never
older than the generation it is filed under: a hit is always what the view
would answer now. Auth and rate limits run before the lookup (hooks run in
registration order); the stored headers include the ETag, so the ETag hook does not hash the body again. `X-Cache: hit` or
`miss` tells operators what happened. STANCE_RESPONSE_CACHE_MB=0 turns it off.
Most hits never reach these hooks: `service.web.hit_path` answers them in front
of Flask with the same checks; these hooks serve the rest (CORS, conditional
requests, keys not yet in the principal cache) and fill the cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from flask import Flask, Response, g, request

from service.store.db import db

API_PREFIX = "/api/v1/"
# Blueprints whose answers never come from the cache (liveness, docs, streamed exports).
UNCACHED_BLUEPRINTS = frozenset({"health", "api-docs", "export", "dashboard", "metrics", "webhooks"})
ARTICLE_BLUEPRINTS = frozenset({"articles"})
_RECOMPUTED_HEADERS = frozenset({"Content-Length", "X-Cache"})
GENERATIONS_SQL = "SELECT stances, articles, article_changes FROM data_generation WHERE id = 1"
STANCES, ARTICLES, ARTICLE_CHANGES = 0, 1, 2  # positions in that row


@dataclass(frozen=True)
class Stored:
    """One answer: its body and headers, the generation it was made at, and
    which counters (positions in the generation row) and endpoint it belongs to."""

    generation: tuple[int, ...]
    body: bytes
    headers: tuple[tuple[str, str], ...]
    depends_on: tuple[int, ...] = (STANCES,)
    endpoint: str = ""


def cache_key(environ: dict[str, Any]) -> tuple[str, str, str]:
    """Raw path, raw query string and Accept: computed alike by Flask's hooks and the WSGI hit layer."""
    return environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""), environ.get("HTTP_ACCEPT", "")


class ResponseCache:
    """A thread-safe LRU of response bodies bounded by their total size in bytes."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[str, str, str], Stored] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str, str], generation: tuple[int, ...]) -> Stored | None:
        stored = self.peek(key)
        return stored if stored is not None and stored.generation == generation else None

    def peek(self, key: tuple[str, str, str]) -> Stored | None:
        """The stored answer whatever its generation (the caller checks it), marked recently used."""
        with self._lock:
            stored = self._entries.get(key)
            if stored is not None:
                self._entries.move_to_end(key)
            return stored

    def put(self, key: tuple[str, str, str], stored: Stored) -> None:
        size = len(stored.body)
        if size > self.max_bytes // 8:  # one huge answer must not flush everything else
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._entries[key] = stored
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, evicted = self._entries.popitem(last=False)
                self._bytes -= len(evicted.body)


def _depends_on() -> tuple[int, ...] | None:
    """The counters this request's view depends on; None when it must not be cached."""
    if request.method != "GET" or not request.path.startswith(API_PREFIX):
        return None
    blueprint = request.blueprint or ""
    if blueprint in UNCACHED_BLUEPRINTS or request.endpoint is None:
        return None
    if blueprint not in ARTICLE_BLUEPRINTS:
        return (STANCES,)
    if "article_id" in (request.view_args or {}):
        return (STANCES, ARTICLE_CHANGES)
    return (STANCES, ARTICLES)


def _current_generation(depends_on: tuple[int, ...]) -> tuple[int, ...] | None:
    # On the session's own connection (the view reuses it on a miss), without the ORM layer.
    # A GET only reads: its connection runs in autocommit, which spares PostgreSQL's
    # BEGIN and ROLLBACK round trips and loses nothing (READ COMMITTED takes a
    # snapshot per statement anyway; SQLite's driver opens no transaction for reads).
    connection = db.session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    row = connection.exec_driver_sql(GENERATIONS_SQL).first()
    return None if row is None else tuple(row[i] for i in depends_on)


def install_response_cache(app: Flask, max_megabytes: float) -> ResponseCache | None:
    """Register the lookup (after auth and rate limits) and the store hooks."""
    if max_megabytes <= 0:
        return None
    cache = ResponseCache(int(max_megabytes * 1024 * 1024))
    app.extensions["response_cache"] = cache

    @app.before_request
    def _lookup() -> Response | None:
        depends_on = _depends_on()
        if depends_on is None:
            return None
        generation = _current_generation(depends_on)
        if generation is None:
            return None
        key = cache_key(request.environ)
        stored = cache.get(key, generation)
        if stored is None:
            g.response_cache = (key, generation, depends_on)
            return None
        response = Response(stored.body, status=200, headers=list(stored.headers))
        response.headers["X-Cache"] = "hit"
        return response

    @app.after_request
    def _store(response: Response) -> Response:
        pending = g.pop("response_cache", None)
        if pending is None:
            return response
        response.headers["X-Cache"] = "miss"
        if response.status_code == 200 and not response.is_streamed and not response.direct_passthrough:
            key, generation, depends_on = pending
            # The view's headers and the ETag hook's; later hooks (CORS, rate limits) run on hits too.
            headers = tuple((k, v) for k, v in response.headers.items() if k not in _RECOMPUTED_HEADERS)
            body = response.get_data()
            cache.put(key, Stored(generation, body, headers, depends_on, request.endpoint or ""))
        return response

    return cache
