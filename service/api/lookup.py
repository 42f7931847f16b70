"""Fetch-or-404 for the API modules."""

from __future__ import annotations

from typing import TypeVar

from flask_smorest import abort

from service.db import db

T = TypeVar("T")


def get_or_404(model: type[T], ident: int, what: str) -> T:
    row = db.session.get(model, ident) if 0 < ident < 2**63 else None
    if row is None:
        abort(404, message=f"No {what} with id {ident}.")
    return row  # type: ignore[return-value]
