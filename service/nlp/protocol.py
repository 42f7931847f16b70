"""The contract between the pipeline and any stance classifier backend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol


@dataclass(frozen=True)
class ClassifierInput:
    """One (holder, issue, evidence) question for the classifier."""

    actor: str
    issue: str
    sentence: str
    mention: str | None = None
    context: str = ""
    issue_description: str = ""


@dataclass(frozen=True)
class ClassifierConfig:
    """How to load the stance classifier (filled from STANCE_* settings).

    backend "sequence": a fine-tuned sequence-classification model in a local
    folder (or a hub id when hub access is allowed); backend "zero-shot": any
    MNLI-style model, scored with `hypothesis_template`s.
    """

    backend: Literal["sequence", "zero-shot"] = "sequence"
    path: str = ""
    expected_sha256: str | None = None
    hypothesis_template: str = "{actor} {verb} {issue}."
    batch_size: int = 8
    threads: int | None = None
    quantize: bool = True
    # Scored pairs remembered (a re-analysed article's evidence); 0 turns the cache off.
    cache_size: int = 8192
    local_files_only: bool = True


class StanceClassifier(Protocol):
    """Scores inputs; each result maps every label in CLASSIFIER_LABELS
    ("support", "oppose", "neutral", "none") to a probability, summing to 1."""

    name: str
    version: str

    def classify(self, items: Sequence[ClassifierInput]) -> list[dict[str, float]]: ...
