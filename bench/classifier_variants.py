"""The classifier on the development sets' gold (actor, issue, evidence) triples, with
its input varied: as the service builds it, without the issue's framing, without the
holder's mention marked, and the probabilities of those variants averaged. Tells
whether the model reads the framing and the mark, and whether test-time averaging
would help (it did not: README, Session 12).

    python bench/classifier_variants.py [--model FOLDER] [SET ...]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.evaluation.dataset import is_article_dir
from service.nlp.classifier import load_classifier
from service.nlp.protocol import ClassifierConfig
from service.training.seed_eval import SEED_LABELS, seed_cases, stance_metrics

ROOT = Path(__file__).resolve().parents[1]
SETS = [
    ROOT.parent / "shared" / "eval" / "seed",
    *(ROOT / "eval" / s for s in ("dev", "wikinews", "speeches")),
]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sets", nargs="*", default=[str(s) for s in SETS])
    parser.add_argument("--model", default=str(ROOT / "models" / "stance-minilm"))
    args = parser.parse_args()
    classifier = load_classifier(ClassifierConfig(path=args.model, quantize=True))
    cases = []
    for folder in map(Path, args.sets):
        articles = (
            [folder] if is_article_dir(folder) else sorted(p for p in folder.iterdir() if is_article_dir(p))
        )
        for article in articles:
            cases += seed_cases(article)
    gold = [SEED_LABELS.index(case.gold) for case in cases]
    variants = {
        "as the service asks": [case.item for case in cases],
        "without the framing": [replace(case.item, issue_description="") for case in cases],
        "without the mention mark": [replace(case.item, mention=None) for case in cases],
    }
    scores = {name: classifier.classify(items) for name, items in variants.items()}
    names = list(scores)
    scores["averaged (all three)"] = [
        {label: sum(scores[n][i][label] for n in names) / len(names) for label in scores[names[0]][i]}
        for i in range(len(cases))
    ]
    print(f"{classifier.name} {classifier.version}: {len(cases)} gold triples")
    for name, rows in scores.items():
        predicted = [SEED_LABELS.index(max(SEED_LABELS, key=lambda label: row[label])) for row in rows]
        metrics = stance_metrics(gold, predicted)
        print(f"{name:<28} stance macro-F1 {metrics['macro_f1']:.3f}  accuracy {metrics['accuracy']:.3f}")


if __name__ == "__main__":
    main()
