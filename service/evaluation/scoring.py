"""Score predicted stances against gold, as the seed README defines it.

Pairs are (actor, issue), triples (actor, issue, stance). A prediction
matches a gold record on the same issue when the actors match: same
canonical name, or any of the predicted actor's name/aliases equals the gold
actor or one of its `actor_mentions` (case, dots and a leading "the"
ignored). Matching is one-to-one, exact names first. Reported: precision,
recall and F1 of pairs and triples, stance macro-F1 over the matched pairs,
overall, per issue, and for clear-only gold (predictions that match an
"arguable" record are then left out rather than counted as wrong).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from service.evaluation.dataset import EvalArticle, GoldStance

STANCES = ("support", "oppose", "neutral")


@dataclass(frozen=True)
class PredictedStance:
    """One system output, with the actor's names for matching."""

    actor: str
    issue: str  # issue name or key
    stance: str
    aliases: tuple[str, ...] = ()
    evidence: str = ""


@dataclass(frozen=True)
class PRF:
    """Counts with precision, recall and F1 stored as fields (so asdict shows them)."""

    tp: int
    predicted: int
    gold: int
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0

    @classmethod
    def of(cls, tp: int, predicted: int, gold: int) -> PRF:
        p = tp / predicted if predicted else 0.0
        r = tp / gold if gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return cls(tp, predicted, gold, p, r, f1)


@dataclass(frozen=True)
class Metrics:
    pairs: PRF
    triples: PRF
    stance_macro_f1: float


@dataclass(frozen=True)
class Match:
    """A matched, missed (predicted None) or spurious (gold None) record."""

    article: str
    issue: str
    gold: GoldStance | None
    predicted: PredictedStance | None


@dataclass(frozen=True)
class EvalReport:
    overall: Metrics
    clear: Metrics
    per_issue: dict[str, Metrics]
    articles: int
    matches: tuple[Match, ...] = field(default=())


def normalise_name(name: str) -> str:
    """Case, a leading "the", full stops and hyphens aside: "Jean-Claude Juncker" in
    the gold is the catalogue's "Jean Claude Juncker" (Phoenix joins names with "_")."""
    name = name.lower().replace("\u2019", "'").strip()
    name = re.sub(r"^the\s+", "", name)
    name = name.replace(".", "")
    return " ".join(re.sub(r"[^\w' ]", " ", name).split())


def actors_match(gold: GoldStance, pred: PredictedStance) -> bool:
    gold_names = {normalise_name(n) for n in (gold.actor, *gold.mentions)}
    return any(normalise_name(n) in gold_names for n in (pred.actor, *pred.aliases))


def match_article(article: EvalArticle, predicted: Sequence[PredictedStance]) -> list[Match]:
    """One-to-one matching per issue; exact canonical names before aliases."""
    issue_name = {issue.key: issue.name for issue in article.issues}
    by_issue: dict[str, list[PredictedStance]] = {}
    for pred in _dedupe(predicted):
        name = issue_name.get(pred.issue, pred.issue)
        by_issue.setdefault(name, []).append(pred)
    out: list[Match] = []
    issues = list(dict.fromkeys([g.issue for g in article.gold] + list(by_issue)))
    for issue in issues:
        golds = [g for g in article.gold if g.issue == issue]
        preds = list(by_issue.get(issue, []))
        used_gold: set[int] = set()
        used_pred: set[int] = set()
        for exact in (True, False):
            for gi, gold in enumerate(golds):
                if gi in used_gold:
                    continue
                for pi, pred in enumerate(preds):
                    if pi in used_pred:
                        continue
                    same = normalise_name(gold.actor) == normalise_name(pred.actor)
                    if same if exact else actors_match(gold, pred):
                        used_gold.add(gi)
                        used_pred.add(pi)
                        out.append(Match(article.slug, issue, gold, pred))
                        break
        out += [Match(article.slug, issue, g, None) for gi, g in enumerate(golds) if gi not in used_gold]
        out += [Match(article.slug, issue, None, p) for pi, p in enumerate(preds) if pi not in used_pred]
    return out


def metrics(matches: Iterable[Match]) -> Metrics:
    items = list(matches)
    n_gold = sum(m.gold is not None for m in items)
    n_pred = sum(m.predicted is not None for m in items)
    matched = [m for m in items if m.gold is not None and m.predicted is not None]
    correct = sum(m.gold.stance == m.predicted.stance for m in matched)  # type: ignore[union-attr]
    return Metrics(
        pairs=PRF.of(len(matched), n_pred, n_gold),
        triples=PRF.of(correct, n_pred, n_gold),
        stance_macro_f1=_macro_f1(
            [(m.gold.stance, m.predicted.stance) for m in matched]  # type: ignore[union-attr]
        ),
    )


def score(gold: Sequence[EvalArticle], predicted: Mapping[str, Sequence[PredictedStance]]) -> EvalReport:
    """Score predictions (keyed by article slug) against the gold articles."""
    matches = [m for article in gold for m in match_article(article, predicted.get(article.slug, ()))]
    # Clear-only: drop arguable gold and whatever matched it.
    clear = [m for m in matches if m.gold is None or m.gold.confidence == "clear"]
    per_issue: dict[str, Metrics] = {}
    for issue in sorted({m.issue for m in matches}):
        per_issue[issue] = metrics(m for m in matches if m.issue == issue)
    return EvalReport(
        overall=metrics(matches),
        clear=metrics(clear),
        per_issue=per_issue,
        articles=len(gold),
        matches=tuple(matches),
    )


def _macro_f1(pairs: Sequence[tuple[str, str]]) -> float:
    labels = [lab for lab in STANCES if any(lab in pair for pair in pairs)]
    if not labels:
        return 0.0
    total = 0.0
    for label in labels:
        tp = sum(g == label and p == label for g, p in pairs)
        fp = sum(g != label and p == label for g, p in pairs)
        fn = sum(g == label and p != label for g, p in pairs)
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(labels)


def _dedupe(predicted: Sequence[PredictedStance]) -> list[PredictedStance]:
    seen: set[tuple[str, str]] = set()
    out: list[PredictedStance] = []
    for pred in predicted:
        key = (normalise_name(pred.actor), pred.issue)
        if key not in seen:
            seen.add(key)
            out.append(pred)
    return out
