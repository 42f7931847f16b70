"""Articles per minute for seed-sized articles, and the share of time per stage.

Runs the full Analyser (spaCy, MiniLM linking, the classifier) over the seed
article N times with the packaged actor catalogue. The classifier is the
configured model (STANCE_MODEL_PATH) or, when none is given, a tiny random
model of the right shape, which understates classification time.

    python bench/pipeline_throughput.py [--runs 5] [--model PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.evaluation.dataset import load_eval_set
from service.nlp.protocol import ClassifierConfig
from service.pipeline.actors import build_actor_index
from service.pipeline.analyse import Analyser, AnalyserConfig
from service.store.catalogue import load_default_catalogue

SEED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seed"
STAGES = ("language", "spacy", "segment", "actors", "issues", "candidates", "classify", "aggregate")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--model", default="", help="stance model folder (default: tiny random)")
    parser.add_argument("--set", default=str(SEED), help="evaluation folder with the article(s)")
    args = parser.parse_args()

    model = args.model
    if not model:
        from tests.model_factory import build_tiny_stance_model

        model = str(build_tiny_stance_model(Path(tempfile.mkdtemp()) / "tiny"))
    started = time.perf_counter()
    analyser = Analyser(AnalyserConfig(classifier=ClassifierConfig(path=model)))
    index = build_actor_index(load_default_catalogue())
    print(f"load: {time.perf_counter() - started:.1f} s (spaCy, encoder, classifier, actor index)")

    articles = load_eval_set(args.set)
    # One warm-up: the first torch call allocates and is not representative.
    analyser.analyse(articles[0].text, articles[0].published, index, articles[0].issues)
    totals: dict[str, float] = defaultdict(float)
    count, pairs, words = 0, 0.0, 0
    wall = time.perf_counter()
    for _ in range(args.runs):
        for article in articles:
            # Every run must classify afresh: the classifier's cache would
            # otherwise answer the repeated article's pairs.
            scorer = getattr(analyser.classifier, "scorer", None)
            if scorer is not None:
                scorer.clear_cache()
            result = analyser.analyse(article.text, article.published, index, article.issues)
            for stage in STAGES:
                totals[stage] += result.timings.get(stage, 0.0)
            pairs += result.timings.get("candidate_pairs", 0.0)
            words += len(article.text.split())
            count += 1
    elapsed = time.perf_counter() - wall
    print(f"articles: {count}, {words / count:.0f} words each, {pairs / count:.0f} candidate pairs each")
    print(f"throughput: {60 * count / elapsed:.1f} articles/min ({elapsed / count:.2f} s/article)")
    staged = sum(totals.values()) or 1.0
    for stage in STAGES:
        print(f"  {stage:<11} {totals[stage] / count:7.3f} s  {100 * totals[stage] / staged:5.1f} %")


if __name__ == "__main__":
    main()
