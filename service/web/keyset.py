"""Opaque keyset cursors for newest-first pages ((time, id) or (id,) keys)."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from flask_smorest import abort

T = TypeVar("T")

# Unpadded base64url: what encode_cursor makes (stated in the OpenAPI document).
CURSOR_PATTERN = "^[A-Za-z0-9_-]*$"


def encode_cursor(*key: Any) -> str:
    parts = [k.isoformat() if isinstance(k, datetime) else k for k in key]
    return base64.urlsafe_b64encode(json.dumps(parts).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, shape: tuple[type, ...]) -> tuple[Any, ...]:
    """Decode a cursor made by encode_cursor; a bad cursor is the client's 400."""
    try:
        if not re.fullmatch(CURSOR_PATTERN, cursor):
            raise ValueError("not base64url")
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        parts = json.loads(raw)
        if not isinstance(parts, list) or len(parts) != len(shape):
            raise ValueError("wrong length")
        return tuple(
            datetime.fromisoformat(p) if kind is datetime else kind(p)
            for p, kind in zip(parts, shape, strict=True)
        )
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        abort(400, message="Invalid cursor.", errors={"query": {"cursor": ["Invalid cursor."]}})
        raise  # unreachable: abort raises


def page(
    rows: Sequence[T], limit: int, key: Callable[[T], tuple[Any, ...]], present: Callable[[T], Any]
) -> dict[str, Any]:
    """A page envelope from `limit + 1` fetched rows: the extra row only says
    whether there is a next page, whose cursor is the last shown row's key."""
    shown = list(rows[:limit])
    cursor = encode_cursor(*key(shown[-1])) if len(rows) > limit else None
    return {"items": [present(row) for row in shown], "next_cursor": cursor}
