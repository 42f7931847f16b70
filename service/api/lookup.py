"""Fetch-or-404 for the API modules."""

from __future__ import annotations

from typing import Any, TypeVar

import sqlalchemy as sa
from flask_smorest import abort

from service.db import db

T = TypeVar("T")


def valid_id(ident: int) -> bool:
    """Whether `ident` can be a row id (a BIGINT primary key above zero)."""
    return 0 < ident < 2**63


def get_or_404(model: type[T], ident: int, what: str) -> T:
    row = db.session.get(model, ident) if valid_id(ident) else None
    if row is None:
        abort(404, message=f"No {what} with id {ident}.")
    return row  # type: ignore[return-value]


def _row_or_404(model: Any, ident: int, what: str, *columns: Any) -> Any:
    row = (
        db.session.execute(sa.select(*columns).where(model.id == ident)).first() if valid_id(ident) else None
    )
    if row is None:
        abort(404, message=f"No {what} with id {ident}.")
    return row  # type: ignore[return-value]


def exists_or_404(model: Any, ident: int, what: str) -> None:
    """404 unless a row with this id exists; one primary-key probe, no ORM object built."""
    _row_or_404(model, ident, what, model.id)


def ref_or_404(model: Any, ident: int, what: str) -> dict[str, Any]:
    """{"id", "name"} of an actor or issue (the API's reference shape), or 404; no ORM object built."""
    row = _row_or_404(model, ident, what, model.id, model.name)
    return {"id": row[0], "name": row[1]}
