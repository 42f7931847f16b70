"""Save a fine-tuned model as int8 (or fp16) safetensors + tokenizer + model_info.json (with the weights' sha256)."""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from transformers import PreTrainedModel, PreTrainedTokenizerBase

from service.nlp import onnx_runtime
from service.nlp.int8_weights import save_int8
from service.nlp.weights import MODEL_INFO_FILE, find_weights, sha256_file


def write_onnx_copy(model: PreTrainedModel, output_dir: Path) -> dict[str, str]:
    """Export `model` to output_dir/model.int8.onnx; returns the model_info entries naming it."""
    with tempfile.TemporaryDirectory() as tmp:
        model.save_pretrained(tmp, safe_serialization=True)
        onnx_path = shutil.move(onnx_runtime.export_int8(Path(tmp)), output_dir / onnx_runtime.ONNX_FILE)
    return {"onnx_file": onnx_runtime.ONNX_FILE, "onnx_sha256": sha256_file(Path(onnx_path))}


def save_model(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    output_dir: Path,
    info: dict[str, Any],
    export_onnx: bool = True,
    weights_format: str = "int8",
) -> dict[str, Any]:
    """Write the folder load_classifier reads; returns the model_info written.

    "int8" (row-wise int8 safetensors, 23 MB for MiniLM-L6) keeps the int8
    ONNX copy and the torch weights together under 50 MB; "fp16" (45 MB) is
    the lossless-enough alternative. The loader widens either to fp32 for
    CPU inference. With export_onnx (and onnxruntime + onnx installed) an
    int8 ONNX copy is added for the fast path.
    """
    if weights_format not in ("int8", "fp16"):
        raise ValueError(f"weights_format must be int8 or fp16, not {weights_format!r}")
    output_dir.mkdir(parents=True, exist_ok=True)
    for stale in ("model.safetensors", "model.int8.safetensors", "pytorch_model.bin", onnx_runtime.ONNX_FILE):
        (output_dir / stale).unlink(missing_ok=True)
    record = dict(info)
    if export_onnx and onnx_runtime.exportable():
        # From the full-precision weights, so int8 rounding happens once in each file.
        record.update(write_onnx_copy(model, output_dir))
    if weights_format == "fp16":
        copy.deepcopy(model).half().save_pretrained(output_dir, safe_serialization=True)
    else:
        model.config.save_pretrained(output_dir)
        save_int8(model, output_dir)
    tokenizer.save_pretrained(output_dir)
    weights = find_weights(output_dir)
    record = {**record, "weights_file": weights.name, "sha256": sha256_file(weights)}
    (output_dir / MODEL_INFO_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record
