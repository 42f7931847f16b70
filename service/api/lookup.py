"""Fetch-or-404 for the API modules."""

from __future__ import annotations

from typing import Any, TypeVar

import sqlalchemy as sa
from flask_smorest import abort

from service.db import db

T = TypeVar("T")


def _valid(ident: int) -> bool:
    return 0 < ident < 2**63


def get_or_404(model: type[T], ident: int, what: str) -> T:
    row = db.session.get(model, ident) if _valid(ident) else None
    if row is None:
        abort(404, message=f"No {what} with id {ident}.")
    return row  # type: ignore[return-value]


def exists_or_404(model: Any, ident: int, what: str) -> None:
    """404 unless a row with this id exists; one primary-key probe, no ORM object built."""
    found = _valid(ident) and db.session.execute(sa.select(model.id).where(model.id == ident)).first()
    if not found:
        abort(404, message=f"No {what} with id {ident}.")
