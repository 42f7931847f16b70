"""Turn ORM rows into the plain dicts the Out schemas dump."""

from __future__ import annotations

from typing import Any

from service.store.orm import Actor, Affiliation, Issue


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
