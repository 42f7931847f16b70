"""The worker's side of an analysis: claim the article, run the pipeline,
store the result atomically, record failures. Imports the NLP stack."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from flask import Flask
from huey.exceptions import RetryTask
from sqlalchemy.orm import Session

from service.pipeline.types import AnalysisResult, IssueSpec, NewActor
from service.store.orm import (
    Actor,
    AnalysisRun,
    Article,
    ArticleStatus,
    Evidence,
    Issue,
    StanceRecord,
    utcnow,
)
from service.worker.heartbeat import Heartbeat

log = logging.getLogger(__name__)

_lock = threading.Lock()
_state: dict[Any, Any] = {}


def use_app_factory(factory: Callable[[], Flask]) -> None:
    """Say how a worker process builds its Flask app (database, settings);
    `service.worker.consumer` passes the web app factory."""
    with _lock:
        _state["app_factory"] = factory


def _app() -> Flask:
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

    settings = _app().config["SETTINGS"]
    key = ("runtime", classifier_config(settings))
    with _lock:
        if key not in _state:
            _state[key] = AnalysisRuntime(settings)
        return _state[key]


def warm_up() -> None:
    runtime = _runtime()
    with _app().app_context():
        from service.store.db import db

        runtime.ensure_default_actors(db.session)
        runtime.actor_index(db.session)


def stale_after() -> timedelta:
    """A "processing" article whose heartbeat stopped this long ago was
    abandoned by a dead worker (STANCE_STALE_AFTER_SECONDS)."""
    return timedelta(seconds=_app().config["SETTINGS"].stale_after_seconds)


def retry_delay(attempt: int) -> float:
    """Seconds before retry number `attempt` (1, 2, ...): exponential backoff."""
    settings = _app().config["SETTINGS"]
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


def _upsert_new_actors(session: Session, actors: tuple[NewActor, ...]) -> None:
    if not actors:
        return
    from sqlalchemy.dialects import postgresql, sqlite

    from service.store.actors import search_text

    dialect = session.get_bind().dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    rows = [
        {
            "key": a.key,
            "name": a.name,
            "kind": a.kind,
            "aliases": [],
            "search_text": search_text(a.name, []),
            "origin": "ner",
            "created_at": utcnow(),
            "updated_at": utcnow(),
        }
        for a in {a.key: a for a in actors}.values()
    ]
    session.execute(insert(Actor).values(rows).on_conflict_do_nothing(index_elements=["key"]))


def store_result(session: Session, article: Article, result: AnalysisResult) -> AnalysisRun:
    """Write one analysis run and its stance records; the caller commits."""
    _upsert_new_actors(session, result.new_actors)
    keys = {s.actor_key for s in result.stances}
    keys |= {e.reporter_key for s in result.stances for e in s.evidence if e.reporter_key}
    actor_ids = dict(
        session.execute(sa.select(Actor.key, Actor.id).where(Actor.key.in_(keys))).tuples().all()
    )
    issue_ids = dict(session.execute(sa.select(Issue.slug, Issue.id)).tuples().all())
    run = AnalysisRun(
        article_id=article.id,
        model_name=result.model_name,
        model_version=result.model_version,
        sentences=result.sentences,
        timings=result.timings,
    )
    session.add(run)
    session.flush()
    session.execute(
        sa.update(StanceRecord)
        .where(StanceRecord.article_id == article.id, StanceRecord.is_current)
        .values(is_current=False)
        .execution_options(synchronize_session=False)
    )
    observed = article.published_at or article.created_at
    for stance in result.stances:
        if stance.actor_key not in actor_ids or stance.issue_key not in issue_ids:
            log.warning("dropping stance on unknown actor/issue %s/%s", stance.actor_key, stance.issue_key)
            continue
        record = StanceRecord(
            run_id=run.id,
            article_id=article.id,
            actor_id=actor_ids[stance.actor_key],
            issue_id=issue_ids[stance.issue_key],
            observed_at=observed,
            label=stance.label,
            effective_label=stance.label,
            confidence=stance.confidence,
            scores=stance.scores,
            model_name=result.model_name,
            model_version=result.model_version,
            evidence=[
                Evidence(
                    sentence_index=e.sentence_index,
                    start=e.start,
                    end=e.end,
                    text=e.text,
                    label=e.label,
                    scores=e.scores,
                    is_quote=e.is_quote,
                    reporter_id=actor_ids.get(e.reporter_key) if e.reporter_key else None,
                )
                for e in stance.evidence
            ],
        )
        session.add(record)
    return run


def _issue_specs(session: Session) -> list[IssueSpec]:
    return [
        IssueSpec(key=i.slug, name=i.name, description=i.description, keywords=tuple(i.keywords or ()))
        for i in session.scalars(sa.select(Issue).order_by(Issue.id))
    ]


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


def _store(session: Session, article_id: int, attempt: int, result: AnalysisResult, delay: float) -> None:
    """One transaction: the article marked done and the run with its records."""
    if not _mark(session, article_id, attempt, ArticleStatus.done.value, None, result.language):
        session.rollback()
        log.warning("article %s: claim %s was taken over; result dropped", article_id, attempt)
        return
    article = session.get(Article, article_id)
    assert article is not None
    store_result(session, article, result)
    session.flush()
    if delay > 0:  # test-only fault injection: a window for killing the worker mid-commit
        time.sleep(delay)
    session.commit()


def run_analysis_job(article_id: int) -> None:
    """Claim, analyse and store one article. On an error the article goes back
    to queued while retries remain (huey retries the job), else to failed."""
    from service.pipeline.language import UnsupportedLanguage
    from service.store.db import db

    app = _app()
    settings = app.config["SETTINGS"]
    with app.app_context():
        session = db.session
        attempt = claim(session, article_id)
        if attempt is None:
            return
        article = session.get(Article, article_id)
        assert article is not None
        runtime = _runtime()
        try:
            with Heartbeat(db.engine, article_id, attempt, settings.heartbeat_seconds):
                published = article.published_at.date() if article.published_at else None
                result = runtime.analyse(session, article.text, published, _issue_specs(session))
                _store(session, article_id, attempt, result, settings.fault_commit_delay_seconds)
        except UnsupportedLanguage as exc:
            _mark(session, article_id, attempt, ArticleStatus.unsupported.value, str(exc), exc.language)
            session.commit()
        except Exception as exc:
            log.exception("analysis of article %s failed (attempt %s)", article_id, attempt)
            error = f"{type(exc).__name__}: {exc}"
            if attempt <= settings.job_retries:
                _mark(session, article_id, attempt, ArticleStatus.queued.value, error)
                session.commit()
                raise RetryTask(error, delay=retry_delay(attempt)) from exc
            _mark(session, article_id, attempt, ArticleStatus.failed.value, error)
            session.commit()


def stale_article_ids(min_age_seconds: int = 60) -> list[int]:
    """Articles still queued after `min_age_seconds`, or processing with a
    stopped heartbeat: the work a dead worker or a lost enqueue left behind."""
    from service.store.db import db

    app = _app()
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
