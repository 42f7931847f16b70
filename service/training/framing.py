"""Framing consistency in training: an example and its inverse framing ("repealing the
ACA" / "keeping the ACA", the same sentence and holder, support and oppose swapped) are
batched together, and a loss pulls the model's answer on the one towards the swap of its
answer on the other (`stance-tracker train --framing-consistency W`)."""

from __future__ import annotations

import random
from collections.abc import Sequence

import torch

from service.pipeline.types import CLASSIFIER_LABELS
from service.training.data import Example


def framing_partners(examples: Sequence[Example]) -> list[int]:
    """For each example, the index of its inverse-framing partner (-1: none): the two
    examples of a `framing_pair` key that has exactly two."""
    groups: dict[str, list[int]] = {}
    for index, example in enumerate(examples):
        if example.framing_pair:
            groups.setdefault(example.framing_pair, []).append(index)
    partner = [-1] * len(examples)
    for members in groups.values():
        if len(members) == 2:
            first, second = members
            partner[first], partner[second] = second, first
    return partner


def paired_batches(
    lengths: Sequence[int], partner: Sequence[int], batch_size: int, rng: random.Random
) -> list[list[int]]:
    """As loop.epoch_batches, but an example and its inverse framing always share a batch."""
    units = [
        (i,) if partner[i] < 0 else (i, partner[i])
        for i in range(len(lengths))
        if partner[i] < 0 or i < partner[i]
    ]
    rng.shuffle(units)
    pool = batch_size * 50
    batches: list[list[int]] = []
    start = 0
    while start < len(units):
        chunk, size = [], 0
        while start < len(units) and size < pool:
            chunk.append(units[start])
            size += len(units[start])
            start += 1
        chunk.sort(key=lambda unit: max(lengths[i] for i in unit))
        batch: list[int] = []
        for unit in chunk:
            if batch and len(batch) + len(unit) > batch_size:
                batches.append(batch)
                batch = []
            batch += unit
        if batch:
            batches.append(batch)
    rng.shuffle(batches)
    return batches


# Support and oppose trade places under the inverse framing; neutral and none stay.
_SWAPPED = [CLASSIFIER_LABELS.index(label) for label in ("oppose", "support", "neutral", "none")]


def framing_consistency_loss(
    logits: torch.Tensor, batch: Sequence[int], partner: Sequence[int]
) -> torch.Tensor:
    """Symmetric KL between each example's label distribution and its partner's with
    support and oppose swapped, over the pairs in the batch (0 when there are none)."""
    position = {index: row for row, index in enumerate(batch)}
    pairs = [(row, position[partner[index]]) for row, index in enumerate(batch) if partner[index] in position]
    if not pairs:
        return logits.new_zeros(())
    left = torch.log_softmax(logits[[a for a, _ in pairs]], dim=-1)
    right = torch.log_softmax(logits[[b for _, b in pairs]], dim=-1)[:, _SWAPPED]
    kl = torch.nn.functional.kl_div
    return 0.5 * (
        kl(right, left, log_target=True, reduction="batchmean")
        + kl(left, right, log_target=True, reduction="batchmean")
    )
