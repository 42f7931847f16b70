"""Triple F1 pooled over several development sets: the sum of their true, predicted and
gold triples, from the reports `stance-tracker eval SET --json-out FILE` writes.

    for s in ../shared/eval/seed eval/dev eval/wikinews eval/speeches; do
        .venv/bin/stance-tracker eval $s --json-out /tmp/$(basename $s).json; done
    python bench/pooled_eval.py /tmp/seed.json /tmp/dev.json /tmp/wikinews.json /tmp/speeches.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def pooled(reports: list[Path]) -> tuple[int, int, int, float]:
    """(true, predicted, gold) triples summed over the reports, and their F1."""
    true = predicted = gold = 0
    for report in reports:
        triples = json.loads(report.read_text(encoding="utf-8"))["overall"]["triples"]
        true, predicted, gold = true + triples["tp"], predicted + triples["predicted"], gold + triples["gold"]
    f1 = 2 * true / (predicted + gold) if predicted + gold else 0.0
    return true, predicted, gold, f1


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    t, p, g, f = pooled([Path(arg) for arg in sys.argv[1:]])
    print(f"pooled triples: true {t}, predicted {p}, gold {g}, F1 {f:.3f}")
