"""Weighted model soups of fine-tunings (service.training.soup)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from service.nlp.torch_model import load_torch_model
from service.training.soup import average_weights
from tests.model_factory import build_tiny_stance_model


@pytest.fixture(scope="module")
def members(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("soup")
    return [build_tiny_stance_model(root / f"m{seed}", seed=seed) for seed in (1, 2)]


def _weights(folder_or_model: Path | torch.nn.Module) -> dict[str, torch.Tensor]:
    model = load_torch_model(folder_or_model) if isinstance(folder_or_model, Path) else folder_or_model
    return {k: v for k, v in model.state_dict().items() if v.is_floating_point()}


def test_a_weighted_soup_is_the_weighted_mean(members: list[Path]) -> None:
    first, second = (_weights(folder) for folder in members)
    soup = _weights(average_weights(members, [0.7, 0.3]))
    name = next(k for k in soup if k.endswith("classifier.weight"))
    assert not torch.equal(first[name], second[name])
    assert torch.allclose(soup[name], 0.7 * first[name] + 0.3 * second[name], atol=1e-6)
    uniform = _weights(average_weights(members))
    assert torch.allclose(uniform[name], (first[name] + second[name]) / 2, atol=1e-6)
    alone = _weights(average_weights(members, [2.0, 0.0]))
    assert all(torch.allclose(alone[k], first[k]) for k in first), "weights are normalised"


@pytest.mark.parametrize("weights", [[1.0], [-1.0, 2.0], [0.0, 0.0]])
def test_bad_weights_are_refused(members: list[Path], weights: list[float]) -> None:
    with pytest.raises(ValueError, match="weight"):
        average_weights(members, weights)
