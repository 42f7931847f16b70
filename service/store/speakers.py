"""A document's speakers: resolved to actors on submission, stored with the
article, and handed to the analysis.

A speaker is given by actor id or by name, with an optional organisation (id
or name) and a free-text role ("Administrator", "President and CEO"). Names
match a stored actor's name or alias (case aside), persons first for the
speaker and organisations, countries and groups first for the organisation;
a name that matches nothing becomes a new actor. A speaker who speaks for the
organisation (see `service.pipeline.speakers.role_category`) gets an
affiliation to it dated by the document (valid on its publication day).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from service.pipeline.speakers import role_category
from service.pipeline.types import Document, Speaker
from service.store.actor_search import named
from service.store.actors import search_text, user_key
from service.store.orm import Actor, Affiliation, Article

PERSON_FIRST = ("person", "organisation", "country", "group")
BODY_FIRST = ("organisation", "country", "group", "person")


class SpeakerError(ValueError):
    """A speaker names an actor id that does not exist."""


def resolve_speakers(
    session: Session, items: list[dict[str, Any]], published: datetime | None
) -> list[dict[str, Any]]:
    """The stored form of `items` (see the module docstring); raises SpeakerError."""
    day = published.date() if published else None
    for number, item in enumerate(items):  # every id checked before anything is written
        for field in ("actor_id", "organisation_id"):
            if item.get(field) is not None and session.get(Actor, item[field]) is None:
                raise SpeakerError(f"speakers[{number}].{field}: no actor with id {item[field]}.")
    out: list[dict[str, Any]] = []
    for item in items:
        person = _actor(session, item.get("actor_id"), item.get("name"), "person", PERSON_FIRST)
        org = _actor(
            session, item.get("organisation_id"), item.get("organisation"), "organisation", BODY_FIRST
        )
        role = item.get("role")
        if org is not None and org.id != person.id and person.kind == "person":
            _affiliate(session, person, org, role, day)
        out.append({"actor": _ref(person), "organisation": _ref(org) if org else None, "role": role})
    session.commit()
    return out


def document_of(article: Article) -> Document:
    """What the analysis needs of a stored article besides its text."""
    speakers = tuple(
        Speaker(
            actor_key=item["actor"]["key"],
            name=item["actor"]["name"],
            organisation_key=(item.get("organisation") or {}).get("key"),
            organisation=(item.get("organisation") or {}).get("name"),
            role=item.get("role"),
        )
        for item in article.speakers or ()
    )
    return Document(kind=article.kind or "news", speakers=speakers)


def public_speakers(stored: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
    """The stored speakers as the API shows them (actor and organisation as id and name)."""
    if stored is None:
        return None
    return [
        {
            "actor": {"id": item["actor"]["id"], "name": item["actor"]["name"]},
            "organisation": (
                {"id": item["organisation"]["id"], "name": item["organisation"]["name"]}
                if item.get("organisation")
                else None
            ),
            "role": item.get("role"),
        }
        for item in stored
    ]


def catalogue_role(role: str | None, org: Actor) -> str:
    """The actor catalogue's role for a free-text one (ROLES in service/schemas/actors.py)."""
    category = role_category(role)
    if category != "head":
        return category
    text = (role or "").lower()
    if org.kind == "country":
        if any(word in text for word in ("prime minister", "premier", "chancellor")):
            return "head_of_government"
        if any(word in text for word in ("president", "king", "queen", "emir")):
            return "head_of_state"
        if "minister" in text or "secretary" in text:
            return "minister"
    return "official"


def _actor(
    session: Session, actor_id: int | None, name: str | None, kind: str, order: tuple[str, ...]
) -> Any:
    if actor_id is not None:
        return session.get(Actor, actor_id)
    if not name:
        return None
    found = _by_name(session, name.strip())
    if found:
        return min(found, key=lambda actor: (order.index(actor.kind) if actor.kind in order else 9, actor.id))
    actor = Actor(
        key=user_key(name),
        name=name.strip(),
        kind=kind,
        aliases=[],
        search_text=search_text(name, []),
        origin="user",
    )
    session.add(actor)
    session.flush()
    return actor


def _by_name(session: Session, name: str) -> list[Actor]:
    return list(session.scalars(sa.select(Actor).where(named(name)).limit(20)))


def _affiliate(session: Session, person: Actor, org: Actor, role: str | None, day: date | None) -> None:
    wanted = catalogue_role(role, org)
    for existing in person.affiliations:
        if (existing.parent_id, existing.role, existing.valid_from, existing.valid_to) == (
            org.id,
            wanted,
            day,
            day,
        ):
            return
    person.affiliations.append(Affiliation(parent_id=org.id, role=wanted, valid_from=day, valid_to=day))


def _ref(actor: Actor) -> dict[str, Any]:
    return {"id": actor.id, "key": actor.key, "name": actor.name}
