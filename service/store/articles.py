"""Accepting articles: hashing, de-duplication by url or text, queueing."""

from __future__ import annotations

import hashlib
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from service.store.orm import Article, ArticleStatus, utcnow

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
    statement runs alone, in autocommit, on its own connection (on SQLite a
    write that follows a read in the same transaction fails when another
    writer got in between).
    """
    digest = content_hash(data["text"])
    session.commit()  # end any read snapshot, so that find_existing sees the conflicting row
    dialect = session.get_bind().dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    now = utcnow()
    table = Article.__table__
    statement = (
        insert(table)
        .values(
            text=data["text"],
            title=data.get("title"),
            url=data.get("url"),
            source=data.get("source"),
            published_at=data.get("published_at"),
            kind=data.get("kind") or "news",
            speakers=data.get("speakers"),
            content_hash=digest,
            status=ArticleStatus.queued.value,
            attempts=0,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing()
        .returning(*table.c)
    )
    # One statement in autocommit on its own connection: atomic by itself, and
    # on PostgreSQL one round trip instead of BEGIN, INSERT, COMMIT. The new row
    # comes back whole, as a detached Article (nothing needs reading again).
    bind = session.get_bind()
    engine = bind if isinstance(bind, sa.Engine) else bind.engine
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        row = connection.execute(statement).first()
    if row is not None:
        return Article(**row._mapping), True
    existing = find_existing(session, data.get("url"), digest)
    if existing is None:  # the conflicting row was deleted meanwhile: try once more
        return add_article(session, data)
    return existing, False


def enqueue_analysis(article_id: int) -> bool:
    """Queue the analysis job; False when the queue is unreachable (the
    worker's sweep picks queued articles up later, so nothing is lost)."""
    from service.worker.tasks import analyse_article

    try:
        analyse_article(article_id)
    except Exception:  # noqa: BLE001 - queue outage must not fail the POST
        return False
    return True


def wait_for_analysis(session: Session, article_id: int, seconds: float) -> Article | None:
    """The article once it reaches a terminal status or time runs out (None if it was deleted)."""
    deadline = time.monotonic() + seconds
    while True:
        # End the transaction first: a SQLite reader keeps its snapshot until then.
        session.rollback()
        article = session.get(Article, article_id, populate_existing=True)
        if article is None or article.status in TERMINAL or time.monotonic() >= deadline:
            return article
        time.sleep(0.1)
