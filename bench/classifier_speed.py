"""Benchmark: naive per-pair transformers pipeline vs the service's classifier path, same model, same process.

Usage:
    HF_HUB_OFFLINE=1 python bench/classifier_speed.py [--model models/stance-minilm]
        [--data data/stance/test.jsonl] [--pairs 300] [--threads N]

Prints pairs/s of (a) `transformers.pipeline("text-classification")` called once
per pair and (b) `load_classifier(...).classify(batch)` (length-bucketed
batches, int8: ONNX Runtime when the folder has model.int8.onnx, else torch
dynamic quantisation), their ratio, an ablation of (b), label agreement between (a) and (b), and
the peak RSS. The service's model is loaded first, so the RSS printed after
it is the peak of a process holding only that model. Methods run in
interleaved rounds and the best time of each is kept, which makes the
figures robust to other processes on a shared machine.
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
from transformers import AutoTokenizer, pipeline

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.nlp.classifier import load_classifier
from service.nlp.inputs import build_pair
from service.nlp.onnx_runtime import ONNX_FILE
from service.nlp.protocol import ClassifierConfig, ClassifierInput, StanceClassifier
from service.nlp.torch_model import load_torch_model
from service.pipeline.types import CLASSIFIER_LABELS
from service.training.evaluate import jsonl_inputs

Method = Callable[[], list[str]]


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(run: Callable[[], list[str]]) -> tuple[float, list[str]]:
    start = time.perf_counter()
    labels = run()
    return time.perf_counter() - start, labels


def argmax(row: dict[str, float]) -> str:
    return max(CLASSIFIER_LABELS, key=row.__getitem__)


def without_onnx(model: str, scratch: Path) -> str:
    """A copy of the model folder without the int8 ONNX file: forces the torch int8 path."""
    target = scratch / "torch-only"
    shutil.copytree(model, target, ignore=shutil.ignore_patterns(ONNX_FILE))
    return str(target)


def service_method(classifier: StanceClassifier, items: Sequence[ClassifierInput]) -> Method:
    """One cold-cache classify(batch) call over all items."""

    def run() -> list[str]:
        classifier.scorer.clear_cache()  # type: ignore[attr-defined]
        return [argmax(row) for row in classifier.classify(items)]

    return run


def naive_method(model: str, items: Sequence[ClassifierInput]) -> Method:
    """The naive baseline: one fp32 pipeline call per pair (what a first version would do).

    The model is widened to fp32 from the folder's stored weights (int8 or fp16)
    by load_torch_model, then handed to an ordinary pipeline.
    """
    folder = Path(model)
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    pipe = pipeline(
        "text-classification", model=load_torch_model(folder), tokenizer=tokenizer, top_k=None, device=-1
    )
    pairs = [
        build_pair(i.actor, i.issue, i.sentence, i.mention, i.context, i.issue_description) for i in items
    ]

    def run() -> list[str]:
        out = []
        for text_a, text_b in pairs:
            scores = pipe({"text": text_a, "text_pair": text_b})
            out.append(str(max(scores, key=lambda s: s["score"])["label"]))
        return out

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/stance-minilm")
    parser.add_argument("--data", default="data/stance/test.jsonl")
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved repetitions; best is kept")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    all_items, _ = jsonl_inputs(Path(args.data))
    items = all_items[: args.pairs]
    n = len(items)
    print(f"{n} pairs from {args.data}; model {args.model}; threads {args.threads}; best of {args.rounds}")
    print(f"peak RSS before loading any model     : {peak_rss_mib():8.0f} MiB")
    service = load_classifier(ClassifierConfig(path=args.model, threads=args.threads, quantize=True))
    service.classify(items[:8])  # first-call allocations
    service_labels = service_method(service, items)()
    service_rss = peak_rss_mib()
    backend = type(service.scorer.model).__name__  # type: ignore[attr-defined]

    methods: dict[str, Method] = {
        "naive": naive_method(args.model, items),
        "service": service_method(service, items),
        "fp32": service_method(
            load_classifier(ClassifierConfig(path=args.model, threads=args.threads, quantize=False)), items
        ),
    }
    scratch = tempfile.TemporaryDirectory()
    if backend == "OnnxModel":
        torch_only = without_onnx(args.model, Path(scratch.name))
        methods["torch_int8"] = service_method(
            load_classifier(ClassifierConfig(path=torch_only, threads=args.threads, quantize=True)), items
        )
    for method in methods.values():
        method()  # warm-up
    # Interleaved rounds, best kept: other processes on a shared machine only ever slow a run down.
    best = dict.fromkeys(methods, float("inf"))
    naive_labels: list[str] = []
    for _ in range(args.rounds):
        for name, method in methods.items():
            seconds, labels = timed(method)
            best[name] = min(best[name], seconds)
            if name == "naive":
                naive_labels = labels
    cached_s, _ = timed(lambda: [argmax(r) for r in service.classify(items)])
    scratch.cleanup()

    agree = sum(a == b for a, b in zip(naive_labels, service_labels, strict=True)) / n
    print(f"(a) naive pipeline, one call per pair : {n / best['naive']:8.1f} pairs/s")
    print(f"(b) service classify(batch), int8     : {n / best['service']:8.1f} pairs/s  [{backend}]")
    print(f"    ratio (b)/(a)                     : {best['naive'] / best['service']:8.2f}x")
    print(f"    ablation: bucketed batches, fp32  : {n / best['fp32']:8.1f} pairs/s")
    if "torch_int8" in best:
        print(f"    ablation: bucketed, torch int8    : {n / best['torch_int8']:8.1f} pairs/s")
    print(f"    repeated call (LRU cache hits)    : {n / cached_s:8.0f} pairs/s")
    print(f"    label agreement (a) vs (b)        : {agree:8.1%}")
    print(f"peak RSS, service model loaded        : {service_rss:8.0f} MiB")
    print(f"peak RSS, all variants loaded         : {peak_rss_mib():8.0f} MiB")


if __name__ == "__main__":
    main()
