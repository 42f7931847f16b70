"""The stance classifier alone on every labelled set: the numbers of the model card.

For a model folder (scored as the service runs it: int8 ONNX Runtime when
present), prints and optionally writes as JSON:

- the real-text corpus splits (`data/corpus/{dev,test}.jsonl`; build them with
  `scripts/corpus/build_real.py`): all four labels, and `gold_triples`
  (examples whose gold is a stance, answered with the best of
  support/oppose/neutral), overall and by kind (first-round candidates,
  inverse framings, related issues);
- the old templated test split (`data/stance/test.jsonl`), a secondary figure;
- the gold (actor, issue, evidence) triples of the development sets (the
  seed, `eval/dev`, `eval/wikinews`) classified directly.

    python bench/classifier_quality.py --model models/stance-minilm [--json-out FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.nlp.classifier import load_classifier
from service.nlp.protocol import ClassifierConfig
from service.training.evaluate import evaluate_classifier
from service.training.seed_eval import evaluate_seed

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "seed": ROOT.parent / "shared" / "eval" / "seed",
    "eval/dev": ROOT / "eval" / "dev",
    "eval/wikinews": ROOT / "eval" / "wikinews",
}


def by_kind(classifier: Any, path: Path) -> dict[str, Any]:
    """Metrics of the examples of each kind (the part of `phenomenon` before '_')."""
    groups: dict[str, list[str]] = {}
    for line in path.open(encoding="utf-8"):
        kind = str(json.loads(line).get("phenomenon") or "").split("_")[0]
        groups.setdefault(kind if kind in ("candidate", "inverse", "related") else "other", []).append(line)
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind, lines in sorted(groups.items()):
            part = Path(tmp) / f"{kind}.jsonl"
            part.write_text("".join(lines), encoding="utf-8")
            out[kind] = evaluate_classifier(classifier, part)
    return out


def line(name: str, m: dict[str, Any]) -> str:
    f1 = m.get("f1", {})
    per = " / ".join(f"{f1.get(k, 0):.2f}" for k in ("support", "oppose", "neutral", "none"))
    return (
        f"{name:<34} n={m['n']:>5}  stance macro-F1 {m['macro_f1']:.3f}  4-label macro-F1 "
        f"{m['macro_f1_all']:.3f}  acc {m['accuracy']:.3f}  F1 s/o/n/none {per}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", default=str(ROOT / "models" / "stance-minilm"))
    parser.add_argument("--corpus", default=str(ROOT / "data" / "corpus"))
    parser.add_argument("--json-out")
    args = parser.parse_args()
    classifier = load_classifier(ClassifierConfig(path=args.model, quantize=True))
    report: dict[str, Any] = {"model": f"{classifier.name} {classifier.version}"}
    print(report["model"])
    for split in ("dev", "test"):
        path = Path(args.corpus) / f"{split}.jsonl"
        if not path.is_file():
            print(f"{path} missing (build it with scripts/corpus/build_real.py)")
            continue
        metrics = evaluate_classifier(classifier, path)
        report[f"real_{split}"] = {**metrics, "by_kind": by_kind(classifier, path)}
        print(line(f"real {split} (4 labels)", metrics))
        print(line(f"real {split} gold triples", metrics["gold_triples"]))
        for kind, part in report[f"real_{split}"]["by_kind"].items():
            print(line(f"  {kind} (4 labels)", part))
            print(line(f"  {kind} gold triples", part["gold_triples"]))
    templated = ROOT / "data" / "stance" / "test.jsonl"
    report["templated_test"] = evaluate_classifier(classifier, templated)
    print(line("templated test (old split)", report["templated_test"]))
    for name, folder in SETS.items():
        if folder.is_dir():
            result = evaluate_seed(classifier, folder)
            report[f"gold_triples {name}"] = {k: result[k] for k in ("all", "clear")}
            print(line(f"gold triples {name}", result["all"]))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
