"""Stance-change events for webhooks, written as delivery rows (an outbox).

An actor's *latest stance* on an issue is the effective label of its most
recent current record (observed_at, then id), the last point of
/actors/{id}/changes. Whoever is about to change records (an analysis, a
review) takes `latest_stances` of the pairs it touches first, makes its
change, and calls `record_events` before committing: every pair whose latest
label moved (a first stance included) becomes a `stance.changed` event, one
delivery row per matching webhook, in the same transaction. Sending is the
worker's job (service/worker/webhook_delivery.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from service.pipeline.types import AnalysisResult
from service.store.orm import Actor, Issue, StanceRecord, Webhook, WebhookDelivery

Pair = tuple[int, int]  # (actor id, issue id)
Latest = dict[Pair, dict[str, Any]]


def has_webhooks(session: Session) -> bool:
    return session.scalar(sa.select(Webhook.id).limit(1)) is not None


def touched_pairs(session: Session, article_id: int, result: AnalysisResult) -> set[Pair]:
    """The pairs an analysis of the article may change: its new stances' and
    those of its current records (a re-analysis can drop a stance)."""
    actor_ids = dict(
        session.execute(
            sa.select(Actor.key, Actor.id).where(Actor.key.in_({s.actor_key for s in result.stances}))
        )
        .tuples()
        .all()
    )
    issue_ids = dict(
        session.execute(
            sa.select(Issue.slug, Issue.id).where(Issue.slug.in_({s.issue_key for s in result.stances}))
        )
        .tuples()
        .all()
    )
    pairs = {
        (actor_ids[s.actor_key], issue_ids[s.issue_key])
        for s in result.stances
        if s.actor_key in actor_ids and s.issue_key in issue_ids
    }
    old = session.execute(
        sa.select(StanceRecord.actor_id, StanceRecord.issue_id).where(
            StanceRecord.article_id == article_id, StanceRecord.is_current
        )
    )
    return pairs | set(old.tuples().all())


def latest_stances(session: Session, pairs: Iterable[Pair]) -> Latest:
    """The latest current record of each pair that has one."""
    out: Latest = {}
    for actor_id, issue_id in set(pairs):
        record = session.scalars(
            sa.select(StanceRecord)
            .where(
                StanceRecord.actor_id == actor_id,
                StanceRecord.issue_id == issue_id,
                StanceRecord.is_current,
            )
            .order_by(StanceRecord.observed_at.desc(), StanceRecord.id.desc())
            .limit(1)
        ).first()
        if record is not None:
            out[(actor_id, issue_id)] = {
                "record_id": record.id,
                "label": record.effective_label,
                "observed_at": record.observed_at.isoformat(),
                "article_id": record.article_id,
                "evidence_ids": [evidence.id for evidence in record.evidence],
            }
    return out


def record_events(session: Session, before: Latest, pairs: Iterable[Pair], cause: str) -> list[int]:
    """Delivery rows for every pair whose latest label moved; their ids (flushed, not committed)."""
    session.flush()
    after = latest_stances(session, pairs)
    hooks = list(session.scalars(sa.select(Webhook)))
    ids: list[int] = []
    for pair, now in sorted(after.items()):
        was = before.get(pair)
        if was is not None and was["label"] == now["label"]:
            continue
        actor_id, issue_id = pair
        matching = [
            hook for hook in hooks if hook.actor_id in (None, actor_id) and hook.issue_id in (None, issue_id)
        ]
        if not matching:
            continue
        event = _event(session, pair, was, now, cause)
        for hook in matching:
            delivery = WebhookDelivery(webhook_id=hook.id, event=event, status="pending")
            session.add(delivery)
            session.flush()
            ids.append(delivery.id)
    return ids


def _event(
    session: Session, pair: Pair, before: dict[str, Any] | None, after: dict[str, Any], cause: str
) -> dict[str, Any]:
    actor = session.get(Actor, pair[0])
    issue = session.get(Issue, pair[1])
    return {
        "type": "stance.changed",
        "cause": cause,
        "actor": {"id": pair[0], "name": actor.name if actor else None},
        "issue": {"id": pair[1], "name": issue.name if issue else None},
        "before": before,
        "after": after,
    }
