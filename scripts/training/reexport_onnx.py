"""Re-export a model folder's int8 ONNX copy from its own stored weights, after the export recipe changed.

Usage:
    HF_HUB_OFFLINE=1 python scripts/training/reexport_onnx.py models/stance-minilm

The weights file (and so its sha256) is unchanged; model.int8.onnx and the
onnx_sha256 in model_info.json are replaced. The stored weights are int8
(row-wise scales), so the exported MatMul weights are re-quantised per
output channel from already-rounded values: the same scales up to float
rounding, which is why the two paths score alike.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from service.nlp import onnx_runtime
from service.nlp.classifier import load_torch_model
from service.nlp.weights import MODEL_INFO_FILE, read_model_info, sha256_file, verify_weights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    folder = parser.parse_args().folder
    verify_weights(folder)
    with tempfile.TemporaryDirectory() as tmp:
        load_torch_model(folder).save_pretrained(tmp, safe_serialization=True)
        exported = onnx_runtime.export_int8(Path(tmp))
        target = Path(shutil.move(exported, folder / onnx_runtime.ONNX_FILE))
    info = read_model_info(folder)
    info["onnx_file"] = onnx_runtime.ONNX_FILE
    info["onnx_sha256"] = sha256_file(target)
    (folder / MODEL_INFO_FILE).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(f"{target}: sha256 {info['onnx_sha256']}")


if __name__ == "__main__":
    main()
