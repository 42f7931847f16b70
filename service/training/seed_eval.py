"""Classify the seed article's gold (actor, issue, evidence) triples directly and score the stance."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from service.evaluation.dataset import load_eval_set
from service.nlp.protocol import ClassifierInput, StanceClassifier
from service.training.metrics import stance_metrics

SEED_LABELS = ("support", "oppose", "neutral")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019']?\s+|\n+")
# A split after "U.S." or "Mr." is not a sentence end: such pieces are glued back.
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|No)\.)$")
_PRONOUN = re.compile(r"\b(he|she|it|they)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SeedCase:
    """One gold triple with the classifier input built from the article."""

    item: ClassifierInput
    gold: str
    clear: bool


def _squash(text: str) -> str:
    return " ".join(text.split())


def previous_sentence(article: str, evidence: str) -> str:
    """The sentence before `evidence` in the article ("" when it opens the text or is not found)."""
    flat, target = _squash(article), _squash(evidence)
    at = flat.find(target)
    if at <= 0:
        return ""
    before: list[str] = []
    for part in (p.strip() for p in _SENTENCE_END.split(flat[:at])):
        if not part:
            continue
        if before and _ABBREVIATION.search(before[-1]):
            before[-1] = f"{before[-1]} {part}"
        else:
            before.append(part)
    return before[-1] if before else ""


def pick_mention(sentence: str, mentions: Sequence[str]) -> str | None:
    """The longest listed surface form found in the sentence, else a pronoun (as coreference would give)."""
    lowered = sentence.lower()
    found = [m for m in mentions if m and m.lower() in lowered]
    if found:
        return max(found, key=len)
    pronoun = _PRONOUN.search(sentence)
    return pronoun.group(0) if pronoun else None


def seed_cases(seed_dir: Path) -> list[SeedCase]:
    """The gold records of an annotated set (the seed, or any eval/ set) as classifier inputs."""
    cases: list[SeedCase] = []
    for article in load_eval_set(seed_dir):
        issues = {issue.name: issue for issue in article.issues}
        for record in article.gold:
            sentence = _squash(record.evidence)
            issue = issues.get(record.issue)
            item = ClassifierInput(
                actor=record.actor,
                issue=record.issue,
                sentence=sentence,
                mention=pick_mention(sentence, record.mentions),
                context=previous_sentence(article.text, sentence),
                issue_description=issue.description if issue is not None else "",
            )
            cases.append(SeedCase(item, record.stance, record.confidence == "clear"))
    return cases


def evaluate_seed(classifier: StanceClassifier, seed_dir: Path) -> dict[str, object]:
    """Stance macro-F1 on all gold triples and on the clear-only ones.

    The label is the best of support/oppose/neutral: every gold triple does
    express a stance, so "none" is not an allowed answer here.
    """
    cases = seed_cases(seed_dir)
    scores = classifier.classify([case.item for case in cases])
    predicted = [max(SEED_LABELS, key=lambda label: row[label]) for row in scores]
    gold_ids = [SEED_LABELS.index(case.gold) for case in cases]
    pred_ids = [SEED_LABELS.index(label) for label in predicted]
    clear = [i for i, case in enumerate(cases) if case.clear]
    return {
        "all": stance_metrics(gold_ids, pred_ids),
        "clear": stance_metrics([gold_ids[i] for i in clear], [pred_ids[i] for i in clear]),
        "cases": [
            {
                "actor": case.item.actor,
                "issue": case.item.issue,
                "gold": case.gold,
                "predicted": label,
                "clear": case.clear,
            }
            for case, label in zip(cases, predicted, strict=True)
        ],
    }
