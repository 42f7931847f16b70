"""Finding the moments an actor's stance on an issue changed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from itertools import pairwise
from typing import NamedTuple


class Change(NamedTuple):
    """A label change: the last record with the old label, the first with the new."""

    issue_id: int
    before_id: int
    after_id: int
    from_label: str
    to_label: str
    at: datetime


def find_changes(rows: Iterable[tuple[int, int, datetime, str]]) -> list[Change]:
    """rows: (record id, issue id, observed_at, label), any order. Records are
    walked per issue in time order (ties by id); each label different from the
    previous record's is a change. Returned in time order."""
    per_issue: dict[int, list[tuple[datetime, int, str]]] = {}
    for record_id, issue_id, observed_at, label in rows:
        per_issue.setdefault(issue_id, []).append((observed_at, record_id, label))
    changes = []
    for issue_id, items in per_issue.items():
        items.sort()
        for (_, before_id, old), (at, after_id, new) in pairwise(items):
            if new != old:
                changes.append(Change(issue_id, before_id, after_id, old, new, at))
    return sorted(changes, key=lambda c: (c.at, c.after_id))
