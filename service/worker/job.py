"""The worker's side of an analysis: claim the article, run the pipeline,
store the result atomically, record failures. Imports the NLP stack."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
import structlog
from flask import Flask
from huey.exceptions import RetryTask
from sqlalchemy.orm import Session

from service.pipeline.types import AnalysisResult
from service.store.orm import (
    Article,
    ArticleStatus,
    utcnow,
)
from service.store.results import issue_specs, store_result
from service.store.speakers import document_of
from service.store.webhooks import has_webhooks, latest_stances, record_events, touched_pairs
from service.worker.heartbeat import Heartbeat
from service.worker.metrics import record_outcome

log = logging.getLogger(__name__)
events = structlog.get_logger(__name__)

_lock = threading.Lock()
_state: dict[Any, Any] = {}


def use_app_factory(factory: Callable[[], Flask]) -> None:
    """Say how a worker process builds its Flask app (database, settings);
    `service.worker.consumer` passes the web app factory."""
    with _lock:
        _state["app_factory"] = factory


def worker_app() -> Flask:
    """The current app (immediate mode, tests) or the worker's own app."""
    from flask import current_app, has_app_context

    if has_app_context():
        return current_app._get_current_object()  # type: ignore[attr-defined,no-any-return]
    with _lock:
        if "app" not in _state:
            factory = _state.get("app_factory")
            if factory is None:
                raise RuntimeError(
                    "no app for the worker: run it with `stance-tracker worker` "
                    "(or `huey_consumer service.worker.consumer.huey`)"
                )
            _state["app"] = factory()
        return _state["app"]  # type: ignore[no-any-return]


def _runtime() -> Any:
    """The loaded pipeline, one per model configuration; models stay in
    memory for the worker's lifetime."""
    from service.worker.runtime import AnalysisRuntime, classifier_config

    settings = worker_app().config["SETTINGS"]
    key = ("runtime", classifier_config(settings))
    with _lock:
        if key not in _state:
            _state[key] = AnalysisRuntime(settings)
        return _state[key]


def warm_up(poll_seconds: float = 2.0) -> None:
    """Load the models and the actor index once the database schema is there.
    A worker started before the migrations (two containers starting together)
    waits for them, saying so once, instead of failing on a missing table."""
    from service.store.db import db
    from service.store.migrate import schema_is_current

    with worker_app().app_context():
        waited = False
        while not schema_is_current(db.engine):
            if not waited:
                log.warning("waiting for the database schema: run `stance-tracker init` (or `db upgrade`)")
                waited = True
            time.sleep(poll_seconds)
        if waited:
            log.info("database schema ready")
    runtime = _runtime()
    with worker_app().app_context():
        runtime.ensure_default_actors(db.session)
        runtime.actor_index(db.session)


def schema_ready() -> bool:
    """True when the database is migrated (the periodic sweep skips until then)."""
    from service.store.db import db
    from service.store.migrate import schema_is_current

    with worker_app().app_context():
        return schema_is_current(db.engine)


def stale_after() -> timedelta:
    """A "processing" article whose heartbeat stopped this long ago was
    abandoned by a dead worker (STANCE_STALE_AFTER_SECONDS)."""
    return timedelta(seconds=worker_app().config["SETTINGS"].stale_after_seconds)


def retry_delay(attempt: int) -> float:
    """Seconds before retry number `attempt` (1, 2, ...): exponential backoff."""
    settings = worker_app().config["SETTINGS"]
    return float(settings.job_retry_delay * settings.job_retry_backoff ** max(0, attempt - 1))


def claim(session: Session, article_id: int) -> int | None:
    """Atomically move a queued (or stale processing) article to processing.

    Returns the attempt number, which identifies this claim: writes made on
    its behalf check it, so a worker whose claim was taken over writes nothing.
    """
    session.commit()  # the UPDATE must open its own transaction (SQLite)
    now = utcnow()
    result = session.execute(
        sa.update(Article)
        .where(
            Article.id == article_id,
            sa.or_(
                Article.status == ArticleStatus.queued.value,
                sa.and_(
                    Article.status == ArticleStatus.processing.value,
                    Article.updated_at < now - stale_after(),
                ),
            ),
        )
        .values(status=ArticleStatus.processing.value, attempts=Article.attempts + 1, updated_at=now)
        .returning(Article.attempts)
        .execution_options(synchronize_session=False)
    )
    attempt = result.scalar()
    session.commit()
    return attempt


def _still_claimed(article_id: int, attempt: int) -> sa.ColumnElement[bool]:
    return sa.and_(
        Article.id == article_id,
        Article.attempts == attempt,
        Article.status == ArticleStatus.processing.value,
    )


def _mark(
    session: Session,
    article_id: int,
    attempt: int,
    status: str,
    error: str | None,
    language: str | None = None,
) -> bool:
    """Set the outcome of this attempt; False (nothing written) when the claim
    was lost. Opens its own transaction with the UPDATE, which then holds the
    row (PostgreSQL) or the write lock (SQLite) until the caller commits."""
    session.rollback()
    values: dict[str, Any] = {"status": status, "error": error, "updated_at": utcnow()}
    if language:
        values["language"] = language
    if status == ArticleStatus.done.value:
        values["analysed_at"] = utcnow()
    result = session.execute(sa.update(Article).where(_still_claimed(article_id, attempt)).values(**values))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _store(
    session: Session, article_id: int, attempt: int, result: AnalysisResult, delay: float
) -> list[int]:
    """One transaction: the article marked done, the run with its records and
    the webhook deliveries of the stance changes it makes; their ids."""
    if not _mark(session, article_id, attempt, ArticleStatus.done.value, None, result.language):
        session.rollback()
        log.warning("article %s: claim %s was taken over; result dropped", article_id, attempt)
        return []
    article = session.get(Article, article_id)
    assert article is not None
    pairs = touched_pairs(session, article_id, result) if has_webhooks(session) else set()
    before = latest_stances(session, pairs)
    store_result(session, article, result)
    session.flush()
    deliveries = record_events(session, before, pairs, "analysis") if pairs else []
    if delay > 0:  # test-only fault injection: a window for killing the worker mid-commit
        time.sleep(delay)
    session.commit()
    return deliveries


def run_analysis_job(article_id: int) -> list[int]:
    """Claim, analyse and store one article, and with it up to
    STANCE_WORKER_BATCH - 1 others waiting in the queue (one model call for
    all; each stored in its own transaction). An empty queue adds no wait, and
    a job run inline by a web request (immediate mode) takes no companions.

    On an error an article goes back to queued while retries remain, else to
    failed; huey retries this job's own article, the stale sweep a companion.
    """
    from service.store.db import db

    app = worker_app()
    settings = app.config["SETTINGS"]
    with app.app_context():
        session = db.session
        attempt = claim(session, article_id)
        if attempt is None:
            return []
        extra = 0 if _inline() else settings.worker_batch - 1
        claims = [(article_id, attempt), *_claim_waiting(session, article_id, extra)]
        articles = [session.get(Article, claimed) for claimed, _ in claims]
        claims = [c for c, article in zip(claims, articles, strict=True) if article is not None]
        items = [
            (a.text, a.published_at.date() if a.published_at else None, document_of(a)) for a in articles if a
        ]
        results: list[AnalysisResult | Exception]
        with ExitStack() as beats:
            for claimed, claimed_attempt in claims:
                beats.enter_context(
                    Heartbeat(db.engine, claimed, claimed_attempt, settings.heartbeat_seconds)
                )
            try:
                results = _runtime().analyse_many(session, items, issue_specs(session))
            except Exception as exc:  # noqa: BLE001 - the shared model call failed: each article records it
                results = [exc] * len(claims)
            retry = None
            deliveries: list[int] = []
            for (claimed, claimed_attempt), result in zip(claims, results, strict=True):
                with structlog.contextvars.bound_contextvars(article_id=claimed, attempt=claimed_attempt):
                    outcome = _finish(
                        session, claimed, claimed_attempt, result, settings, len(claims), deliveries
                    )
                if claimed == article_id:
                    retry = outcome
    if retry is not None:
        raise retry  # deliveries stay pending: the minute sweep sends them
    return deliveries


def _inline() -> bool:
    from service.worker.queue import huey

    return bool(huey.immediate)


def _claim_waiting(session: Session, exclude: int, limit: int) -> list[tuple[int, int]]:
    """Claim up to `limit` other queued articles, oldest first (each claim atomic:
    another worker may take any of them first)."""
    if limit <= 0:
        return []
    waiting = session.scalars(
        sa.select(Article.id)
        .where(Article.status == ArticleStatus.queued.value, Article.id != exclude)
        .order_by(Article.id)
        .limit(limit)
    ).all()
    claimed = [(article_id, claim(session, article_id)) for article_id in waiting]
    return [(article_id, attempt) for article_id, attempt in claimed if attempt is not None]


def _finish(
    session: Session,
    article_id: int,
    attempt: int,
    result: AnalysisResult | Exception,
    settings: Any,
    batch_size: int = 1,
    deliveries: list[int] | None = None,
) -> RetryTask | None:
    """Store a result (its webhook deliveries added to `deliveries`), or record
    the failure; the RetryTask to raise when a retry is due."""
    from service.pipeline.language import UnsupportedLanguage

    if not isinstance(result, Exception):
        try:
            stored = _store(session, article_id, attempt, result, settings.fault_commit_delay_seconds)
            if deliveries is not None:
                deliveries.extend(stored)
            record_outcome("done", result.timings)
            events.info(
                "article analysed",
                stances=len(result.stances),
                seconds=round(result.timings.get("total", 0.0), 3),
                batch=batch_size,
            )
            return None
        except Exception as exc:  # noqa: BLE001 - a failed write is a failed attempt (retried)
            session.rollback()
            result = exc
    if isinstance(result, UnsupportedLanguage):
        _mark(session, article_id, attempt, ArticleStatus.unsupported.value, str(result), result.language)
        session.commit()
        record_outcome("unsupported")
        return None
    log.error("analysis of article %s failed (attempt %s)", article_id, attempt, exc_info=result)
    error = f"{type(result).__name__}: {result}"
    if attempt <= settings.job_retries:
        _mark(session, article_id, attempt, ArticleStatus.queued.value, error)
        session.commit()
        record_outcome("retry")
        return RetryTask(error, delay=retry_delay(attempt))
    _mark(session, article_id, attempt, ArticleStatus.failed.value, error)
    session.commit()
    record_outcome("failed")
    return None


def stale_article_ids(min_age_seconds: int = 60) -> list[int]:
    """Articles still queued after `min_age_seconds`, or processing with a
    stopped heartbeat: the work a dead worker or a lost enqueue left behind."""
    from service.store.db import db

    app = worker_app()
    with app.app_context():
        now = utcnow()
        ids = db.session.scalars(
            sa.select(Article.id).where(
                sa.or_(
                    sa.and_(
                        Article.status == ArticleStatus.queued.value,
                        Article.updated_at < now - timedelta(seconds=min_age_seconds),
                    ),
                    sa.and_(
                        Article.status == ArticleStatus.processing.value,
                        Article.updated_at < now - stale_after(),
                    ),
                )
            )
        ).all()
        db.session.rollback()
    return list(ids)


def pending_delivery_ids(min_age_seconds: int = 60) -> list[int]:
    """Webhook deliveries written but never sent (their job was lost)."""
    from service.store.db import db
    from service.store.orm import WebhookDelivery

    with worker_app().app_context():
        ids = db.session.scalars(
            sa.select(WebhookDelivery.id).where(
                WebhookDelivery.status == "pending",
                WebhookDelivery.created_at < utcnow() - timedelta(seconds=min_age_seconds),
            )
        ).all()
        db.session.rollback()
    return list(ids)
