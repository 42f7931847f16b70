"""Score a saved model folder on a labelled stance .jsonl file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from service.nlp.classifier import load_classifier
from service.nlp.protocol import ClassifierConfig, ClassifierInput, StanceClassifier
from service.pipeline.types import CLASSIFIER_LABELS
from service.training.data import LABEL_TO_ID, read_jsonl
from service.training.metrics import stance_metrics

STANCES = ("support", "oppose", "neutral")


def jsonl_inputs(data_file: Path) -> tuple[list[ClassifierInput], list[int]]:
    """Classifier inputs and gold label ids of a data/stance/*.jsonl file."""
    items: list[ClassifierInput] = []
    gold: list[int] = []
    for record in read_jsonl(data_file):
        label = str(record.get("label", ""))
        if label not in LABEL_TO_ID:
            continue
        mention = record.get("mention")
        items.append(
            ClassifierInput(
                actor=str(record["actor"]),
                issue=str(record["issue"]),
                sentence=str(record["sentence"]),
                mention=str(mention) if mention else None,
                context=str(record.get("context") or ""),
                issue_description=str(record.get("issue_description") or ""),
            )
        )
        gold.append(LABEL_TO_ID[label])
    return items, gold


def evaluate_classifier(classifier: StanceClassifier, data_file: Path) -> dict[str, Any]:
    """Metrics (see stance_metrics) of an already loaded classifier on a .jsonl file.

    `gold_triples`: the examples whose gold is a stance, answered with the best
    of support/oppose/neutral ("none" not allowed), as the seed's gold triples
    are scored: how well the model reads a stance it is told is there.
    """
    items, gold = jsonl_inputs(data_file)
    rows = classifier.classify(items)
    predicted = [LABEL_TO_ID[max(CLASSIFIER_LABELS, key=row.__getitem__)] for row in rows]
    metrics = stance_metrics(gold, predicted)
    stance_rows = [(g, row) for g, row in zip(gold, rows, strict=True) if g != LABEL_TO_ID["none"]]
    metrics["gold_triples"] = stance_metrics(
        [g for g, _ in stance_rows],
        [LABEL_TO_ID[max(STANCES, key=row.__getitem__)] for _, row in stance_rows],
    )
    return metrics


def evaluate_model(model_dir: Path, data_file: Path, quantize: bool = True) -> dict[str, Any]:
    """macro_f1 (support/oppose/neutral) and macro_f1_all (4 labels) of the model in model_dir.

    quantize=True scores exactly what the service runs (int8 dynamic).
    """
    classifier = load_classifier(ClassifierConfig(path=str(model_dir), quantize=quantize))
    return evaluate_classifier(classifier, Path(data_file))
