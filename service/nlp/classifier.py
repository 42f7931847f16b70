"""Load a stance classifier backend ("sequence" or "zero-shot") from a ClassifierConfig."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import torch
from transformers import AutoConfig, AutoTokenizer

from service.nlp import onnx_runtime
from service.nlp.encoding import DEFAULT_MAX_LENGTH, prepare_tokenizer
from service.nlp.inputs import MAX_CONTEXT_CHARS, build_pair
from service.nlp.protocol import ClassifierConfig, ClassifierInput, StanceClassifier
from service.nlp.scorer import PairScorer
from service.nlp.torch_model import load_torch_model, quantize
from service.nlp.weights import ModelLoadError, read_model_info, verify_file, verify_weights
from service.nlp.zero_shot import hypotheses, nli_columns, premise, stance_probabilities
from service.pipeline.types import CLASSIFIER_LABELS

__all__ = ["ModelLoadError", "load_classifier", "sequence_label_columns"]

# Names a fine-tuned head may use for each of our labels (lower-cased).
LABEL_ALIASES: dict[str, tuple[str, ...]] = {
    "support": ("support", "favor", "favour", "pro"),
    "oppose": ("oppose", "against", "con"),
    "neutral": ("neutral",),
    "none": ("none", "unrelated", "no_stance"),
}


def sequence_label_columns(id2label: Mapping[int, str]) -> dict[str, int | None]:
    """Which model output column holds each of CLASSIFIER_LABELS.

    "none" may be absent (a 3-label model): it then always gets probability 0.
    Every model label must map to one of ours, or probabilities would not sum to 1.
    """
    columns: dict[str, int | None] = {label: None for label in CLASSIFIER_LABELS}
    for index, raw in id2label.items():
        name = str(raw).strip().lower()
        label = next((ours for ours, names in LABEL_ALIASES.items() if name in names), None)
        if label is None:
            raise ModelLoadError(
                f"model label {raw!r} is not one of {CLASSIFIER_LABELS}; "
                "is this a stance model? (use backend 'zero-shot' for NLI models)"
            )
        columns[label] = int(index)
    missing = [label for label in ("support", "oppose", "neutral") if columns[label] is None]
    if missing:
        raise ModelLoadError(f"model has no output for {missing}; labels are {dict(id2label)}")
    return columns


class SequenceStanceClassifier:
    """A fine-tuned cross-encoder that scores build_pair(...) text directly."""

    def __init__(
        self,
        name: str,
        version: str,
        scorer: PairScorer,
        columns: Mapping[str, int | None],
        min_position: float | None = None,
        context_chars: int = MAX_CONTEXT_CHARS,
    ) -> None:
        self.name = name
        self.version = version
        self.scorer = scorer
        self.columns = dict(columns)
        # The evidence threshold tuned for this model (model_info.json), if any.
        self.min_position = min_position
        # How much preceding context the model reads (model_info.json "context_chars").
        self.context_chars = context_chars

    def classify(self, items: Sequence[ClassifierInput]) -> list[dict[str, float]]:
        pairs = [
            build_pair(
                item.actor,
                item.issue,
                item.sentence,
                item.mention,
                item.context,
                item.issue_description,
                self.context_chars,
            )
            for item in items
        ]
        return [self._to_labels(row) for row in self.scorer.score(pairs)]

    def _to_labels(self, row: tuple[float, ...]) -> dict[str, float]:
        return {label: (row[index] if index is not None else 0.0) for label, index in self.columns.items()}


class ZeroShotStanceClassifier:
    """An MNLI model asked whether "{actor} supports/opposes {issue}" follows from the evidence."""

    def __init__(
        self,
        name: str,
        version: str,
        scorer: PairScorer,
        columns: Mapping[str, int],
        template: str,
    ) -> None:
        if "{verb}" not in template:
            raise ValueError("hypothesis_template must contain {verb} (e.g. '{actor} {verb} {issue}.')")
        self.name = name
        self.version = version
        self.scorer = scorer
        self.columns = dict(columns)
        self.template = template

    def classify(self, items: Sequence[ClassifierInput]) -> list[dict[str, float]]:
        pairs: list[tuple[str, str]] = []
        for item in items:
            text = premise(item)
            support, oppose = hypotheses(item, self.template)
            pairs += [(text, support), (text, oppose)]
        rows = self.scorer.score(pairs)
        return [stance_probabilities(rows[2 * i], rows[2 * i + 1], self.columns) for i in range(len(items))]


def resolve_folder(path: str, local_files_only: bool) -> Path:
    """A local model folder for `path`: the folder itself, or a hub snapshot.

    With local_files_only the hub id is only looked up in the local HF cache,
    so HF_HUB_OFFLINE=1 deployments never reach the network.
    """
    if not path:
        raise ModelLoadError("no model path configured (set STANCE_MODEL_PATH)")
    folder = Path(path).expanduser()
    if folder.exists() or path.startswith((".", "/", "~")) or path.count("/") > 1:
        return folder
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError

    try:
        return Path(snapshot_download(path, local_files_only=local_files_only))
    except (HfHubHTTPError, LocalEntryNotFoundError, OSError, ValueError) as error:
        where = "in the local Hugging Face cache" if local_files_only else "on the hub"
        raise ModelLoadError(
            f"model folder {path} does not exist, and {path!r} is not a hub model {where} ({error})"
        ) from error


def identity(folder: Path, info: Mapping[str, Any], sha256: str) -> tuple[str, str]:
    """(name, version): from model_info.json, else the folder name and the weights' hash."""
    name = str(info.get("name") or folder.name)
    version = str(info.get("version") or f"sha256:{sha256[:12]}")
    return name, version


def load_classifier(config: ClassifierConfig) -> StanceClassifier:
    """Verify, load and (optionally) int8-quantise the configured model.

    Raises ModelLoadError when the weights are missing or their sha256 differs
    from config.expected_sha256 or from the one recorded in the folder.
    """
    folder = resolve_folder(config.path, config.local_files_only)
    _, sha256 = verify_weights(folder, config.expected_sha256)
    info = read_model_info(folder)
    if config.threads:
        # Process-wide: the classifier is the only heavy torch user in a worker.
        torch.set_num_threads(config.threads)
    tokenizer = prepare_tokenizer(AutoTokenizer.from_pretrained(folder, local_files_only=True))
    model_config = AutoConfig.from_pretrained(folder, local_files_only=True)
    id2label = {int(k): v for k, v in model_config.id2label.items()}
    # Check the labels before the (slower) quantisation step.
    if config.backend == "zero-shot":
        nli = nli_columns(id2label)
    elif config.backend == "sequence":
        stance = sequence_label_columns(id2label)
    else:
        raise ValueError(f"unknown classifier backend {config.backend!r}")
    model = load_model(folder, info, config)
    max_length = int(info.get("max_length") or DEFAULT_MAX_LENGTH)
    scorer = PairScorer(
        model, tokenizer, batch_size=config.batch_size, max_length=max_length, cache_size=config.cache_size
    )
    name, version = identity(folder, info, sha256)
    if config.backend == "zero-shot":
        return ZeroShotStanceClassifier(name, version, scorer, nli, config.hypothesis_template)
    tuned = info.get("min_position")
    return SequenceStanceClassifier(
        name,
        version,
        scorer,
        stance,
        float(tuned) if isinstance(tuned, int | float) else None,
        context_chars(info),
    )


def context_chars(info: Mapping[str, Any]) -> int:
    """The preceding context the model reads: model_info.json "context_chars" (0: the
    evidence sentence alone), else MAX_CONTEXT_CHARS, the format of models trained
    before the setting existed. Raises ModelLoadError for a value that is not a
    non-negative integer."""
    value = info.get("context_chars", MAX_CONTEXT_CHARS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ModelLoadError(f"model_info.json context_chars must be a non-negative integer, not {value!r}")
    return value


def load_model(folder: Path, info: Mapping[str, Any], config: ClassifierConfig) -> Callable[..., Any]:
    """The fastest verified way to run the folder's model on CPU.

    With config.quantize: the int8 ONNX export run by ONNX Runtime when the
    folder has one whose sha256 is recorded in model_info.json and onnxruntime
    is installed (measured 1.3x faster than torch int8 and 1.7x faster than
    fp32 on 2 cores, see bench/classifier_speed.py); else torch int8 dynamic
    quantisation.
    Without it: the fp32 torch model (the reference).
    """
    onnx_path = folder / onnx_runtime.ONNX_FILE
    onnx_sha = info.get("onnx_sha256")
    if config.quantize and onnx_path.is_file() and onnx_sha and onnx_runtime.available():
        verify_file(onnx_path, str(onnx_sha), "model_info.json (onnx_sha256)")
        return onnx_runtime.OnnxModel(onnx_path, config.threads)
    model = load_torch_model(folder)
    return quantize(model) if config.quantize else model
