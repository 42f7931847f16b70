"""Loading evaluation sets and scoring them as the seed README defines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.evaluation import PredictedStance, format_report, load_eval_set, score
from service.evaluation.dataset import EvalSetError

ISSUES = [
    {"id": "talks", "name": "peace talks", "description": "d", "keywords": ["talks"]},
    {"id": "arm", "name": "arming the rebels", "description": "d", "keywords": []},
]
GOLD: list[dict[str, object]] = [
    {"actor": "Russia", "actor_mentions": ["Moscow", "the Kremlin"], "issue": "peace talks",
     "stance": "support", "evidence": "Moscow backs talks.", "confidence": "clear"},
    {"actor": "United States", "actor_mentions": ["U.S.", "Washington"], "issue": "peace talks",
     "stance": "support", "evidence": "x", "confidence": "clear"},
    {"actor": "Russia", "actor_mentions": ["Moscow"], "issue": "arming the rebels",
     "stance": "oppose", "evidence": "x", "confidence": "arguable", "note": "n"},
]  # fmt: skip


def write_article(folder: Path, gold: list[dict[str, object]] = GOLD) -> Path:
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text("Moscow backs talks.", encoding="utf-8")
    (folder / "article.json").write_text(json.dumps({"published": "2013-05-07"}), encoding="utf-8")
    (folder / "issues.json").write_text(json.dumps(ISSUES), encoding="utf-8")
    (folder / "stances.jsonl").write_text("\n".join(json.dumps(g) for g in gold) + "\n", encoding="utf-8")
    return folder


def test_load_single_and_nested(tmp_path: Path) -> None:
    single = load_eval_set(write_article(tmp_path / "a"))
    assert [a.slug for a in single] == ["a"]
    assert single[0].issues[0].key == "talks" and single[0].published is not None
    write_article(tmp_path / "b")
    assert [a.slug for a in load_eval_set(tmp_path)] == ["a", "b"]


def test_unknown_issue_is_an_error(tmp_path: Path) -> None:
    bad = [dict(GOLD[0], issue="nope")]
    with pytest.raises(EvalSetError, match="nope"):
        load_eval_set(write_article(tmp_path / "a", bad))


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EvalSetError):
        load_eval_set(tmp_path)


def test_perfect_and_alias_matching(tmp_path: Path) -> None:
    articles = load_eval_set(write_article(tmp_path / "a"))
    predicted = {
        "a": [
            # Canonical name differs, an alias matches a gold mention.
            PredictedStance("Russian Federation", "talks", "support", aliases=("Moscow",)),
            PredictedStance("USA", "peace talks", "oppose", aliases=("U.S.",)),
            PredictedStance("Russia", "arm", "oppose"),
            PredictedStance("China", "talks", "support"),
        ]
    }
    report = score(articles, predicted)
    assert (report.overall.pairs.tp, report.overall.pairs.predicted, report.overall.pairs.gold) == (3, 4, 3)
    assert report.overall.triples.tp == 2
    assert report.overall.pairs.recall == 1.0
    assert report.overall.triples.f1 == pytest.approx(2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3))
    # Clear-only: the arguable record and its match leave the count.
    assert (report.clear.pairs.tp, report.clear.pairs.predicted, report.clear.pairs.gold) == (2, 3, 2)
    assert set(report.per_issue) == {"peace talks", "arming the rebels"}
    # Matched labels: gold (support, support, oppose) vs predicted (support, oppose, oppose).
    assert report.overall.stance_macro_f1 == pytest.approx((2 / 3 + 2 / 3) / 2)
    text = format_report(report, details=True)
    assert "EXTRA" in text and "LABEL" in text


def test_one_prediction_matches_one_gold(tmp_path: Path) -> None:
    articles = load_eval_set(write_article(tmp_path / "a"))
    predicted = {
        "a": [
            PredictedStance("Russia", "talks", "support"),
            PredictedStance("Kremlin", "talks", "support", ("the Kremlin",)),
        ]
    }
    report = score(articles, predicted)
    assert report.overall.pairs.tp == 1 and report.overall.pairs.predicted == 2


def test_no_predictions(tmp_path: Path) -> None:
    report = score(load_eval_set(write_article(tmp_path / "a")), {})
    assert report.overall.pairs.f1 == 0.0 and report.overall.stance_macro_f1 == 0.0


def test_article_text_read_from_a_jsonl_outside_the_set(tmp_path: Path) -> None:
    """Third-party texts stay where they are: article.json names the JSON Lines record."""
    source = tmp_path / "shared" / "articles.jsonl"
    source.parent.mkdir()
    source.write_text(json.dumps({"id": "a1", "text": "Moscow backs talks."}) + "\n", encoding="utf-8")
    folder = write_article(tmp_path / "set" / "a1")
    (folder / "article.txt").unlink()
    meta = {"published": "2013-05-07", "text_jsonl": "../../shared/articles.jsonl", "text_id": "a1"}
    (folder / "article.json").write_text(json.dumps(meta), encoding="utf-8")
    [article] = load_eval_set(tmp_path / "set")
    assert article.text == "Moscow backs talks."
    source.unlink()
    with pytest.raises(EvalSetError, match="not part of the repository"):
        load_eval_set(tmp_path / "set")


def test_names_match_whatever_their_hyphens(tmp_path: Path) -> None:
    """The gold's "Jean-Claude Juncker" is the catalogue's "Jean Claude Juncker"."""
    gold = [dict(GOLD[0], actor="Jean-Claude Juncker", actor_mentions=["Juncker"])]
    articles = load_eval_set(write_article(tmp_path / "a", gold))
    report = score(articles, {"a": [PredictedStance("Jean Claude Juncker", "talks", "support")]})
    assert report.overall.triples.tp == 1
    other = score(articles, {"a": [PredictedStance("Jean Claude", "talks", "support")]})
    assert other.overall.pairs.tp == 0
