"""Writing actors: keys, the search column, affiliations, catalogue import."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from service.pipeline.types import ActorSpec
from service.store.orm import Actor, Affiliation


def search_text(name: str, aliases: Iterable[str]) -> str:
    """Lower-cased name and aliases joined by a separator, for LIKE search."""
    return "\x1f".join(part.lower() for part in [name, *aliases])


def user_key(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:80]
    return f"user:{slug}:{uuid.uuid4().hex[:8]}"


def set_affiliations(session: Session, actor: Actor, items: Sequence[dict[str, Any]]) -> list[int]:
    """Replace the actor's affiliations; returns parent ids that do not exist."""
    parent_ids = {item["parent_id"] for item in items}
    found = set(session.scalars(sa.select(Actor.id).where(Actor.id.in_(parent_ids)))) if parent_ids else set()
    missing = sorted(parent_ids - found)
    if missing:
        return missing
    actor.affiliations = [
        Affiliation(
            parent_id=item["parent_id"],
            role=item["role"],
            valid_from=item.get("valid_from"),
            valid_to=item.get("valid_to"),
        )
        for item in items
    ]
    return []


def actor_count(session: Session) -> int:
    return session.scalar(sa.select(sa.func.count(Actor.id))) or 0


def import_catalogue(session: Session, specs: Sequence[ActorSpec], origin: str = "catalogue") -> int:
    """Insert the catalogue actors whose keys are not stored yet, with their
    affiliations; returns how many actors were added. One transaction."""
    existing = set(session.scalars(sa.select(Actor.key)))
    fresh = [spec for spec in specs if spec.key not in existing]
    session.execute(
        sa.insert(Actor),
        [
            {
                "key": spec.key,
                "name": spec.name,
                "kind": spec.kind,
                "aliases": list(spec.aliases),
                "search_text": search_text(spec.name, spec.aliases),
                "origin": origin,
            }
            for spec in fresh
        ],
    ) if fresh else None
    ids = dict(session.execute(sa.select(Actor.key, Actor.id)).tuples().all())
    rows = [
        {
            "actor_id": ids[spec.key],
            "parent_id": ids[aff.actor_key],
            "role": aff.role,
            "valid_from": aff.valid_from,
            "valid_to": aff.valid_to,
        }
        for spec in fresh
        for aff in spec.affiliations
        if aff.actor_key in ids
    ]
    if rows:
        session.execute(sa.insert(Affiliation), rows)
    session.commit()
    return len(fresh)
