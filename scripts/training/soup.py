"""Average fine-tunings that share an initialisation into one model folder (a weighted soup).

Usage (how stance-minilm 3.1.0 was made; see models/MODEL_CARD.md):
    HF_HUB_OFFLINE=1 python scripts/training/soup.py --out /tmp/soup \\
        --member /tmp/m300:0.7 --member /tmp/run14:0.3     # /tmp/m300: the 3.0.0 folder (git history)

Each --member is FOLDER[:WEIGHT] (weight 1 when left out; weights are
normalised). The folder written is what load_classifier reads: int8
safetensors, its int8 ONNX copy and a model_info.json that names every member
(name, version, sha256, weight) and keeps the first member's settings
(labels, max_length, context_chars). The first member's min_position is
dropped: tune the soup's own with bench/tune_min_position.py --write.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from transformers import AutoTokenizer

from service.nlp.weights import read_model_info
from service.training.export import save_model
from service.training.soup import average_weights

DROPPED = ("metrics", "min_position", "min_position_tuned_on", "min_position_note", "soup")


def member(text: str) -> tuple[Path, float]:
    folder, _, weight = text.rpartition(":") if ":" in text else (text, "", "1")
    return Path(folder), float(weight)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--member", type=member, action="append", required=True, help="FOLDER[:WEIGHT]")
    parser.add_argument("--version", default=None, help="model_info version of the soup")
    args = parser.parse_args()
    folders = [folder for folder, _ in args.member]
    weights = [weight for _, weight in args.member]
    model = average_weights(folders, weights)
    infos = [read_model_info(folder) for folder in folders]
    info: dict[str, Any] = {k: v for k, v in infos[0].items() if k not in DROPPED}
    if args.version:
        info["version"] = args.version
    info["soup"] = {
        "members": [
            {
                "name": i.get("name"),
                "version": i.get("version"),
                "sha256": i.get("sha256"),
                "weight": w / sum(weights),
            }
            for i, w in zip(infos, weights, strict=True)
        ]
    }
    tokenizer = AutoTokenizer.from_pretrained(folders[0], local_files_only=True)
    record = save_model(model, tokenizer, args.out, info)
    print(f"{args.out}: sha256 {record['sha256']}, onnx {record.get('onnx_sha256')}")


if __name__ == "__main__":
    main()
