"""The tables: articles, actors and their affiliations, issues, analysis runs,
stance records and their evidence."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.store.db import Base


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


JSONType = sa.JSON().with_variant(JSONB(), "postgresql")


class ArticleStatus(enum.StrEnum):
    queued = "queued"
    processing = "processing"
    done = "done"
    failed = "failed"
    unsupported = "unsupported"


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str | None] = mapped_column(sa.String(2048), unique=True)
    title: Mapped[str | None] = mapped_column(sa.String(1000))
    source: Mapped[str | None] = mapped_column(sa.String(200), index=True)
    published_at: Mapped[datetime | None] = mapped_column(sa.DateTime, index=True)
    language: Mapped[str | None] = mapped_column(sa.String(16))
    text: Mapped[str] = mapped_column(sa.Text)
    # news, speech, testimony, statement, interview, op-ed or letter (DOCUMENT_KINDS).
    kind: Mapped[str] = mapped_column(sa.String(16), default="news", server_default="news")
    # The speakers given on submission, resolved (see service/store/speakers.py); None: none given.
    speakers: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONType)
    content_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    status: Mapped[str] = mapped_column(sa.String(16), default=ArticleStatus.queued.value, index=True)
    error: Mapped[str | None] = mapped_column(sa.Text)
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    analysed_at: Mapped[datetime | None]

    stances: Mapped[list[StanceRecord]] = relationship(
        back_populates="article",
        primaryjoin="and_(Article.id == StanceRecord.article_id, StanceRecord.is_current)",
        viewonly=True,
        order_by="StanceRecord.id",
    )


class Actor(Base):
    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(200), unique=True)
    name: Mapped[str] = mapped_column(sa.String(300), index=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    aliases: Mapped[list[str]] = mapped_column(JSONType, default=list)
    search_text: Mapped[str] = mapped_column(sa.Text, default="")
    origin: Mapped[str] = mapped_column(sa.String(20), default="user")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    affiliations: Mapped[list[Affiliation]] = relationship(
        foreign_keys="Affiliation.actor_id",
        cascade="all, delete-orphan",
        order_by="Affiliation.id",
        back_populates="actor",
    )


class Affiliation(Base):
    __tablename__ = "affiliations"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(sa.ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int] = mapped_column(sa.ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(sa.String(40))
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]

    actor: Mapped[Actor] = relationship(foreign_keys=[actor_id], back_populates="affiliations")
    parent: Mapped[Actor] = relationship(foreign_keys=[parent_id])


class Issue(Base):
    __tablename__ = "issues"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(120), unique=True)
    name: Mapped[str] = mapped_column(sa.String(300))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    keywords: Mapped[list[str]] = mapped_column(JSONType, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class AnalysisRun(Base):
    """One analysis of one article by one model; stance records hang off it,
    so re-analysis with a newer model keeps the older records."""

    __tablename__ = "analysis_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    model_name: Mapped[str] = mapped_column(sa.String(200))
    model_version: Mapped[str] = mapped_column(sa.String(100))
    sentences: Mapped[int] = mapped_column(default=0)
    timings: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StanceRecord(Base):
    __tablename__ = "stance_records"
    __table_args__ = (
        sa.UniqueConstraint("run_id", "actor_id", "issue_id", name="uq_stance_records_run_actor_issue"),
        sa.Index("ix_stance_records_feed", "is_current", "observed_at", "id"),
        sa.Index("ix_stance_records_actor_issue", "actor_id", "issue_id", "is_current", "observed_at"),
        sa.Index("ix_stance_records_issue_time", "issue_id", "is_current", "observed_at"),
        sa.Index(
            "ix_stance_records_actor_history",
            "actor_id",
            "is_current",
            "observed_at",
            "issue_id",
            "effective_label",
            "confidence",
            "id",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(sa.ForeignKey("analysis_runs.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int] = mapped_column(sa.ForeignKey("actors.id", ondelete="CASCADE"))
    issue_id: Mapped[int] = mapped_column(sa.ForeignKey("issues.id", ondelete="CASCADE"))
    is_current: Mapped[bool] = mapped_column(default=True)
    # The article's publication time (or arrival time when unknown): the time axis.
    observed_at: Mapped[datetime]
    label: Mapped[str] = mapped_column(sa.String(10))
    confidence: Mapped[float]
    scores: Mapped[dict[str, float]] = mapped_column(JSONType, default=dict)
    model_name: Mapped[str] = mapped_column(sa.String(200))
    model_version: Mapped[str] = mapped_column(sa.String(100))
    review_label: Mapped[str | None] = mapped_column(sa.String(10))
    effective_label: Mapped[str] = mapped_column(sa.String(10), index=True)
    reviewer: Mapped[str | None] = mapped_column(sa.String(200))
    review_note: Mapped[str | None] = mapped_column(sa.Text)
    reviewed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    article: Mapped[Article] = relationship(back_populates="stances", viewonly=True)
    actor: Mapped[Actor] = relationship()
    issue: Mapped[Issue] = relationship()
    evidence: Mapped[list[Evidence]] = relationship(
        cascade="all, delete-orphan", order_by="Evidence.id", back_populates="stance"
    )


class Evidence(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    stance_id: Mapped[int] = mapped_column(sa.ForeignKey("stance_records.id", ondelete="CASCADE"), index=True)
    sentence_index: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(sa.Text)
    label: Mapped[str] = mapped_column(sa.String(10))
    scores: Mapped[dict[str, float]] = mapped_column(JSONType, default=dict)
    is_quote: Mapped[bool] = mapped_column(default=False)
    reporter_id: Mapped[int | None] = mapped_column(sa.ForeignKey("actors.id", ondelete="SET NULL"))

    stance: Mapped[StanceRecord] = relationship(back_populates="evidence")
    reporter: Mapped[Actor | None] = relationship()


class ApiKey(Base):
    """A client's API key: only its sha256 is stored; scopes are space-separated."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    prefix: Mapped[str] = mapped_column(sa.String(16))
    key_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    scopes: Mapped[str] = mapped_column(sa.String(100))
    rate_limit: Mapped[str | None] = mapped_column(sa.String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]


class IdempotencyRecord(Base):
    """A write request sent with an Idempotency-Key, and the response it got."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (sa.UniqueConstraint("owner", "key", name="uq_idempotency_keys_owner_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(sa.String(64))
    key: Mapped[str] = mapped_column(sa.String(255))
    fingerprint: Mapped[str] = mapped_column(sa.String(64))
    status_code: Mapped[int | None]
    response_body: Mapped[str | None] = mapped_column(sa.Text)
    response_headers: Mapped[dict[str, str] | None] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    completed_at: Mapped[datetime | None]


class Webhook(Base):
    """A subscriber told when an actor's latest stance on an issue changes."""

    __tablename__ = "webhooks"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(sa.String(2048))
    secret: Mapped[str] = mapped_column(sa.String(200))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("actors.id", ondelete="CASCADE"))
    issue_id: Mapped[int | None] = mapped_column(sa.ForeignKey("issues.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WebhookDelivery(Base):
    """One event for one webhook: pending, delivered or failed, with its attempts."""

    __tablename__ = "webhook_deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    webhook_id: Mapped[int] = mapped_column(sa.ForeignKey("webhooks.id", ondelete="CASCADE"), index=True)
    event: Mapped[dict[str, Any]] = mapped_column(JSONType)
    status: Mapped[str] = mapped_column(sa.String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    response_status: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    delivered_at: Mapped[datetime | None]
