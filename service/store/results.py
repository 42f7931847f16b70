"""Writing an analysis: one run with its stance records and evidence, actors
that NER found upserted, the article's earlier records made non-current. The
caller owns the transaction (the worker commits it with the article's status)."""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from service.pipeline.types import AnalysisResult, IssueSpec, NewActor
from service.store.orm import Actor, AnalysisRun, Article, Evidence, Issue, StanceRecord, utcnow

log = logging.getLogger(__name__)


def upsert_new_actors(session: Session, actors: tuple[NewActor, ...]) -> None:
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
    upsert_new_actors(session, result.new_actors)
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


def issue_specs(session: Session) -> list[IssueSpec]:
    return [
        IssueSpec(key=i.slug, name=i.name, description=i.description, keywords=tuple(i.keywords or ()))
        for i in session.scalars(sa.select(Issue).order_by(Issue.id))
    ]
