"""Macro-F1 scores over the stance labels (support/oppose/neutral) and over all four classifier labels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from service.pipeline.types import CLASSIFIER_LABELS

STANCE_IDS = (0, 1, 2)  # support, oppose, neutral in CLASSIFIER_LABELS order


def label_f1(gold: Sequence[int], predicted: Sequence[int], label: int) -> float:
    """F1 of one label (0 when it is neither gold nor predicted anywhere)."""
    pairs = list(zip(gold, predicted, strict=True))
    true_pos = sum(g == p == label for g, p in pairs)
    gold_n = sum(g == label for g, _ in pairs)
    pred_n = sum(p == label for _, p in pairs)
    return 2 * true_pos / (gold_n + pred_n) if gold_n + pred_n else 0.0


def stance_metrics(gold: Sequence[int], predicted: Sequence[int]) -> dict[str, Any]:
    """n, accuracy, per-label F1, and two macro-F1s.

    macro_f1: mean F1 of support, oppose and neutral (a "none" answer still
    counts as a miss for the gold label). macro_f1_all: mean F1 over the labels
    that occur in gold or predictions (all four on a full split; the seed gold
    has no "none", so it is not counted there unless predicted).
    """
    if not gold:
        return {"n": 0, "accuracy": 0.0, "macro_f1": 0.0, "macro_f1_all": 0.0, "f1": {}}
    per_label = {i: label_f1(gold, predicted, i) for i in range(len(CLASSIFIER_LABELS))}
    present = sorted(set(gold) | set(predicted))
    return {
        "n": len(gold),
        "accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold),
        "macro_f1": sum(per_label[i] for i in STANCE_IDS) / len(STANCE_IDS),
        "macro_f1_all": sum(per_label[i] for i in present) / len(present),
        "f1": {CLASSIFIER_LABELS[i]: round(f1, 4) for i, f1 in per_label.items()},
    }
