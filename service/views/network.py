"""Discourse networks: actors tied by agreeing or conflicting stances on the same issues."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

POLAR = ("support", "oppose")


@dataclass(frozen=True)
class Statement:
    """One current stance record: who, on what, which label, and its evidence."""

    record_id: int
    actor_id: int
    issue_id: int
    label: str
    evidence_ids: tuple[int, ...]


@dataclass
class Tie:
    """An agreement or conflict tie between two actors, with what backs it."""

    source: int
    target: int
    kind: str
    weight: int = 0
    issue_ids: set[int] = field(default_factory=set)
    record_ids: set[int] = field(default_factory=set)
    evidence_ids: set[int] = field(default_factory=set)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "kind": self.kind,
            "weight": self.weight,
            "issue_ids": sorted(self.issue_ids),
            "record_ids": sorted(self.record_ids),
            "evidence_ids": sorted(self.evidence_ids),
        }


def label_counts(statements: Iterable[Statement]) -> dict[int, dict[str, int]]:
    """Per actor, how many records carry each label."""
    counts: dict[int, dict[str, int]] = defaultdict(lambda: {"support": 0, "oppose": 0, "neutral": 0})
    for s in statements:
        counts[s.actor_id][s.label] = counts[s.actor_id].get(s.label, 0) + 1
    return dict(counts)


def build_ties(statements: Iterable[Statement], min_weight: int = 1) -> list[Tie]:
    """Tie every two actors that took a side on the same issue.

    Same label (support/support, oppose/oppose): agreement; opposite labels:
    conflict. Neutral records make no ties. For each issue the weight added is
    the smaller of the two actors' numbers of records with those labels, so an
    actor with mixed records can both agree and conflict with another."""
    by_issue: dict[int, dict[int, dict[str, list[Statement]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for s in statements:
        if s.label in POLAR:
            by_issue[s.issue_id][s.actor_id][s.label].append(s)
    ties: dict[tuple[int, int, str], Tie] = {}
    for issue_id, actors in by_issue.items():
        for a, b in combinations(sorted(actors), 2):
            for label_a in POLAR:
                for label_b in POLAR:
                    left, right = actors[a].get(label_a, []), actors[b].get(label_b, [])
                    if not left or not right:
                        continue
                    kind = "agreement" if label_a == label_b else "conflict"
                    tie = ties.setdefault((a, b, kind), Tie(a, b, kind))
                    tie.weight += min(len(left), len(right))
                    tie.issue_ids.add(issue_id)
                    for s in (*left, *right):
                        tie.record_ids.add(s.record_id)
                        tie.evidence_ids.update(s.evidence_ids)
    return [ties[k] for k in sorted(ties) if ties[k].weight >= min_weight]
