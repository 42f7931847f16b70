"""Tune the evidence threshold (min_position) on the development sets, and optionally store it.

Evidence is kept when 1 - p(none) >= min_position (see
`service/pipeline/aggregate.py`). Every article of the given sets is
prepared and classified once (each article against the whole set's issue
catalogue, as `stance-tracker eval` does), then re-aggregated for each
threshold and scored against the gold. Prints pair precision/recall and
triple F1 per set and threshold, and the threshold with the best mean
triple F1 over the sets; `--write` stores it in the model's model_info.json
(only the info file changes, not the weights or their sha256).

    python bench/tune_min_position.py --model models/stance-minilm \\
        ../shared/eval/seed eval/dev eval/wikinews [--write]

Development sets only: never run it on held-out data.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.evaluation import load_eval_set, score
from service.evaluation.direct import predictions
from service.nlp.protocol import ClassifierConfig
from service.nlp.weights import MODEL_INFO_FILE
from service.pipeline.actors import build_actor_index
from service.pipeline.analyse import Analyser, AnalyserConfig
from service.pipeline.language import UnsupportedLanguage
from service.pipeline.types import AnalysisResult
from service.store.catalogue import load_default_catalogue

GRID = (None, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--model", default="models/stance-minilm")
    parser.add_argument("--write", action="store_true", help="store the best threshold in model_info.json")
    parser.add_argument(
        "--distractors",
        action="append",
        default=[],
        help="a set whose issues join every catalogue (repeatable)",
    )
    args = parser.parse_args()
    index = build_actor_index(load_default_catalogue())
    analyser = Analyser(AnalyserConfig(classifier=ClassifierConfig(path=args.model)))
    cached = []
    for folder in args.sets:
        articles = load_eval_set(folder)
        # One catalogue for the set, keys made unique per article (as the service's slugs are).
        catalogue = {}
        extra = [a for path in args.distractors for a in load_eval_set(path)]
        for a in [*articles, *extra]:
            for issue in a.issues:
                catalogue.setdefault(issue.name, replace(issue, key=f"{a.slug}:{issue.key}"))
        key_name = {issue.key: name for name, issue in catalogue.items()}
        runs = []
        for article in articles:
            try:
                prepared = analyser.prepare(article.text, article.published, index, list(catalogue.values()))
            except UnsupportedLanguage:
                prepared = None
            scores = analyser.classifier.classify(prepared.inputs) if prepared and prepared.inputs else []
            runs.append((article, prepared, scores))
        cached.append((folder, articles, runs, key_name))

    results: dict[float | None, list[float]] = {}
    for threshold in GRID:
        line = [f"min_position {threshold!s:>5}:"]
        for folder, articles, runs, key_name in cached:
            predicted = {}
            for article, prepared, scores in runs:
                if prepared is None:
                    predicted[article.slug] = []
                    continue
                stances = analyser.decide(prepared, scores, index, article.published, threshold)
                found = AnalysisResult("en", tuple(stances), prepared.findings.new_actors)
                own = {issue.name for issue in article.issues}
                predicted[article.slug] = [
                    replace(p, issue=key_name[p.issue])
                    for p in predictions(found, index)
                    if key_name[p.issue] in own
                ]
            report = score(articles, predicted)
            results.setdefault(threshold, []).append(report.overall.triples.f1)
            o = report.overall
            line.append(
                f"{Path(folder).name}: pairP {o.pairs.precision:.2f} pairR {o.pairs.recall:.2f} "
                f"tripF {o.triples.f1:.2f}"
            )
        print("  ".join(line))
    best = max(results, key=lambda t: (sum(results[t]) / len(results[t]), t is None))
    print(f"best mean triple F1: min_position {best} ({sum(results[best]) / len(results[best]):.3f})")
    if args.write:
        info_path = Path(args.model) / MODEL_INFO_FILE
        info = json.loads(info_path.read_text(encoding="utf-8"))
        info["min_position"] = best
        info["min_position_tuned_on"] = [str(Path(f)) for f in args.sets]
        info_path.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
        print(f"wrote min_position={best} to {info_path}")


if __name__ == "__main__":
    main()
