"""Fine-tune MiniLM as a 4-label stance cross-encoder: the training loop with early stopping on dev."""

from __future__ import annotations

import copy
import json
import logging
import math
import random
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    PreTrainedModel,
    get_linear_schedule_with_warmup,
)

from service.nlp.classifier import load_classifier
from service.nlp.encoding import collate, encode_pairs, length_buckets, prepare_tokenizer
from service.nlp.protocol import ClassifierConfig
from service.nlp.torch_model import load_torch_model
from service.nlp.weights import MODEL_INFO_FILE, read_model_info, verify_weights
from service.pipeline.types import CLASSIFIER_LABELS
from service.training.base_model import checked_base_folder
from service.training.config import BASE_MODEL_NAME, TrainConfig
from service.training.data import Example, auxiliary_examples, corpus_examples
from service.training.distill import distillation_loss, select_layers, student_layers, teacher_probabilities
from service.training.evaluate import evaluate_classifier
from service.training.export import save_model
from service.training.framing import framing_consistency_loss, framing_partners, paired_batches
from service.training.metrics import stance_metrics
from service.training.seed_eval import evaluate_seed

log = logging.getLogger(__name__)

Encoded = tuple[list[list[int]], list[list[int]], list[int]]


def set_seed(seed: int) -> None:
    """Seed every RNG the run touches, so a rerun on the same machine gives the same model."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def encode(tokenizer: Any, examples: Sequence[Example], max_length: int) -> Encoded:
    ids, types = encode_pairs(tokenizer, [(e.text_a, e.text_b) for e in examples], max_length)
    return ids, types, [e.label for e in examples]


def epoch_batches(lengths: Sequence[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar-length examples.

    Examples are shuffled, cut into pools of 50 batches, each pool sorted by
    length and split into batches, and the batches shuffled again: nearly no
    padding (2-3x faster on CPU than random batches) while every batch still
    mixes labels and sources.
    """
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = batch_size * 50
    batches: list[list[int]] = []
    for start in range(0, len(order), pool):
        chunk = order[start : start + pool]
        buckets = length_buckets([lengths[i] for i in chunk], batch_size)
        batches += [[chunk[i] for i in bucket] for bucket in buckets]
    rng.shuffle(batches)
    return batches


def class_weights(labels: Sequence[int], balance: bool) -> torch.Tensor:
    """Loss weights ~ 1/sqrt(frequency), mean 1: rare labels (neutral) count more, but not so much
    that the model over-predicts them."""
    if not balance:
        return torch.ones(len(CLASSIFIER_LABELS))
    counts = Counter(labels)
    raw = torch.tensor([1.0 / math.sqrt(max(counts.get(i, 0), 1)) for i in range(len(CLASSIFIER_LABELS))])
    return raw / raw.mean()


def to_device(tensors: dict[str, torch.Tensor], device: str) -> dict[str, torch.Tensor]:
    return {name: tensor.to(device) for name, tensor in tensors.items()}


def predict(
    model: PreTrainedModel, data: Encoded, pad_id: int, device: str = "cpu", batch_size: int = 64
) -> list[int]:
    """Argmax label ids of the in-training model (fp32, no quantisation)."""
    ids, types, _ = data
    out = [0] * len(ids)
    model.eval()
    with torch.inference_mode():
        for batch in length_buckets([len(x) for x in ids], batch_size):
            inputs = collate([ids[i] for i in batch], [types[i] for i in batch], pad_id)
            logits = model(**to_device(inputs, device)).logits
            for index, label in zip(batch, logits.argmax(-1).tolist(), strict=True):
                out[index] = int(label)
    model.train()
    return out


def starting_model(config: TrainConfig) -> tuple[Any, Any, dict[str, Any], Any]:
    """(model, tokenizer, origin record, teacher or None) a run starts from, checksums verified.

    Without a teacher: the MiniLM base with a fresh 4-label head, its first
    num_layers layers (or, with init_from, a trained model's weights as they are). With one: a copy of the teacher, its layers thinned
    to num_layers spread over its depth (student_layers); the teacher itself
    is returned whole, for its soft labels.
    """
    if config.teacher is not None:
        _, teacher_sha = verify_weights(config.teacher)
        teacher_info = read_model_info(config.teacher)
        tokenizer = prepare_tokenizer(AutoTokenizer.from_pretrained(config.teacher, local_files_only=True))
        teacher = load_torch_model(config.teacher)
        depth = len(teacher.bert.encoder.layer)
        model = copy.deepcopy(teacher).train()
        kept = student_layers(depth, config.num_layers or depth)
        select_layers(model, kept)
        origin = {
            "base": teacher_info.get("base", BASE_MODEL_NAME),
            "base_sha256": teacher_info.get("base_sha256"),
            "teacher": {
                "name": teacher_info.get("name"),
                "version": teacher_info.get("version"),
                "sha256": teacher_sha,
                "layers_kept": kept,
            },
        }
        return model, tokenizer, origin, teacher
    if config.init_from is not None:
        _, start_sha = verify_weights(config.init_from)
        start_info = read_model_info(config.init_from)
        tokenizer = prepare_tokenizer(AutoTokenizer.from_pretrained(config.init_from, local_files_only=True))
        model = load_torch_model(config.init_from).train()
        origin = {
            "base": start_info.get("base", BASE_MODEL_NAME),
            "base_sha256": start_info.get("base_sha256"),
            "initialised_from": {
                "name": start_info.get("name"),
                "version": start_info.get("version"),
                "sha256": start_sha,
            },
        }
        return model, tokenizer, origin, None
    base, base_sha = checked_base_folder(config.base_model, config.base_sha256)
    tokenizer = prepare_tokenizer(AutoTokenizer.from_pretrained(base, local_files_only=True))
    id2label = dict(enumerate(CLASSIFIER_LABELS))
    model = AutoModelForSequenceClassification.from_pretrained(
        base,
        local_files_only=True,
        dtype=torch.float32,
        num_labels=len(CLASSIFIER_LABELS),
        id2label=id2label,
        label2id={label: i for i, label in id2label.items()},
    )
    if config.num_layers is not None:
        select_layers(model, range(config.num_layers))
    return model, tokenizer, {"base": BASE_MODEL_NAME, "base_sha256": base_sha}, None


def load_splits(config: TrainConfig) -> dict[str, list[Example]]:
    """train (+ auxiliary examples), dev and test; dev/test may be empty when their file is absent."""
    splits: dict[str, list[Example]] = {}
    for split in ("train", "dev", "test"):
        path = config.data_dir / f"{split}.jsonl"
        if split == "train" and not path.is_file():
            raise FileNotFoundError(f"training data {path} not found")
        splits[split] = corpus_examples(path, config.limit, config.context_chars) if path.is_file() else []
    if config.aux_sources and config.aux_dir is not None:
        aux = auxiliary_examples(config.aux_dir, config.aux_sources, config.aux_limit, config.seed)
        log.info("auxiliary examples: %s", dict(Counter(e.source for e in aux)))
        splits["train"] = splits["train"] + aux
    return splits


def train(config: TrainConfig) -> dict[str, Any]:
    """Fine-tune, keep the best dev checkpoint, save it to config.output_dir, return its metrics."""
    started = time.monotonic()
    set_seed(config.seed)
    if config.threads:
        torch.set_num_threads(config.threads)
    model, tokenizer, origin, teacher = starting_model(config)
    pad_id = int(tokenizer.pad_token_id or 0)
    model.to(config.device)
    splits = load_splits(config)
    train_data = encode(tokenizer, splits["train"], config.max_length)
    dev_data = encode(tokenizer, splits["dev"], config.max_length)
    lengths = [len(x) for x in train_data[0]]
    soft_labels = None
    if teacher is not None:
        soft_labels = teacher_probabilities(
            teacher, train_data[0], train_data[1], pad_id, config.distill_temperature, config.device
        )
        del teacher  # only its probabilities are needed from here on

    batches_per_epoch = math.ceil(len(lengths) / config.batch_size)
    total_steps = batches_per_epoch * config.epochs
    if config.max_steps is not None:
        total_steps = min(total_steps, config.max_steps)
    if config.freeze_embeddings:
        model.get_input_embeddings().weight.requires_grad_(False)
    optimizer = torch.optim.AdamW(
        [p for p in model.parameters() if p.requires_grad],
        lr=config.learning_rate,
        weight_decay=config.weight_decay,
    )
    scheduler = get_linear_schedule_with_warmup(
        optimizer, int(total_steps * config.warmup_ratio), max(total_steps, 1)
    )
    loss_fn = torch.nn.CrossEntropyLoss(
        weight=class_weights(train_data[2], config.balance_classes).to(config.device),
        label_smoothing=config.label_smoothing,
    )
    eval_every = max(1, batches_per_epoch // max(1, config.evals_per_epoch))
    rng = random.Random(config.seed)
    partner = framing_partners(splits["train"]) if config.framing_consistency > 0 else []
    if partner:
        log.info("framing pairs in train: %d", sum(p >= 0 for p in partner) // 2)
    log.info(
        "training on %d examples (%s), dev %d, %d steps",
        len(lengths),
        dict(Counter(CLASSIFIER_LABELS[i] for i in train_data[2])),
        len(dev_data[0]),
        total_steps,
    )

    best_score, best_state, best_step, stale, step = -1.0, None, 0, 0, 0
    history: list[dict[str, float]] = []
    stop = False
    model.train()
    for epoch in range(config.epochs):
        batches = (
            paired_batches(lengths, partner, config.batch_size, rng)
            if partner
            else epoch_batches(lengths, config.batch_size, rng)
        )
        for batch in batches:
            inputs = collate([train_data[0][i] for i in batch], [train_data[1][i] for i in batch], pad_id)
            labels = torch.tensor([train_data[2][i] for i in batch], device=config.device)
            logits = model(**to_device(inputs, config.device)).logits
            loss = loss_fn(logits, labels)
            if partner:
                loss = loss + config.framing_consistency * framing_consistency_loss(logits, batch, partner)
            if soft_labels is not None:
                soft = soft_labels[batch].to(config.device)
                loss = (1 - config.distill_weight) * loss + config.distill_weight * distillation_loss(
                    logits, soft, config.distill_temperature
                )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            if step % 50 == 0:
                log.info("step %d/%d loss %.3f", step, total_steps, loss.item())
            out_of_time = (time.monotonic() - started) / 60 > config.max_minutes
            last = step >= total_steps or out_of_time
            if dev_data[0] and (step % eval_every == 0 or last):
                dev = stance_metrics(dev_data[2], predict(model, dev_data, pad_id, config.device))
                score = float(dev["macro_f1"]) + float(dev["macro_f1_all"])  # type: ignore[arg-type]
                history.append(
                    {
                        "step": step,
                        "epoch": epoch,
                        "loss": loss.item(),
                        **{k: float(v) for k, v in dev.items() if k in ("macro_f1", "macro_f1_all")},
                    }
                )
                log.info("step %d epoch %d loss %.3f dev %s", step, epoch, loss.item(), history[-1])
                if score > best_score:
                    best_score, best_state, best_step, stale = (
                        score,
                        copy.deepcopy(model.state_dict()),
                        step,
                        0,
                    )
                else:
                    stale += 1
                    stop = stale >= config.patience
            if last or stop:
                stop = True
                break
        if stop:
            break
    if best_state is not None:
        model.load_state_dict(best_state)
    model.to("cpu").eval()
    train_minutes = (time.monotonic() - started) / 60

    info: dict[str, Any] = {
        "name": config.model_name,
        "version": config.model_version,
        **origin,
        "labels": list(CLASSIFIER_LABELS),
        "max_length": config.max_length,
        "context_chars": config.context_chars,
        "input_format": "service.nlp.inputs.build_pair(actor, issue, sentence, mention, context, description)",
        "training": {
            **config.as_record(),
            "examples": {k: len(v) for k, v in splits.items()},
            "framing_pairs": sum(p >= 0 for p in partner) // 2,
            "steps": step,
            "best_step": best_step,
            "minutes": round(train_minutes, 1),
            "history": history,
        },
    }
    record = save_model(model, tokenizer, config.output_dir, info)
    record["metrics"] = evaluate_saved(config)
    save_info(config.output_dir, record)
    return record["metrics"]


def evaluate_saved(config: TrainConfig) -> dict[str, Any]:
    """Metrics of the saved folder as the service loads it (int8), on dev, test and the seed gold."""
    classifier = load_classifier(ClassifierConfig(path=str(config.output_dir), quantize=True))
    metrics: dict[str, Any] = {}
    for split in ("dev", "test"):
        path = config.data_dir / f"{split}.jsonl"
        if path.is_file() and config.limit is None:
            metrics[split] = evaluate_classifier(classifier, path)
    for name, path in config.secondary_tests.items():
        if path.is_file() and config.limit is None:
            metrics[name] = evaluate_classifier(classifier, path)
    if config.seed_dir is not None and (config.seed_dir / "stances.jsonl").is_file():
        metrics["seed"] = evaluate_seed(classifier, config.seed_dir)
    return metrics


def save_info(output_dir: Path, record: dict[str, Any]) -> None:
    """Rewrite model_info.json (the weights, and so their sha256, are unchanged)."""
    (output_dir / MODEL_INFO_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
