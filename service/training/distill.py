"""Knowledge distillation: a thinner student learns a trained teacher's probabilities.

The student starts as a copy of the teacher with some transformer layers
removed (spread over the depth, as DistilBERT does), then trains on a mix
of the gold labels and the teacher's temperature-softened probabilities,
computed once before training.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch
from torch.nn import functional

from service.nlp.encoding import collate, length_buckets


def student_layers(total: int, keep: int) -> list[int]:
    """`keep` layer indices spread evenly over `total`, always the first and the last.

    6 -> 5 keeps [0, 1, 2, 4, 5]; 6 -> 4 keeps [0, 2, 3, 5].
    """
    if not 1 <= keep <= total:
        raise ValueError(f"num_layers must be between 1 and {total}, not {keep}")
    if keep == 1:
        return [total - 1]
    return sorted({round(i * (total - 1) / (keep - 1)) for i in range(keep)})


def select_layers(model: Any, indices: Sequence[int]) -> None:
    """Keep only the BERT encoder layers at `indices`, in order."""
    layers = model.bert.encoder.layer
    if not indices or not all(0 <= i < len(layers) for i in indices):
        raise ValueError(f"num_layers must be between 1 and {len(layers)}, not {len(indices)}")
    model.bert.encoder.layer = torch.nn.ModuleList([layers[i] for i in indices])
    model.config.num_hidden_layers = len(indices)


def teacher_probabilities(
    teacher: Any,
    ids: Sequence[Sequence[int]],
    types: Sequence[Sequence[int]],
    pad_id: int,
    temperature: float,
    device: str = "cpu",
    batch_size: int = 64,
) -> torch.Tensor:
    """softmax(teacher logits / temperature) for every encoded example, one row each."""
    teacher.to(device).eval()
    rows = torch.zeros((len(ids), int(teacher.config.num_labels)))
    with torch.inference_mode():
        for batch in length_buckets([len(x) for x in ids], batch_size):
            inputs = collate([ids[i] for i in batch], [types[i] for i in batch], pad_id)
            logits = teacher(**{k: v.to(device) for k, v in inputs.items()}).logits.float()
            rows[batch] = torch.softmax(logits / temperature, dim=-1).cpu()
    return rows


def distillation_loss(
    student_logits: torch.Tensor, soft_labels: torch.Tensor, temperature: float
) -> torch.Tensor:
    """KL(teacher || student) at `temperature`, scaled by T^2 so its gradients match the hard loss's size."""
    log_student = functional.log_softmax(student_logits / temperature, dim=-1)
    return functional.kl_div(log_student, soft_labels, reduction="batchmean") * temperature**2
