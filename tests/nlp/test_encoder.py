"""The sentence encoder's two backends: torch fp32 and its int8 ONNX export,
used only when the export was made from the weights being loaded."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from transformers import AutoTokenizer, BertModel

from service.nlp.encoder import EncoderConfig, SentenceEncoder
from service.nlp.onnx_runtime import ONNX_FILE, export_encoder_int8
from service.nlp.weights import ModelLoadError, sha256_file
from tests.model_factory import minilm_path, tiny_bert_config

TEXTS = [
    "Russia opposes arming the Syrian rebels.",
    "Norway said it would back the plan to supply weapons.",
    "Talks resume next week.",
]


@pytest.fixture(scope="module")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny-encoder")
    tokenizer = AutoTokenizer.from_pretrained(str(minilm_path()), local_files_only=True)
    torch.manual_seed(0)
    BertModel(tiny_bert_config(tokenizer.vocab_size)).save_pretrained(str(folder), safe_serialization=True)
    tokenizer.save_pretrained(str(folder))
    return folder


@pytest.fixture(scope="module")
def export(tiny_encoder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny-encoder-onnx")
    onnx_path = export_encoder_int8(tiny_encoder, folder / ONNX_FILE)
    info = {
        "source_sha256": sha256_file(tiny_encoder / "model.safetensors"),
        "onnx_sha256": sha256_file(onnx_path),
    }
    (folder / "model_info.json").write_text(json.dumps(info))
    return folder


def _encoder(path: Path, onnx_dir: str) -> SentenceEncoder:
    return SentenceEncoder(EncoderConfig(path=str(path), expected_sha256=None, onnx_dir=onnx_dir))


def test_the_int8_export_embeds_like_torch(tiny_encoder: Path, export: Path) -> None:
    fast = _encoder(tiny_encoder, str(export))
    reference = _encoder(tiny_encoder, "")
    assert (fast.backend, reference.backend) == ("onnx-int8", "torch-fp32")

    ours, theirs = fast.encode(TEXTS), reference.encode(TEXTS)

    assert ours.shape == theirs.shape == (3, 32)
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-4)
    assert float((ours * theirs).sum(axis=1).min()) > 0.95
    assert fast.encode([]).shape == (0, 32)


def test_an_export_of_other_weights_is_not_used(tiny_encoder: Path, export: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / ONNX_FILE).write_bytes((export / ONNX_FILE).read_bytes())
    info = json.loads((export / "model_info.json").read_text())
    (other / "model_info.json").write_text(json.dumps({**info, "source_sha256": "0" * 64}))

    assert _encoder(tiny_encoder, str(other)).backend == "torch-fp32"
    assert _encoder(tiny_encoder, str(tmp_path / "absent")).backend == "torch-fp32"


def test_a_corrupted_export_is_refused(tiny_encoder: Path, export: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    data = bytearray((export / ONNX_FILE).read_bytes())
    data[-1] ^= 0xFF
    (broken / ONNX_FILE).write_bytes(bytes(data))
    (broken / "model_info.json").write_text((export / "model_info.json").read_text())

    with pytest.raises(ModelLoadError, match="checksum mismatch"):
        _encoder(tiny_encoder, str(broken))


def test_an_int8_embedding_does_not_depend_on_the_other_texts(tiny_encoder: Path, export: Path) -> None:
    fast = _encoder(tiny_encoder, str(export))
    alone = np.stack([fast.encode([text])[0] for text in TEXTS])
    among_others = fast.encode(["Loud filler " * 30, *TEXTS])[1:]
    np.testing.assert_array_equal(among_others, alone)
