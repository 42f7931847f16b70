"""Fine-tuning and evaluation of the stance cross-encoder (entry points for the CLI)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from service.nlp.inputs import MAX_CONTEXT_CHARS
from service.training.config import TrainConfig
from service.training.evaluate import evaluate_model
from service.training.loop import train

__all__ = ["TrainConfig", "default_shared_dir", "evaluate_model", "run_training", "train"]

REPO_ROOT = Path(__file__).resolve().parents[2]


def default_shared_dir() -> Path:
    """../shared beside the checkout: third-party data and the seed gold live there."""
    return REPO_ROOT.parent / "shared"


def run_training(
    data_dir: Path,
    output_dir: Path,
    epochs: int,
    max_steps: int | None,
    limit: int | None,
    seed: int,
    num_layers: int | None = None,
    teacher: Path | None = None,
    init_from: Path | None = None,
    context_chars: int = MAX_CONTEXT_CHARS,
    framing_consistency: float = 0.0,
) -> dict[str, Any]:
    """Train with the default settings (what `stance-tracker train` runs); returns the metrics.

    max_steps / limit make a smoke run (CI): a few steps on the first few examples.
    The seed gold, when present beside the checkout, is scored but never trained on.
    """
    shared = default_shared_dir()
    seed_dir = shared / "eval" / "seed"
    config = TrainConfig(
        data_dir=Path(data_dir),
        output_dir=Path(output_dir),
        epochs=epochs,
        max_steps=max_steps,
        limit=limit,
        seed=seed,
        num_layers=num_layers,
        teacher=teacher,
        init_from=init_from,
        context_chars=context_chars,
        framing_consistency=framing_consistency,
        model_name="stance-minilm" if num_layers is None else f"stance-minilm-l{num_layers}",
        seed_dir=seed_dir if seed_dir.is_dir() else None,
        aux_dir=shared / "data",
        secondary_tests={"templated_test": REPO_ROOT / "data" / "stance" / "test.jsonl"},
    )
    return train(config)
