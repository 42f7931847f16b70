"""How many gold (actor, issue) pairs survive candidate generation (dev script).

A gold pair survives when its gold evidence sentence is linked to the gold
issue and the gold actor is a holder there ("strict"), or when that holds
for any sentence ("any sentence"). "With roll-up" also counts a state whose
speaking person is such a holder (aggregate gives the state the person's
stance). Classification cannot recover a pair that does not survive, so
this is the ceiling of pair recall.

    python bench/candidate_recall.py [EVAL_DIR ...]   (default: the seed)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.evaluation.dataset import EvalArticle, GoldStance, load_eval_set
from service.evaluation.scoring import PredictedStance, actors_match
from service.nlp.protocol import ClassifierInput
from service.pipeline.actors import ActorIndex, build_actor_index, speaks_for_in
from service.pipeline.analyse import Analyser, AnalyserConfig, Prepared
from service.pipeline.segment import plain_text
from service.store.catalogue import load_default_catalogue

SEED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seed"


class _NoClassifier:
    """Candidate generation needs no classifier; this one is never called."""

    name = "none"
    version = "0"

    def classify(self, items: Sequence[ClassifierInput]) -> list[dict[str, float]]:
        raise AssertionError("not used")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", plain_text(text)).lower()


def _names(index: ActorIndex, key: str, prepared: Prepared | None = None) -> PredictedStance:
    """The actor's names for matching: catalogued, or the NER actor's own name."""
    spec = index.spec(key)
    if spec is None and prepared is not None:
        new = {a.key: a.name for a in prepared.findings.new_actors}
        return PredictedStance(new.get(key, key), "", "", ())
    return PredictedStance(spec.name if spec else key, "", "", spec.aliases if spec else ())


def survives(
    gold: GoldStance, article: EvalArticle, prepared: Prepared, index: ActorIndex
) -> tuple[bool, bool, bool]:
    issue_key = next(i.key for i in article.issues if i.name == gold.issue)
    evidence = _squash(gold.evidence)
    strict = anywhere = rolled = False
    for holder, link in prepared.pairs:
        if link.issue_key != issue_key:
            continue
        sentence = _squash(prepared.sentences[holder.sentence_index].text)
        at_evidence = bool(evidence) and (evidence in sentence or sentence in evidence)
        direct = actors_match(gold, _names(index, holder.actor_key, prepared))
        states, _ = speaks_for_in(prepared.findings, index, holder.actor_key, article.published)
        via_role = any(actors_match(gold, _names(index, s)) for s in states)
        strict |= direct and at_evidence
        anywhere |= direct
        rolled |= direct or via_role
    return strict, anywhere, rolled


def main(folders: list[str]) -> None:
    index = build_actor_index(load_default_catalogue())
    analyser = Analyser(AnalyserConfig(), classifier=_NoClassifier())
    totals = [0, 0, 0, 0]
    pairs = 0
    for folder in folders:
        for article in load_eval_set(folder):
            prepared = analyser.prepare(article.text, article.published, index, article.issues)
            if prepared is None:
                continue
            pairs += len(prepared.pairs)
            for gold in article.gold:
                flags = survives(gold, article, prepared, index)
                totals[0] += 1
                for n, flag in enumerate(flags, 1):
                    totals[n] += flag
                if not flags[2]:
                    print(f"  lost [{article.slug}] {gold.actor} / {gold.issue}: {gold.evidence[:70]}")
    n = max(1, totals[0])
    print(f"gold pairs: {totals[0]}, candidate (holder, issue, sentence) pairs: {pairs}")
    print(f"candidate recall strict (gold evidence sentence): {totals[1] / n:.2f}")
    print(f"candidate recall any sentence:                    {totals[2] / n:.2f}")
    print(f"candidate recall any sentence, with roll-up:      {totals[3] / n:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(SEED)])
