"""Accepting articles: hashing, de-duplication by url or text, queueing."""

from __future__ import annotations

import hashlib
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from service.orm import Article, ArticleStatus

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

    Returns (article, created). Relies on the unique constraints, not on a
    check-then-insert, so concurrent identical POSTs make one row.
    """
    digest = content_hash(data["text"])
    existing = find_existing(session, data.get("url"), digest)
    if existing is not None:
        return existing, False
    article = Article(
        text=data["text"],
        title=data.get("title"),
        url=data.get("url"),
        source=data.get("source"),
        published_at=data.get("published_at"),
        content_hash=digest,
        status=ArticleStatus.queued.value,
    )
    session.add(article)
    try:
        session.commit()
    except sa.exc.IntegrityError:
        session.rollback()
        existing = find_existing(session, data.get("url"), digest)
        if existing is None:
            raise
        return existing, False
    return article, True


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
        if article.status in TERMINAL or time.monotonic() >= deadline:
            return
        time.sleep(0.1)
