"""Distil the shipped stance model into thinner students under several settings; report each.

Usage (a GPU makes each run take about a minute; on 2 CPU cores one takes ~15 min):
    HF_HUB_OFFLINE=1 python scripts/training/distill_sweep.py --teacher models/stance-minilm \
        --seed-dir ../shared/eval/seed --out /tmp/sweep --device cuda [--minutes 6]

Each variant is trained by service.training.train exactly as `stance-tracker
train --teacher ... --layers N` would, then saved and scored as the service
loads it (int8). Variants run in the order listed until --minutes have
passed. The ranking uses only development material (the dev split and the
seed gold); the test split is reported, never used to choose.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from transformers import AutoTokenizer

from service.nlp.weights import read_model_info
from service.training import TrainConfig, train
from service.training.export import save_model
from service.training.loop import evaluate_saved, save_info
from service.training.soup import average_weights

VARIANTS: list[dict[str, Any]] = [
    {"num_layers": 5},
    {"num_layers": 4},
    {"num_layers": 5, "distill_weight": 0.8},
    {"num_layers": 4, "distill_weight": 0.8},
    {"num_layers": 5, "epochs": 6},
    {"num_layers": 4, "epochs": 6},
    {"num_layers": 5, "learning_rate": 3e-5},
    {"num_layers": 3},
]


def score(metrics: dict[str, Any]) -> float:
    """Development score: dev macro-F1 plus half the seed's (16 triples, so noisy); never the test split."""
    dev = float(metrics.get("dev", {}).get("macro_f1", 0.0))
    seed = float(metrics.get("seed", {}).get("all", {}).get("macro_f1", 0.0))
    return dev + 0.5 * seed


def result_row(
    index: int | str, settings: dict[str, Any], folder: Path, seconds: float, metrics: dict[str, Any]
) -> dict[str, Any]:
    """One line of the sweep's report."""
    return {
        "variant": index,
        "settings": settings,
        "folder": str(folder),
        "seconds": round(seconds),
        "dev_score": round(score(metrics), 4),
        **{
            split: {k: scores.get(k) for k in ("macro_f1", "macro_f1_all", "n")}
            for split, scores in (
                ("dev", metrics.get("dev", {})),
                ("test", metrics.get("test", {})),
                ("seed", metrics.get("seed", {}).get("all", {})),
            )
        },
    }


def soup(folders: list[Path], config: TrainConfig) -> dict[str, Any]:
    """Average the weights of students that share an initialisation (a uniform model soup), save, score."""
    model = average_weights(folders)
    info = read_model_info(folders[0])
    info.pop("metrics", None)
    info["training"] = {
        **info.get("training", {}),
        "soup_of": [read_model_info(f)["training"] for f in folders],
    }
    tokenizer = AutoTokenizer.from_pretrained(folders[0], local_files_only=True)
    record = save_model(model, tokenizer, config.output_dir, info)
    record["metrics"] = evaluate_saved(config)
    save_info(config.output_dir, record)
    return dict(record["metrics"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teacher", type=Path, default=Path("models/stance-minilm"))
    parser.add_argument("--data", type=Path, default=Path("data/stance"))
    parser.add_argument("--seed-dir", type=Path, default=None)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--minutes", type=float, default=6.0, help="start no new variant after this")
    parser.add_argument("--max-steps", type=int, default=None, help="smoke check of the script")
    parser.add_argument("--only", type=int, nargs="*", default=None, help="indices of VARIANTS to run")
    parser.add_argument("--soup", action="store_true", help="also score the average of all variants' weights")
    parser.add_argument("--variants", type=json.loads, default=None, help="a JSON list replacing VARIANTS")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    started = time.monotonic()
    results: list[dict[str, Any]] = []
    variants = args.variants or VARIANTS
    chosen = [variants[i] for i in args.only] if args.only is not None else variants
    for index, variant in enumerate(chosen):
        if (time.monotonic() - started) / 60 > args.minutes:
            break
        folder = args.out / f"variant{index}"
        config = TrainConfig(
            data_dir=args.data,
            output_dir=folder,
            teacher=args.teacher,
            seed_dir=args.seed_dir,
            device=args.device,
            max_steps=args.max_steps,
            model_name=f"stance-minilm-l{variant['num_layers']}",
            model_version="2.1.0",
            **variant,
        )
        begun = time.monotonic()
        try:
            metrics = train(config)
        except Exception:  # noqa: BLE001  (one failing variant must not lose the others)
            traceback.print_exc()
            continue
        row = result_row(index, variant, folder, time.monotonic() - begun, metrics)
        results.append(row)
        print(json.dumps(row), flush=True)
    if args.soup and len(results) > 1:
        begun = time.monotonic()
        folder = args.out / "soup"
        config = TrainConfig(data_dir=args.data, output_dir=folder, seed_dir=args.seed_dir)
        metrics = soup([Path(r["folder"]) for r in results], config)
        row = result_row(
            "soup", {"soup_of": [r["variant"] for r in results]}, folder, time.monotonic() - begun, metrics
        )
        results.append(row)
        print(json.dumps(row), flush=True)
    results.sort(key=lambda r: -float(r["dev_score"]))
    (args.out / "sweep.json").write_text(json.dumps(results, indent=2) + "\n")
    if results:
        print("best by dev + seed:", json.dumps(results[0]))


if __name__ == "__main__":
    main()
