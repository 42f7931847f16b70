"""Inter-annotator agreement on the doubly annotated sentences (`real_labels/double.jsonl`).

Twenty sentences of every batch were also given to the annotator of the
previous batch. Reported: how often both saw a policy issue in the sentence
(or both saw none), and, where both did, label agreement and Cohen's kappa
over the candidate mentions both labelled (on each one's first issue; the
issue *names* may differ in wording).

    python scripts/corpus/agreement.py
"""

from __future__ import annotations

import collections
import json
from pathlib import Path

DOUBLE = Path(__file__).resolve().parent / "real_labels" / "double.jsonl"
LABELS = ("support", "oppose", "neutral", "none")


def kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    if not n:
        return float("nan")
    observed = sum(a == b for a, b in pairs) / n
    first = collections.Counter(a for a, _ in pairs)
    second = collections.Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in LABELS) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    rows = [json.loads(line) for line in DOUBLE.open(encoding="utf-8")]
    both_issue = both_none = one_only = 0
    pairs: list[tuple[str, str]] = []
    for row in rows:
        a, b = row["first"]["issues"], row["second"]["issues"]
        a = [i for i in a if i["labels"]]
        b = [i for i in b if i["labels"]]
        if a and b:
            both_issue += 1
            first = {m: lab for m, _, lab, *_ in a[0]["labels"]}
            second = {m: lab for m, _, lab, *_ in b[0]["labels"]}
            pairs += [(first[m], second[m]) for m in first if m in second]
        elif not a and not b:
            both_none += 1
        else:
            one_only += 1
    n = len(rows)
    agree = sum(x == y for x, y in pairs)
    print(f"doubly annotated sentences: {n}")
    print(f"  both saw an issue: {both_issue}, both saw none: {both_none}, only one saw one: {one_only}")
    print(f"  issue presence agreement: {(both_issue + both_none) / max(n, 1):.2f}")
    print(f"  labels compared (same mention, both with an issue): {len(pairs)}")
    print(f"  label agreement: {agree / max(len(pairs), 1):.2f}, Cohen's kappa: {kappa(pairs):.2f}")
    confusion = collections.Counter(pairs)
    print(
        "  confusion (first, second): " + ", ".join(f"{a}/{b} {c}" for (a, b), c in confusion.most_common())
    )


if __name__ == "__main__":
    main()
