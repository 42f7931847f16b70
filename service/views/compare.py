"""Aligning several actors' period series on one issue and scoring their agreement."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from itertools import combinations
from typing import Any

from service.views.history import Period, bucket

Row = tuple[int, int, datetime, str, float]  # record id, actor id, observed_at, label, confidence


def net_label(net: float) -> str:
    """The sign of a net score as a stance label."""
    if net > 0:
        return "support"
    if net < 0:
        return "oppose"
    return "neutral"


def actor_value(actor_id: int, period: Period | None) -> dict[str, Any]:
    """One actor's numbers in one period (an empty period when it has no records)."""
    if period is None or not period.record_ids:
        counts = {"support": 0, "oppose": 0, "neutral": 0}
        return {"actor_id": actor_id, "n": 0, "counts": counts, "net": None, "label": None, "record_ids": []}
    n = len(period.record_ids)
    net = (period.counts["support"] - period.counts["oppose"]) / n
    return {
        "actor_id": actor_id,
        "n": n,
        "counts": dict(period.counts),
        "net": net,
        "label": net_label(net),
        "record_ids": list(period.record_ids),
    }


def agreement(nets: Sequence[float]) -> float | None:
    """Mean pairwise closeness 1 - |a - b| / 2 of net scores; None under two."""
    pairs = list(combinations(nets, 2))
    if not pairs:
        return None
    return sum(1 - abs(a - b) / 2 for a, b in pairs) / len(pairs)


def align(rows: Iterable[Row], actor_ids: Sequence[int], interval: str) -> list[dict[str, Any]]:
    """Bucket each actor's records and line the series up on the periods where
    any of them has a record; each period carries one value per actor."""
    per_actor: dict[int, list[tuple[int, int, datetime, str, float]]] = {a: [] for a in actor_ids}
    for record_id, actor_id, observed_at, label, confidence in rows:
        per_actor[actor_id].append((record_id, 0, observed_at, label, confidence))
    series: dict[int, dict[date, Period]] = {
        actor_id: {p.start: p for p in bucket(items, interval)} for actor_id, items in per_actor.items()
    }
    starts = sorted({start for periods in series.values() for start in periods})
    aligned = []
    for start in starts:
        end = next(periods[start].end for periods in series.values() if start in periods)
        values = [actor_value(actor_id, series[actor_id].get(start)) for actor_id in actor_ids]
        nets = [v["net"] for v in values if v["net"] is not None]
        aligned.append({"start": start, "end": end, "agreement": agreement(nets), "values": values})
    return aligned
