"""Run an Analyser directly over an evaluation set (development, no service)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from service.evaluation.dataset import EvalArticle, load_eval_set
from service.evaluation.scoring import EvalReport, PredictedStance, score
from service.pipeline.actors import ActorIndex
from service.pipeline.analyse import Analyser
from service.pipeline.language import UnsupportedLanguage
from service.pipeline.types import AnalysisResult


def predictions(result: AnalysisResult, index: ActorIndex) -> list[PredictedStance]:
    """The result's stances with each actor's name and aliases for matching."""
    names = {actor.key: (actor.name, ()) for actor in result.new_actors}
    out: list[PredictedStance] = []
    for stance in result.stances:
        spec = index.spec(stance.actor_key)
        name, aliases = (
            (spec.name, spec.aliases) if spec else names.get(stance.actor_key, (stance.actor_key, ()))
        )
        out.append(
            PredictedStance(
                actor=name,
                issue=stance.issue_key,
                stance=stance.label,
                aliases=tuple(aliases),
                evidence=stance.evidence[0].text if stance.evidence else "",
            )
        )
    return out


def predict_set(
    articles: Sequence[EvalArticle], analyser: Analyser, index: ActorIndex
) -> dict[str, list[PredictedStance]]:
    out: dict[str, list[PredictedStance]] = {}
    for article in articles:
        try:
            result = analyser.analyse(article.text, article.published, index, article.issues)
        except UnsupportedLanguage:
            out[article.slug] = []
            continue
        out[article.slug] = predictions(result, index)
    return out


def run_direct(folder: str | Path, analyser: Analyser, index: ActorIndex) -> EvalReport:
    """Load the set in `folder`, analyse every article, and score it."""
    articles = load_eval_set(folder)
    return score(articles, predict_set(articles, analyser, index))
