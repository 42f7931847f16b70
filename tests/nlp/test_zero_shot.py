"""Tests of the NLI-to-stance probability mapping."""

from __future__ import annotations

import pytest

from service.nlp.zero_shot import nli_columns, stance_probabilities

COLUMNS = nli_columns({0: "entailment", 1: "neutral", 2: "contradiction"})


def best(support_row: tuple[float, ...], oppose_row: tuple[float, ...]) -> str:
    probs = stance_probabilities(support_row, oppose_row, COLUMNS)
    assert sum(probs.values()) == pytest.approx(1.0)
    return max(probs, key=probs.__getitem__)


def test_mapping_picks_the_sensible_label() -> None:
    assert best((0.9, 0.05, 0.05), (0.05, 0.05, 0.9)) == "support"
    assert best((0.05, 0.05, 0.9), (0.9, 0.05, 0.05)) == "oppose"
    assert best((0.05, 0.1, 0.85), (0.05, 0.1, 0.85)) == "neutral"
    assert best((0.05, 0.9, 0.05), (0.05, 0.9, 0.05)) == "none"


def test_entailment_label_is_required() -> None:
    with pytest.raises(ValueError):
        nli_columns({0: "LABEL_0", 1: "LABEL_1"})
