"""Bucketing stance records into day / week / month / year periods."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta


def period_bounds(moment: datetime, interval: str) -> tuple[date, date]:
    """The [start, end) dates of the period holding `moment`."""
    day = moment.date()
    if interval == "day":
        return day, day + timedelta(days=1)
    if interval == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=7)
    if interval == "month":
        start = day.replace(day=1)
        end = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return start, end
    if interval == "year":
        return date(day.year, 1, 1), date(day.year + 1, 1, 1)
    raise ValueError(f"unknown interval {interval!r}")


COUNTED_LABELS = ("support", "oppose", "neutral")


@dataclass
class Period:
    issue_id: int
    start: date
    end: date
    counts: dict[str, int] = field(default_factory=lambda: {"support": 0, "oppose": 0, "neutral": 0})
    confidences: list[float] = field(default_factory=list)
    record_ids: list[int] = field(default_factory=list)

    def as_dict(self, issue: dict[str, object]) -> dict[str, object]:
        n = len(self.record_ids)
        return {
            "issue": issue,
            "start": self.start,
            "end": self.end,
            "n": n,
            "counts": {label: self.counts.get(label, 0) for label in COUNTED_LABELS},
            "net": (self.counts["support"] - self.counts["oppose"]) / n if n else 0.0,
            "mean_confidence": sum(self.confidences) / n if n else 0.0,
            "record_ids": self.record_ids,
        }


def bucket(rows: Iterable[tuple[int, int, datetime, str, float]], interval: str) -> list[Period]:
    """rows: (record id, issue id, observed_at, label, confidence), any order.
    Returns periods ordered by issue then time."""
    periods: dict[tuple[int, date], Period] = {}
    by_key: defaultdict[tuple[int, date], list[tuple[int, str, float]]] = defaultdict(list)
    for record_id, issue_id, observed_at, label, confidence in rows:
        start, end = period_bounds(observed_at, interval)
        key = (issue_id, start)
        if key not in periods:
            periods[key] = Period(issue_id, start, end)
        by_key[key].append((record_id, label, confidence))
    for key, items in by_key.items():
        period = periods[key]
        for record_id, label, confidence in sorted(items):
            period.counts[label] = period.counts.get(label, 0) + 1
            period.confidences.append(confidence)
            period.record_ids.append(record_id)
    return [periods[k] for k in sorted(periods)]
