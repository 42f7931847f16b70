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
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from service.nlp.torch_model import load_torch_model
from service.nlp.weights import read_model_info, verify_weights
from service.training.export import write_onnx_copy
from service.training.loop import save_info


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    folder = parser.parse_args().folder
    verify_weights(folder)
    info = {**read_model_info(folder), **write_onnx_copy(load_torch_model(folder), folder)}
    save_info(folder, info)
    print(f"{folder / info['onnx_file']}: sha256 {info['onnx_sha256']}")


if __name__ == "__main__":
    main()
