"""Benchmark: naive per-pair transformers pipeline vs the service's classifier path, same model, same process.

Usage:
    HF_HUB_OFFLINE=1 python bench/classifier_speed.py [--model models/stance-minilm]
        [--data data/stance/test.jsonl] [--pairs 300] [--threads N]

Prints pairs/s of (a) `transformers.pipeline("text-classification")` called once
per pair and (b) `load_classifier(...).classify(batch)` (length-bucketed
batches, int8: ONNX Runtime when the folder has model.int8.onnx, else torch
dynamic quantisation), their ratio, a small
ablation of (b), label agreement between (a) and (b), and the peak RSS.
The service path runs first so the RSS printed after it is the peak of a
process holding only the service's model.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import torch
from transformers import pipeline

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.nlp.classifier import load_classifier
from service.nlp.inputs import build_pair
from service.nlp.onnx_runtime import ONNX_FILE
from service.nlp.protocol import ClassifierConfig, ClassifierInput
from service.pipeline.types import CLASSIFIER_LABELS
from service.training.evaluate import jsonl_inputs


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(run: Callable[[], list[str]]) -> tuple[float, list[str]]:
    start = time.perf_counter()
    labels = run()
    return time.perf_counter() - start, labels


def argmax(row: dict[str, float]) -> str:
    return max(CLASSIFIER_LABELS, key=row.__getitem__)


def service_run(model: str, items: Sequence[ClassifierInput], threads: int, quantize: bool) -> float:
    """pairs/s of a fresh classifier's first (cold-cache) call."""
    classifier = load_classifier(ClassifierConfig(path=model, threads=threads, quantize=quantize))
    classifier.classify(items[:8])  # warm-up
    classifier.scorer.clear_cache()  # type: ignore[attr-defined]
    seconds, _ = timed(lambda: [argmax(r) for r in classifier.classify(items)])
    return len(items) / seconds


def without_onnx(model: str, scratch: Path) -> str:
    """A copy of the model folder without the int8 ONNX file: forces the torch int8 path."""
    target = scratch / "torch-only"
    shutil.copytree(model, target, ignore=shutil.ignore_patterns(ONNX_FILE))
    return str(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/stance-minilm")
    parser.add_argument("--data", default="data/stance/test.jsonl")
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    all_items, _ = jsonl_inputs(Path(args.data))
    items = all_items[: args.pairs]
    print(f"{len(items)} pairs from {args.data}; model {args.model}; torch threads {args.threads}")
    print(f"peak RSS before loading any model: {peak_rss_mib():.0f} MiB")

    # (b) the service path, as deployed (int8 on), cold cache.
    classifier = load_classifier(ClassifierConfig(path=args.model, threads=args.threads, quantize=True))
    classifier.classify(items[:8])  # warm-up: first-call allocations
    classifier.scorer.clear_cache()  # type: ignore[attr-defined]
    service_s, service_labels = timed(lambda: [argmax(r) for r in classifier.classify(items)])
    cached_s, _ = timed(lambda: [argmax(r) for r in classifier.classify(items)])
    service_rss = peak_rss_mib()

    # (a) the naive baseline: one pipeline call per pair, fp32 (what a first version would do).
    pipe = pipeline("text-classification", model=args.model, top_k=None, dtype=torch.float32, device=-1)
    pairs = [build_pair(i.actor, i.issue, i.sentence, i.mention, i.context) for i in items]
    pipe({"text": pairs[0][0], "text_pair": pairs[0][1]})  # warm-up

    def naive() -> list[str]:
        out = []
        for text_a, text_b in pairs:
            scores = pipe({"text": text_a, "text_pair": text_b})
            out.append(str(max(scores, key=lambda s: s["score"])["label"]))
        return out

    naive_s, naive_labels = timed(naive)

    # Ablation of the service path (fresh classifiers, cold caches).
    fp32 = service_run(args.model, items, args.threads, quantize=False)
    with tempfile.TemporaryDirectory() as scratch:
        torch_int8 = service_run(without_onnx(args.model, Path(scratch)), items, args.threads, quantize=True)
    backend = type(classifier.scorer.model).__name__  # type: ignore[attr-defined]

    n = len(items)
    agree = sum(a == b for a, b in zip(naive_labels, service_labels, strict=True)) / n
    print(f"(a) naive pipeline, one call per pair : {n / naive_s:8.1f} pairs/s")
    print(f"(b) service classify(batch), int8     : {n / service_s:8.1f} pairs/s  [{backend}]")
    print(f"    ratio (b)/(a)                     : {naive_s / service_s:8.2f}x")
    print(f"    ablation: bucketed batches, fp32  : {fp32:8.1f} pairs/s")
    print(f"    ablation: bucketed, torch int8    : {torch_int8:8.1f} pairs/s")
    print(f"    repeated call (LRU cache hits)    : {n / cached_s:8.0f} pairs/s")
    print(f"    label agreement (a) vs (b)        : {agree:8.1%}")
    print(f"peak RSS, service model loaded        : {service_rss:8.0f} MiB")
    print(f"peak RSS, both models loaded          : {peak_rss_mib():8.0f} MiB")


if __name__ == "__main__":
    main()
