"""Actors: create, search, read and correct countries, organisations and persons."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from sqlalchemy.orm import selectinload

from service.api.lookup import get_or_404
from service.schemas.actors import ActorIn, ActorOut, ActorPatch, ActorQuery
from service.schemas.common import page_schema
from service.store.actor_search import NO_MATCH, search_ranks
from service.store.actors import search_text, set_affiliations, user_key
from service.store.db import db
from service.store.orm import Actor, Affiliation
from service.views.serialise import actor_dict
from service.web.keyset import decode_cursor, page

blp = Blueprint("actors", __name__, url_prefix="/api/v1/actors", description="Actors and their roles")

ActorPage = page_schema(ActorOut, "ActorPage")


def _apply_affiliations(actor: Actor, items: list[dict[str, Any]]) -> None:
    missing = set_affiliations(db.session, actor, items)
    if missing:
        db.session.rollback()
        abort(
            422,
            message="Unknown parent actor in affiliations.",
            errors={"json": {"affiliations": [f"No actor with id {i}." for i in missing]}},
        )


def _with_affiliations() -> Any:
    return selectinload(Actor.affiliations).selectinload(Affiliation.parent)


@blp.route("")
class Actors(MethodView):
    @blp.arguments(ActorQuery, location="query")
    @blp.response(200, ActorPage)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """Search actors by name or alias (?q=), best match first, else newest id first; cursor-paginated

        With `q`: exact name, then exact alias, then name prefix, alias prefix,
        and anything containing it; within each, countries, organisations,
        groups, persons, and actors found by NER last; then the oldest id.
        """
        from flask import current_app

        limit = query.get("limit") or current_app.config["SETTINGS"].page_size
        if "q" in query:
            return _search(query, limit)
        stmt = sa.select(Actor).options(_with_affiliations()).order_by(Actor.id.desc())
        if "kind" in query:
            stmt = stmt.where(Actor.kind == query["kind"])
        if "cursor" in query:
            (last_id,) = decode_cursor(query["cursor"], (int,))
            stmt = stmt.where(Actor.id < last_id)
        rows = list(db.session.scalars(stmt.limit(limit + 1)))
        return page(rows, limit, lambda a: (a.id,), actor_dict)

    @blp.arguments(ActorIn)
    @blp.response(201, ActorOut)
    def post(self, data: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
        """Add an actor"""
        aliases = data.get("aliases", [])
        actor = Actor(
            key=user_key(data["name"]),
            name=data["name"],
            kind=data["kind"],
            aliases=aliases,
            search_text=search_text(data["name"], aliases),
            origin="user",
        )
        db.session.add(actor)
        db.session.flush()
        _apply_affiliations(actor, data.get("affiliations", []))
        db.session.commit()
        return actor_dict(actor), 201, {"Location": f"/api/v1/actors/{actor.id}"}


def _search(query: dict[str, Any], limit: int) -> dict[str, Any]:
    match_rank, kind_rank = search_ranks(query["q"])
    stmt = (
        sa.select(Actor, match_rank, kind_rank)
        .options(_with_affiliations())
        .where(match_rank < NO_MATCH)
        .order_by(match_rank, kind_rank, Actor.id)
    )
    if "kind" in query:
        stmt = stmt.where(Actor.kind == query["kind"])
    if "cursor" in query:
        after = decode_cursor(query["cursor"], (int, int, int))
        stmt = stmt.where(sa.tuple_(match_rank, kind_rank, Actor.id) > sa.tuple_(*after))
    rows = list(db.session.execute(stmt.limit(limit + 1)).tuples())
    return page(rows, limit, lambda row: (row[1], row[2], row[0].id), lambda row: actor_dict(row[0]))


@blp.route("/<int:actor_id>")
class ActorById(MethodView):
    @blp.response(200, ActorOut)
    def get(self, actor_id: int) -> dict[str, Any]:
        """Read one actor with its affiliations"""
        return actor_dict(get_or_404(Actor, actor_id, "actor"))

    @blp.arguments(ActorPatch)
    @blp.response(200, ActorOut)
    def patch(self, data: dict[str, Any], actor_id: int) -> dict[str, Any]:
        """Correct an actor (name, kind, aliases, affiliations)"""
        actor = get_or_404(Actor, actor_id, "actor")
        for name in ("name", "kind", "aliases"):
            if name in data:
                setattr(actor, name, data[name])
        actor.search_text = search_text(actor.name, actor.aliases or [])
        if "affiliations" in data:
            if any(item["parent_id"] == actor.id for item in data["affiliations"]):
                abort(422, message="An actor cannot be affiliated with itself.")
            _apply_affiliations(actor, data["affiliations"])
        db.session.commit()
        return actor_dict(actor)
