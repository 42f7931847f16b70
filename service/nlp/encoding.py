"""Tokenise (text_a, text_b) pairs into padded tensor batches, the same way for training and inference."""

from __future__ import annotations

from collections.abc import Sequence

import torch
from transformers import PreTrainedTokenizerBase

DEFAULT_MAX_LENGTH = 128


def prepare_tokenizer(tokenizer: PreTrainedTokenizerBase) -> PreTrainedTokenizerBase:
    """Make over-long pairs lose their *oldest* context, never the evidence sentence.

    build_pair puts the context before the evidence in text_b, so truncating
    text_b from the left drops context first.
    """
    tokenizer.truncation_side = "left"
    return tokenizer


def encode_pairs(
    tokenizer: PreTrainedTokenizerBase,
    pairs: Sequence[tuple[str, str]],
    max_length: int = DEFAULT_MAX_LENGTH,
) -> tuple[list[list[int]], list[list[int]]]:
    """Token ids (and token type ids) for each pair, unpadded, truncating only text_b."""
    if not pairs:
        return [], []
    encoded = tokenizer(
        [a for a, _ in pairs],
        [b for _, b in pairs],
        truncation="only_second",
        max_length=max_length,
        padding=False,
        return_attention_mask=False,
        return_token_type_ids=True,
    )
    return encoded["input_ids"], encoded["token_type_ids"]


def collate(
    input_ids: Sequence[Sequence[int]],
    token_type_ids: Sequence[Sequence[int]],
    pad_id: int,
) -> dict[str, torch.Tensor]:
    """Right-pad a group of encoded pairs to its own longest member.

    Done by hand (not tokenizer.pad) because it is a few list operations and
    avoids the fast tokenizer's pad-after-encode warning and overhead.
    """
    width = max(len(ids) for ids in input_ids)
    ids = torch.full((len(input_ids), width), pad_id, dtype=torch.long)
    types = torch.zeros((len(input_ids), width), dtype=torch.long)
    mask = torch.zeros((len(input_ids), width), dtype=torch.long)
    for row, (tokens, kinds) in enumerate(zip(input_ids, token_type_ids, strict=True)):
        ids[row, : len(tokens)] = torch.tensor(tokens, dtype=torch.long)
        types[row, : len(kinds)] = torch.tensor(kinds, dtype=torch.long)
        mask[row, : len(tokens)] = 1
    return {"input_ids": ids, "token_type_ids": types, "attention_mask": mask}


def length_buckets(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Indices grouped into batches of similar length (longest first).

    Padding costs compute for every pad token, so grouping similar lengths
    keeps each batch almost pad-free.
    """
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    return [order[start : start + batch_size] for start in range(0, len(order), batch_size)]
