"""Aggregation of evidence and role roll-up (no models)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from service.pipeline.aggregate import Classified, aggregate
from service.pipeline.types import Sentence


def item(actor: str, issue: str, index: int, **scores: float) -> Classified:
    full = {"support": 0.0, "oppose": 0.0, "neutral": 0.0, "none": 0.0, **scores}
    return Classified(actor, issue, Sentence(index, index * 10, index * 10 + 5, "text.", 0), full)


def roles(mapping: dict[str, tuple[Sequence[str], bool]]):  # type: ignore[no-untyped-def]
    return lambda key, day: mapping.get(key, ((), True))


def test_none_is_dropped_and_votes_weighted() -> None:
    results = aggregate(
        [
            item("RUS", "arm", 1, oppose=0.7, none=0.3),
            item("RUS", "arm", 2, support=0.4, none=0.6),
            item("USA", "arm", 3, support=0.1, none=0.9),
        ]
    )
    assert [(r.actor_key, r.label) for r in results] == [("RUS", "oppose")]
    rus = results[0]
    assert rus.confidence == 0.7
    assert [e.sentence_index for e in rus.evidence] == [1]  # sentence 2's top class is "none"
    assert abs(sum(rus.scores.values()) - 1.0) < 1e-3


def test_all_evidence_kept_strongest_first() -> None:
    results = aggregate([item("RUS", "arm", 1, oppose=0.6), item("RUS", "arm", 2, oppose=0.9)])
    assert [e.sentence_index for e in results[0].evidence] == [2, 1]


def test_duplicate_sentence_counted_once() -> None:
    results = aggregate([item("RUS", "arm", 1, oppose=0.6), item("RUS", "arm", 1, oppose=0.6)])
    assert len(results[0].evidence) == 1


def test_minister_rolls_up_unless_state_has_own_evidence() -> None:
    speaks = roles({"LAVROV": (("RUS",), True)})
    results = aggregate(
        [
            item("LAVROV", "talks", 1, support=0.9),
            item("LAVROV", "arm", 2, neutral=0.8),
            item("RUS", "arm", 3, oppose=0.9),
        ],
        speaks,
        date(2013, 5, 7),
    )
    got = {(r.actor_key, r.issue_key): r.label for r in results}
    assert got == {
        ("LAVROV", "talks"): "support",
        ("RUS", "talks"): "support",
        ("LAVROV", "arm"): "neutral",
        ("RUS", "arm"): "oppose",
    }


def test_spokesperson_only_as_state() -> None:
    speaks = roles({"SPOX": (("RUS",), False)})
    results = aggregate([item("SPOX", "talks", 1, oppose=0.8)], speaks)
    assert [(r.actor_key, r.label) for r in results] == [("RUS", "oppose")]


def test_a_side_taken_outweighs_a_stronger_neutral_sentence() -> None:
    # "condemned the strikes" (oppose) and "did not clarify" (neutral) in one article.
    results = aggregate([item("RUS", "isr", 1, neutral=0.97), item("RUS", "isr", 2, oppose=0.7, neutral=0.3)])
    assert results[0].label == "oppose"
    assert [e.sentence_index for e in results[0].evidence] == [2, 1]


def test_weak_sides_leave_a_neutral_reading() -> None:
    results = aggregate(
        [item("USA", "arm", 1, neutral=0.8), item("USA", "arm", 2, neutral=0.55, support=0.45)]
    )
    assert results[0].label == "neutral"


def test_a_sentence_naming_the_issue_outweighs_one_linked_by_similarity() -> None:
    # "shielded Assad from UN Security Council sanctions" (names the issue, oppose) against a
    # sentence about a Council of Europe convention that similarity linked to sanctions (support).
    named = item("RUS", "sanctions", 1, oppose=0.65, support=0.33)
    similar = Classified(
        "RUS",
        "sanctions",
        Sentence(2, 20, 25, "text.", 0),
        {**named.scores, "oppose": 0.08, "support": 0.9},
        link_score=0.5,
    )
    results = aggregate([named, similar])
    assert results[0].label == "oppose"
    assert {e.sentence_index for e in results[0].evidence} == {1, 2}  # both kept as evidence

    unnamed = Classified("RUS", "sanctions", named.sentence, named.scores, link_score=0.6)
    assert aggregate([unnamed, similar])[0].label == "support"  # no sentence names it: all vote


def test_min_position_keeps_evidence_by_the_chance_of_a_position() -> None:
    # p(none) 0.45 is the top class, but a position is more likely than not: kept at 0.5.
    evidence = [item("RUS", "arm", 1, oppose=0.3, support=0.25, none=0.45)]
    assert aggregate(evidence) == []
    kept = aggregate(evidence, min_position=0.5)
    assert [(r.actor_key, r.label) for r in kept] == [("RUS", "oppose")]
    # A strict threshold drops a sentence whose top class is a side.
    strict = aggregate([item("USA", "arm", 2, support=0.4, none=0.35, oppose=0.25)], min_position=0.7)
    assert strict == []


def test_one_sentence_is_evidence_on_the_issues_the_classifier_is_surest_of() -> None:
    """A sentence of one actor classified on neighbouring issues: an issue on which the
    classifier is clearly less sure of a position is dropped; one nearly as sure stays."""
    results = aggregate(
        [
            item("EU", "retaliation", 1, support=0.9, none=0.1),
            item("EU", "wto", 1, oppose=0.6, none=0.4),  # 0.6 < 0.9 - 0.1
            item("EU", "tariffs", 1, oppose=0.85, none=0.15),  # 0.85 >= 0.8
            item("EU", "wto", 2, support=0.7, none=0.3),  # another sentence: its own best
        ]
    )
    found = {(r.issue_key, r.label, tuple(e.sentence_index for e in r.evidence)) for r in results}
    assert found == {("retaliation", "support", (1,)), ("tariffs", "oppose", (1,)), ("wto", "support", (2,))}
