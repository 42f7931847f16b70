"""Fetch-or-404 for the API modules."""

from __future__ import annotations

import functools
from typing import Any, TypeVar

import sqlalchemy as sa
from flask_smorest import abort

from service.store.db import db
from service.store.orm import Actor, Issue

T = TypeVar("T")


def valid_id(ident: int) -> bool:
    """Whether `ident` can be a row id (a BIGINT primary key above zero)."""
    return 0 < ident < 2**63


def get_or_404(model: type[T], ident: int, what: str) -> T:
    row = db.session.get(model, ident) if valid_id(ident) else None
    if row is None:
        abort(404, message=f"No {what} with id {ident}.")
    return row  # type: ignore[return-value]


@functools.cache
def _by_id(model: Any, *names: str) -> sa.Select[Any]:
    # Built once per shape: composing a select costs more than running a primary-key probe.
    return sa.select(*(getattr(model, n) for n in names)).where(model.id == sa.bindparam("id"))


def _row_or_404(model: Any, ident: int, what: str, *names: str) -> Any:
    # On the session's connection, as Core: no ORM compile step for plain columns.
    row = (
        db.session.connection().execute(_by_id(model, *names), {"id": ident}).first()
        if valid_id(ident)
        else None
    )
    if row is None:
        abort(404, message=f"No {what} with id {ident}.")
    return row


def exists_or_404(model: Any, ident: int, what: str) -> None:
    """404 unless a row with this id exists; one primary-key probe, no ORM object built."""
    _row_or_404(model, ident, what, "id")


def ref_or_404(model: Any, ident: int, what: str) -> dict[str, Any]:
    """{"id", "name"} of an actor or issue (the API's reference shape), or 404; no ORM object built."""
    row = _row_or_404(model, ident, what, "id", "name")
    return {"id": row[0], "name": row[1]}


@functools.cache
def _actor_and_issue() -> sa.Select[Any]:
    issue_name = sa.select(Issue.name).where(Issue.id == sa.bindparam("issue")).scalar_subquery()
    return sa.select(Actor.name, issue_name).where(Actor.id == sa.bindparam("actor"))


def actor_and_issue_or_404(
    actor_id: int, issue_id: int | None
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The references of an actor and (when given) an issue, in one query, or
    404 naming the missing one."""
    if issue_id is None:
        return ref_or_404(Actor, actor_id, "actor"), None
    row = None
    if valid_id(actor_id) and valid_id(issue_id):
        row = (
            db.session.connection()
            .execute(_actor_and_issue(), {"actor": actor_id, "issue": issue_id})
            .first()
        )
    if row is None:
        return ref_or_404(Actor, actor_id, "actor"), ref_or_404(Issue, issue_id, "issue")
    if row[1] is None:
        abort(404, message=f"No issue with id {issue_id}.")
    return {"id": actor_id, "name": row[0]}, {"id": issue_id, "name": row[1]}
