"""Batched, cached softmax scoring of text pairs with a sequence-classification model."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import torch
from transformers import PreTrainedTokenizerBase

from service.nlp.encoding import DEFAULT_MAX_LENGTH, collate, encode_pairs, length_buckets

Pair = tuple[str, str]


class PairScorer:
    """Turns (text_a, text_b) pairs into probability rows over the model's labels.

    Four things make it fast on CPU: duplicate pairs are scored once (an LRU
    cache that lives as long as the process, since the same evidence is often
    re-classified when an article is re-analysed), pairs are sorted by length
    before batching so batches carry little padding, inference runs under
    torch.inference_mode (no autograd bookkeeping), and a model that says it
    can (`streams` > 1, the ONNX Runtime path) gets several batches at once
    from a small thread pool.
    """

    def __init__(
        self,
        model: Callable[..., Any],
        tokenizer: PreTrainedTokenizerBase,
        batch_size: int = 32,
        max_length: int = DEFAULT_MAX_LENGTH,
        cache_size: int = 8192,
    ) -> None:
        self.model = model
        self.tokenizer = tokenizer
        # A model may cap the batch: int8 ONNX scores one pair per call, so that a
        # pair's answer does not depend on its batch-mates (onnx_runtime.py).
        self.batch_size = max(1, min(batch_size, int(getattr(model, "max_batch", batch_size))))
        self.max_length = max_length
        self.cache_size = cache_size
        self._cache: OrderedDict[Pair, tuple[float, ...]] = OrderedDict()
        pad = tokenizer.pad_token_id
        self._pad_id = int(pad) if pad is not None else 0
        streams = int(getattr(model, "streams", 1))
        self._pool = ThreadPoolExecutor(streams, thread_name_prefix="scorer") if streams > 1 else None

    def score(self, pairs: Sequence[Pair]) -> list[tuple[float, ...]]:
        """One probability row per pair, in input order."""
        missing = list(dict.fromkeys(p for p in pairs if p not in self._cache))
        fresh = dict(zip(missing, self._run(missing), strict=True))
        rows: list[tuple[float, ...]] = []
        for pair in pairs:
            row = fresh.get(pair)
            if row is None:
                row = self._cache[pair]
                self._cache.move_to_end(pair)
            rows.append(row)
        for pair, row in fresh.items():
            self._remember(pair, row)
        return rows

    def clear_cache(self) -> None:
        """Forget every cached row (e.g. after swapping weights)."""
        self._cache.clear()

    def _remember(self, pair: Pair, row: tuple[float, ...]) -> None:
        if self.cache_size <= 0:
            return
        self._cache[pair] = row
        self._cache.move_to_end(pair)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def _run(self, pairs: list[Pair]) -> list[tuple[float, ...]]:
        if not pairs:
            return []
        input_ids, type_ids = encode_pairs(self.tokenizer, pairs, self.max_length)
        batches = length_buckets([len(ids) for ids in input_ids], self.batch_size)
        inputs = [collate([input_ids[i] for i in b], [type_ids[i] for i in b], self._pad_id) for b in batches]
        if self._pool is not None and len(inputs) > 1:
            results = list(self._pool.map(self._logits, inputs))
        else:
            results = [self._logits(tensors) for tensors in inputs]
        out: list[tuple[float, ...]] = [()] * len(pairs)
        with torch.inference_mode():
            for batch, logits in zip(batches, results, strict=True):
                # Torch ops stay on this thread: a torch op on a pool thread starts
                # an OpenMP team there whose spinning slowed later torch work 2x.
                probs = torch.softmax(logits.float(), dim=-1).tolist()
                for index, row in zip(batch, probs, strict=True):
                    out[index] = tuple(row)
        return out

    def _logits(self, tensors: dict[str, torch.Tensor]) -> torch.Tensor:
        with torch.inference_mode():
            return self.model(**tensors).logits  # type: ignore[no-any-return]
