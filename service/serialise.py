"""Turn ORM rows into the plain dicts the Out schemas dump."""

from __future__ import annotations

from typing import Any

from service.orm import Actor, Affiliation, Issue, StanceRecord


def actor_ref(actor: Actor | None) -> dict[str, Any] | None:
    return None if actor is None else {"id": actor.id, "name": actor.name}


def issue_ref(issue: Issue) -> dict[str, Any]:
    return {"id": issue.id, "name": issue.name}


def affiliation_dict(affiliation: Affiliation) -> dict[str, Any]:
    return {
        "parent": actor_ref(affiliation.parent),
        "role": affiliation.role,
        "valid_from": affiliation.valid_from,
        "valid_to": affiliation.valid_to,
    }


def actor_dict(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "key": actor.key,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases or []),
        "origin": actor.origin,
        "affiliations": [affiliation_dict(a) for a in actor.affiliations],
        "created_at": actor.created_at,
        "updated_at": actor.updated_at,
    }


def stance_dict(record: StanceRecord) -> dict[str, Any]:
    article = record.article
    review = None
    if record.review_label is not None:
        review = {
            "label": record.review_label,
            "reviewer": record.reviewer,
            "note": record.review_note,
            "reviewed_at": record.reviewed_at,
        }
    return {
        "id": record.id,
        "actor": actor_ref(record.actor),
        "issue": issue_ref(record.issue),
        "label": record.effective_label,
        "model_label": record.label,
        "confidence": record.confidence,
        "scores": record.scores,
        "observed_at": record.observed_at,
        "is_current": record.is_current,
        "evidence": [
            {
                "id": e.id,
                "sentence_index": e.sentence_index,
                "start": e.start,
                "end": e.end,
                "text": e.text,
                "label": e.label,
                "scores": e.scores,
                "is_quote": e.is_quote,
                "reporter": actor_ref(e.reporter),
            }
            for e in record.evidence
        ],
        "article": {
            "id": article.id,
            "title": article.title,
            "url": article.url,
            "source": article.source,
            "published_at": article.published_at,
        },
        "model": {"name": record.model_name, "version": record.model_version},
        "review": review,
    }
