"""`stance-tracker eval DIR` runs the service on an annotated set and scores it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from service.cli.main import cli
from tests.api.analysis_fixtures import ARTICLE, ISSUE


def _write_set(folder: Path) -> Path:
    article = folder / "lethal-aid"
    article.mkdir(parents=True)
    (article / "article.txt").write_text(ARTICLE["text"], encoding="utf-8")
    (article / "article.json").write_text(
        json.dumps(
            {"title": ARTICLE["title"], "published": ARTICLE["published_at"], "text_file": "article.txt"}
        )
    )
    (article / "issues.json").write_text(json.dumps([{"id": "arm", **ISSUE}]))
    gold = [
        {"actor": "Norway", "actor_mentions": ["Norway"], "issue": ISSUE["name"], "stance": "oppose",
         "evidence": "Norway strongly opposes sending lethal aid to the rebels", "confidence": "clear"},
        {"actor": "Sweden", "actor_mentions": ["Sweden", "Stockholm"], "issue": ISSUE["name"], "stance": "support",
         "evidence": "Sweden has backed a plan to supply weapons to the rebels", "confidence": "clear"},
    ]  # fmt: skip
    (article / "stances.jsonl").write_text("\n".join(json.dumps(g) for g in gold) + "\n")
    return folder


@pytest.fixture
def tiny_service(tmp_path: Path, tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The eval command's instance runs the tiny test model and keeps its files in tmp_path."""
    monkeypatch.setenv("STANCE_MODEL_PATH", str(tiny_model_dir))
    monkeypatch.setenv("STANCE_QUANTIZE", "0")
    monkeypatch.setenv("STANCE_DATA_DIR", str(tmp_path / "instance"))


@pytest.mark.usefixtures("tiny_service")
def test_eval_prints_pair_and_triple_scores(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["eval", str(_write_set(tmp_path / "set")), "--json-out", str(out)])
    assert result.exit_code == 0, result.output
    assert "overall" in result.output and "clear-only" in result.output
    report = json.loads(out.read_text())
    assert report["articles"] == 1
    pairs = report["overall"]["pairs"]
    assert pairs["gold"] == 2
    # Both countries are found and linked to the issue; the support-biased
    # tiny model gets Sweden's triple right and Norway's wrong.
    assert pairs["tp"] == 2
    assert report["overall"]["triples"]["tp"] == 1


def test_eval_rejects_a_folder_that_is_not_a_set(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code != 0
    assert "holds no article folder" in result.output


@pytest.mark.usefixtures("tiny_service")
def test_eval_with_distractor_issues_in_the_catalogue(tmp_path: Path) -> None:
    """Issues of another set join the catalogue; records on them are not scored."""
    target = _write_set(tmp_path / "set")
    other = _write_set(tmp_path / "other")
    (other / "lethal-aid" / "issues.json").write_text(
        json.dumps(
            [
                {
                    "id": "embargo",
                    "name": "an arms embargo on the rebels",
                    "description": "d",
                    "keywords": ["lethal aid", "weapons to the rebels"],
                }
            ]
        )
    )
    (other / "lethal-aid" / "stances.jsonl").write_text("")
    out = tmp_path / "report.json"
    args = ["eval", str(target), "--distractors", str(other), "--json-out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["overall"]["pairs"]["gold"] == 2
    assert set(report["per_issue"]) == {ISSUE["name"]}


@pytest.mark.usefixtures("tiny_service")
def test_eval_without_the_catalogues_keywords(tmp_path: Path) -> None:
    """The issues reach the service with their name and description only."""
    target = _write_set(tmp_path / "set")
    # Only a keyword ties the article to this issue: its name and description share no word with it.
    name = "rebel rearmament"
    issue = {"id": "arm", "name": name, "description": "d", "keywords": ["lethal aid"]}
    (target / "lethal-aid" / "issues.json").write_text(json.dumps([issue]))
    gold = target / "lethal-aid" / "stances.jsonl"
    gold.write_text(gold.read_text().replace(ISSUE["name"], name))
    predicted = {}
    for flags in ([], ["--without-keywords"]):
        out = tmp_path / "report.json"
        result = CliRunner().invoke(cli, ["eval", str(target), "--json-out", str(out), *flags])
        assert result.exit_code == 0, result.output
        report = json.loads(out.read_text())
        assert report["catalogue"] == {"issues": 1, "keywords": not flags}
        predicted[bool(flags)] = report["overall"]["pairs"]["predicted"]
    assert predicted[False] > predicted[True]
