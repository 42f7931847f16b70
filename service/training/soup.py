"""Model soups: one model whose weights are the weighted mean of several fine-tunings
that share an initialisation (Wortsman et al., "Model soups", ICML 2022). Inference
costs what one model costs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from service.nlp.torch_model import load_torch_model


def average_weights(folders: Sequence[Path], weights: Sequence[float] | None = None) -> Any:
    """The first folder's model with every floating-point tensor replaced by the
    weighted mean over all folders (uniform without `weights`; weights are
    normalised to sum to 1). Raises ValueError for mismatched inputs."""
    if not folders:
        raise ValueError("a soup needs at least one model folder")
    shares = [1.0] * len(folders) if weights is None else [float(w) for w in weights]
    if len(shares) != len(folders) or any(w < 0 for w in shares) or sum(shares) <= 0:
        raise ValueError("one non-negative weight per folder, not all zero")
    total = sum(shares)
    models = [load_torch_model(folder) for folder in folders]
    states = [model.state_dict() for model in models]
    merged = states[0]
    for name, tensor in merged.items():
        if tensor.is_floating_point():
            merged[name] = sum(w / total * state[name] for w, state in zip(shares, states, strict=True))
    models[0].load_state_dict(merged)
    return models[0]
