"""Run a stance model exported to int8 ONNX with ONNX Runtime (the fast CPU path), and export one.

ONNX Runtime is optional: `available()` says whether it is installed; the
loader falls back to torch's int8 dynamic quantisation without it. Export
(training time only) also needs the `onnx` package.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

ONNX_FILE = "model.int8.onnx"
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")


def available() -> bool:
    """True when onnxruntime can be imported (enough to run an export)."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def exportable() -> bool:
    """True when both onnxruntime and onnx (needed to quantise) can be imported."""
    try:
        import onnx  # noqa: F401
    except ImportError:
        return False
    return available()


@dataclass(frozen=True)
class Output:
    """Mimics the `.logits` attribute of a transformers model output."""

    logits: torch.Tensor


def parallel_layout(threads: int | None) -> tuple[int, int]:
    """(streams, threads per stream) for `threads` cores (None: all of them).

    Small batches run on several single-threaded streams at once beat one
    multi-threaded run per batch (no per-operator thread barriers): on 2
    cores, batches of 8 on 2 streams gave 205 pairs/s against 178 for
    batches of 32 on one 2-thread run (bench/classifier_speed.py). Up to 4
    streams; more cores go to each stream's own threads.
    """
    cores = threads or os.cpu_count() or 1
    streams = max(1, min(4, cores))
    return streams, max(1, cores // streams)


# Dynamic int8 quantisation scales the activations of a whole call by one
# range, so an item's result depends on what else is in its batch: 6.5 % of
# the labels of 703 eval pairs changed with the batch composition. Items
# scored one per call get the same answer whatever else is queued (and the
# same as when the article is re-analysed), and on 2 cores one per call is
# as fast as batches of 8 (113 against 110 pairs/s).
BATCH_INDEPENDENT_SIZE = 1


class OnnxModel:
    """Callable like a transformers sequence-classification model, backed by an ORT session.

    One session serves every stream: InferenceSession.run is thread-safe, and
    the scorer calls it from `streams` threads at once. Its int8 graph scores
    one pair per call (see BATCH_INDEPENDENT_SIZE).
    """

    max_batch = BATCH_INDEPENDENT_SIZE

    def __init__(self, path: Path, threads: int | None = None) -> None:
        import onnxruntime as ort

        self.streams, per_stream = parallel_layout(threads)
        options = ort.SessionOptions()
        options.intra_op_num_threads = per_stream
        # One graph at a time per worker: inter-op parallelism only adds thread contention.
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    def __call__(self, **tensors: torch.Tensor) -> Output:
        feed = {name: tensor.numpy() for name, tensor in tensors.items() if name in self.inputs}
        (logits,) = self.session.run(["logits"], feed)
        return Output(torch.from_numpy(logits))


class _Traced(torch.nn.Module):
    """Positional-argument wrapper so the exported graph has exactly INPUT_NAMES -> one output."""

    def __init__(self, model: torch.nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> torch.Tensor:
        out: Any = self.model(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        )
        return self.output(out, attention_mask)

    def output(self, out: Any, attention_mask: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError


class _LogitsOnly(_Traced):
    """The classifier's logits."""

    def output(self, out: Any, attention_mask: torch.Tensor) -> torch.Tensor:
        return out.logits  # type: ignore[no-any-return]


class _PooledEmbeddings(_Traced):
    """Mean-pooled, L2-normalised sentence embeddings (the sentence-transformers
    recipe of all-MiniLM-L6-v2), pooling inside the graph."""

    def output(self, out: Any, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = out.last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, p=2, dim=1)


def export_int8(model_dir: Path) -> Path:
    """Write model_dir/model.int8.onnx from the saved stance model in model_dir
    (see `_export_quantised` for the recipe)."""
    from service.nlp.torch_model import load_torch_model

    model = load_torch_model(model_dir, attn_implementation="eager")
    target = model_dir / ONNX_FILE
    _export_quantised(_LogitsOnly(model), model.config, target, "logits")
    return target


def export_encoder_int8(encoder_dir: Path, target: Path) -> Path:
    """Write `target`: the sentence encoder in `encoder_dir` (a transformers
    BERT folder, all-MiniLM-L6-v2 by default) with its pooling, as int8 ONNX."""
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(encoder_dir), local_files_only=True, attn_implementation="eager")
    _export_quantised(_PooledEmbeddings(model.eval()), model.config, target, "embeddings")
    return target


def _export_quantised(module: torch.nn.Module, config: Any, target: Path, output: str) -> None:
    """Trace `module` (INPUT_NAMES -> `output`) to int8 ONNX at `target`.

    Three steps, each measured to matter on CPU:
    1. trace with the TorchScript exporter (dynamo=False; the dynamo one needs
       onnxscript) from the *eager* attention implementation, whose graph
       ONNX Runtime's BERT optimizer recognises (SDPA's is not fused);
    2. fuse embedding + layer norm and bias + GELU with
       onnxruntime.transformers.optimizer, but leave attention and the
       residual add + layer norm unfused: with int8 weights on one thread per
       stream, ORT's QAttention and SkipLayerNormalization kernels took 33 % and
       20 % of the time, and without them a batch runs 1.27x faster
       (73 -> 58 ms for 8 x 90 tokens, 5-layer model);
    3. quantise the MatMul weights to int8, per output channel (dynamic activations).
    Dynamic axes keep batch size and sequence length free.
    """
    from onnx import TensorProto
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.fusion_options import FusionOptions
    from onnxruntime.transformers.optimizer import optimize_model

    example = torch.ones((2, 8), dtype=torch.long)
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUT_NAMES}
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        traced, fused = Path(tmp) / "model.onnx", Path(tmp) / "model.fused.onnx"
        torch.onnx.export(
            module,
            (example, example, torch.zeros_like(example)),
            str(traced),
            input_names=list(INPUT_NAMES),
            output_names=[output],
            dynamic_axes={**axes, output: {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )
        fusions = FusionOptions("bert")
        fusions.enable_attention = False
        fusions.enable_skip_layer_norm = False
        optimized = optimize_model(
            str(traced),
            model_type="bert",
            num_heads=int(config.num_attention_heads),
            hidden_size=int(config.hidden_size),
            optimization_options=fusions,
        )
        optimized.save_model_to_file(str(fused))
        quantize_dynamic(
            str(fused),
            str(target),
            weight_type=QuantType.QInt8,
            # One scale per output channel: +0.9 pt accuracy on the test split at the same size and speed.
            per_channel=True,
            # Fused ops are in the com.microsoft domain, where shape inference
            # cannot type their outputs; they are all float.
            extra_options={"DefaultTensorType": TensorProto.FLOAT},
        )
