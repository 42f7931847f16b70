"""Macro-F1 scores over the stance labels (support/oppose/neutral) and over all four classifier labels."""

from __future__ import annotations

from collections.abc import Sequence

from sklearn.metrics import f1_score

from service.pipeline.types import CLASSIFIER_LABELS

STANCE_IDS = [0, 1, 2]  # support, oppose, neutral in CLASSIFIER_LABELS order
ALL_IDS = list(range(len(CLASSIFIER_LABELS)))


def stance_metrics(gold: Sequence[int], predicted: Sequence[int]) -> dict[str, float | int | dict[str, float]]:
    """macro_f1 (support/oppose/neutral; "none" still counts as a wrong answer), macro_f1_all (4 labels),
    accuracy, per-label F1 and the number of examples."""
    if not gold:
        return {"n": 0, "macro_f1": 0.0, "macro_f1_all": 0.0, "accuracy": 0.0, "f1": {}}
    per_label = f1_score(gold, predicted, labels=ALL_IDS, average=None, zero_division=0)
    present_all = sorted(set(gold) | set(predicted))
    return {
        "n": len(gold),
        "macro_f1": float(f1_score(gold, predicted, labels=STANCE_IDS, average="macro", zero_division=0)),
        "macro_f1_all": float(
            f1_score(gold, predicted, labels=present_all, average="macro", zero_division=0)
        ),
        "accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold),
        "f1": {CLASSIFIER_LABELS[i]: round(float(per_label[i]), 4) for i in ALL_IDS},
    }
