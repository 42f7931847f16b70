"""Accepting articles: hashing, de-duplication by url or text, queueing."""

from __future__ import annotations

import hashlib
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from service.orm import Article, ArticleStatus, utcnow

TERMINAL = {ArticleStatus.done.value, ArticleStatus.failed.value, ArticleStatus.unsupported.value}


def content_hash(text: str) -> str:
    """Same text, same hash: surrounding whitespace and line-ending style ignored."""
    normal = text.strip().replace("\r\n", "\n")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def find_existing(session: Session, url: str | None, digest: str) -> Article | None:
    clauses = [Article.content_hash == digest]
    if url:
        clauses.append(Article.url == url)
    return session.scalars(sa.select(Article).where(sa.or_(*clauses)).limit(1)).first()


def add_article(session: Session, data: dict[str, Any]) -> tuple[Article, bool]:
    """Store a new article, or return the one with the same url or text.

    Returns (article, created). The INSERT comes first and the unique
    constraints decide (INSERT ... ON CONFLICT DO NOTHING), never a
    check-then-insert, so concurrent identical POSTs make one row. The
    statement opens its own transaction: on SQLite a write that follows a
    read in the same transaction fails when another writer got in between.
    """
    digest = content_hash(data["text"])
    session.commit()  # end any read transaction (nothing is pending here)
    dialect = session.get_bind().dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    now = utcnow()
    article = session.scalars(
        insert(Article)
        .values(
            text=data["text"],
            title=data.get("title"),
            url=data.get("url"),
            source=data.get("source"),
            published_at=data.get("published_at"),
            content_hash=digest,
            status=ArticleStatus.queued.value,
            attempts=0,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing()
        .returning(Article)
    ).first()
    # The new row came back whole: keep it as it is rather than read it again after the commit.
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True
    if article is not None:
        return article, True
    existing = find_existing(session, data.get("url"), digest)
    if existing is None:  # the conflicting row was deleted meanwhile: try once more
        return add_article(session, data)
    return existing, False


def enqueue_analysis(article_id: int) -> bool:
    """Queue the analysis job; False when the queue is unreachable (the
    worker's sweep picks queued articles up later, so nothing is lost)."""
    from service.tasks import analyse_article

    try:
        analyse_article(article_id)
    except Exception:  # noqa: BLE001 - queue outage must not fail the POST
        return False
    return True


def wait_for_analysis(session: Session, article: Article, seconds: float) -> None:
    """Block until the article reaches a terminal status or time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        # End the transaction first: a SQLite reader keeps its snapshot until then.
        session.rollback()
        session.expire(article)  # read it again (a rollback with nothing begun expires nothing)
        if article.status in TERMINAL or time.monotonic() >= deadline:
            return
        time.sleep(0.1)
