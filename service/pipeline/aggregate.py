"""Turn classified evidence into one stance per (actor, issue), with role roll-up.

Each piece of evidence carries the classifier's four probabilities. Evidence
whose most likely class is "none" is dropped; with a `min_position`
threshold (tuned per model on the development sets, see
`models/MODEL_CARD.md`), evidence is kept exactly when the probability that
the sentence states the actor's position, 1 - p(none), reaches it. The remaining evidence votes:
its support/oppose/neutral distribution (renormalised without "none") is
weighted by how sure the classifier is that there is a position at all
(1 - p(none)). The label is the vote's winner; the confidence is the best
single piece of evidence's probability for that label, so one clear
sentence is not diluted by weaker ones. When some evidence takes a side
(support or oppose, p >= 0.5), only such evidence votes: an actor that
condemns strikes in one sentence and "did not clarify" in another opposes
them. Likewise, when some of the voting evidence names the issue outright
(a full keyword match), only that evidence votes: "shielded Assad from UN
Security Council sanctions" decides an actor's stance on those sanctions
over a sentence about another council that similarity linked to them. All
evidence is kept, strongest first. Where one sentence of an actor was classified on
several issues, it is evidence only on those where the classifier is nearly as sure
of a position as on its surest (ISSUE_COMPETITION_GAP).

Role roll-up follows the annotation guidelines: a person who speaks for a
state on the article date gives the state the same stance unless the
article gives the state evidence of its own on that issue; spokespersons
are recorded only as their state.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from service.pipeline.types import LABELS, Evidence, Label, LinkVia, Sentence, StanceResult

# (actor_key, day) -> (keys of the states it speaks for, keep the person's own record)
SpeaksFor = Callable[[str, date | None], tuple[Sequence[str], bool]]


@dataclass(frozen=True)
class Classified:
    """One classified (holder, issue, sentence) candidate."""

    actor_key: str
    issue_key: str
    sentence: Sentence
    scores: dict[str, float]
    is_quote: bool = False
    reporter_key: str | None = None
    link_score: float = 1.0
    link_via: LinkVia = "keyword"


# A sentence linked to the issue only as the article's topic (issues.py, signal 4)
# is evidence only when the classifier is this sure that it states a position: on
# the development sets, with topic links for speakers, 0.75 kept pair precision
# (eval/dev 0.61 -> 0.60, eval/wikinews 0.62 -> 0.62) where the plain threshold
# lost it (0.58, 0.61). Re-checked with stance-minilm 3.1.0: 0.5 to 0.9 give mean
# triple F1 0.563-0.567 over the three development sets, 0.75 the best; with 3.2.0,
# 0.6 scored the same and 0.9 lower.
TOPIC_MIN_POSITION = 0.75


def to_evidence(item: Classified, min_position: float | None = None) -> Evidence | None:
    """The evidence for `item`, or None when it states no position (see the module docstring)."""
    if item.link_via == "topic":
        min_position = max(min_position or 0.0, TOPIC_MIN_POSITION)
    if min_position is None:
        best = max(item.scores, key=lambda k: item.scores[k])
        if best not in LABELS:
            return None
    else:
        if 1.0 - item.scores.get("none", 0.0) < min_position:
            return None
        best = max(LABELS, key=lambda k: item.scores.get(k, 0.0))
    return Evidence(
        sentence_index=item.sentence.index,
        start=item.sentence.start,
        end=item.sentence.end,
        text=item.sentence.text,
        label=best,  # type: ignore[arg-type]  # checked against LABELS above
        scores=dict(item.scores),
        is_quote=item.is_quote,
        reporter_key=item.reporter_key,
        link_score=item.link_score,
    )


# One sentence of one actor classified on several issues (neighbouring issues of one
# story: "the tariffs", "retaliatory tariffs", "a WTO challenge"): the issues on which
# the classifier is clearly less sure of a position than on the sentence's best are
# dropped. On the development sets: 0.05 to 0.3 all gained (pooled triple F1 0.581 ->
# 0.582-0.584, seed with distractors 0.72 -> 0.74, eval/speeches 0.66 -> 0.67-0.68),
# 0.1 the best; 0 (one issue per sentence) lost recall (pooled 0.554).
ISSUE_COMPETITION_GAP = 0.1

POLAR = ("support", "oppose")
# A side taken anywhere in the article outweighs engaging without one
# (guidelines: neutral is "engages with the issue without taking a side").
POLAR_MIN_SCORE = 0.5
# A sentence that names the issue (a full keyword match) outweighs sentences
# linked to it only by similarity, a partial match or a name.
EXPLICIT_LINK_SCORE = 0.95


def _voters(evidence: Sequence[Evidence]) -> Sequence[Evidence]:
    polar = [e for e in evidence if e.label in POLAR and e.scores.get(e.label, 0.0) >= POLAR_MIN_SCORE]
    voters = polar or evidence
    explicit = [e for e in voters if e.link_score >= EXPLICIT_LINK_SCORE]
    return explicit or voters


def combine(actor_key: str, issue_key: str, evidence: Sequence[Evidence]) -> StanceResult:
    """One stance from non-empty evidence (see the module docstring)."""
    votes: dict[str, float] = dict.fromkeys(LABELS, 0.0)
    total = 0.0
    for item in _voters(evidence):
        stance_mass = sum(item.scores.get(lab, 0.0) for lab in LABELS)
        if stance_mass <= 0:
            continue
        weight = 1.0 - item.scores.get("none", 0.0)
        for lab in LABELS:
            votes[lab] += weight * item.scores.get(lab, 0.0) / stance_mass
        total += weight
    if total <= 0:
        # Degenerate scores: fall back to the evidence labels themselves.
        for item in evidence:
            votes[item.label] += 1.0
        total = float(len(evidence))
    scores: dict[str, float] = {lab: round(votes[lab] / total, 4) for lab in LABELS}
    label: Label = max(LABELS, key=lambda lab: (scores[lab], -LABELS.index(lab)))
    ranked = sorted(evidence, key=lambda e: (-e.scores.get(label, 0.0), e.sentence_index))
    confidence = round(max(e.scores.get(label, 0.0) for e in evidence), 4)
    return StanceResult(actor_key, issue_key, label, confidence, scores, tuple(ranked))


def aggregate(
    items: Iterable[Classified],
    speaks_for: SpeaksFor | None = None,
    day: date | None = None,
    min_position: float | None = None,
) -> list[StanceResult]:
    """One StanceResult per (actor, issue) with evidence, plus role roll-ups."""
    per_sentence: dict[tuple[str, int], list[tuple[str, Evidence]]] = defaultdict(list)
    seen: set[tuple[str, str, int]] = set()
    for item in items:
        key = (item.actor_key, item.issue_key, item.sentence.index)
        if key in seen:
            continue
        seen.add(key)
        evidence = to_evidence(item, min_position)
        if evidence is not None:
            per_sentence[(item.actor_key, item.sentence.index)].append((item.issue_key, evidence))
    grouped: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for (actor_key, _), found in per_sentence.items():
        for issue_key, evidence in _leading_issues(found):
            grouped[(actor_key, issue_key)].append(evidence)

    own = {pair: combine(*pair, ev) for pair, ev in grouped.items()}
    if speaks_for is None:
        return _ordered(own.values())

    rolled: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    dropped: set[tuple[str, str]] = set()
    for (actor_key, issue_key), result in own.items():
        states, keep_person = speaks_for(actor_key, day)
        for state in states:
            if state == actor_key or (state, issue_key) in own:
                continue
            # The state takes the person's label, backed by the person's
            # evidence that carries that label.
            rolled[(state, issue_key)].extend(e for e in result.evidence if e.label == result.label)
        if states and not keep_person:
            dropped.add((actor_key, issue_key))
    results = [r for pair, r in own.items() if pair not in dropped]
    for pair, backing in rolled.items():
        results.append(combine(*pair, _unique(backing)))
    return _ordered(results)


def _position(evidence: Evidence) -> float:
    return 1.0 - evidence.scores.get("none", 0.0)


def _leading_issues(found: Sequence[tuple[str, Evidence]]) -> list[tuple[str, Evidence]]:
    """Of one actor's evidence in one sentence on several issues, the issues on which the
    classifier is (almost) as sure of a position as on its surest: ISSUE_COMPETITION_GAP."""
    best = max(_position(evidence) for _, evidence in found)
    return [(key, evidence) for key, evidence in found if _position(evidence) >= best - ISSUE_COMPETITION_GAP]


def _unique(evidence: Iterable[Evidence]) -> list[Evidence]:
    out: dict[int, Evidence] = {}
    for item in evidence:
        if item.sentence_index not in out or max(item.scores.values()) > max(
            out[item.sentence_index].scores.values()
        ):
            out[item.sentence_index] = item
    return list(out.values())


def _ordered(results: Iterable[StanceResult]) -> list[StanceResult]:
    return sorted(results, key=lambda r: (r.actor_key, r.issue_key))
