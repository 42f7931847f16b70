"""`stance-tracker ingest`: articles from .txt, .json, .jsonl and .csv files and
folders, through the API's submission path, with a summary of what happened."""

from __future__ import annotations

import json
import re
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from service.cli.ingest import ingest
from tests.api.analysis_fixtures import ARTICLE, create_catalogue


def _write_corpus(folder: Path) -> None:
    nested = folder / "more"
    nested.mkdir(parents=True)
    (folder / "lead.txt").write_text(ARTICLE["text"], encoding="utf-8")
    (folder / "batch.json").write_text(
        json.dumps([{"text": "Sweden backs the plan to supply weapons to the rebels.", "title": "Sweden"},
                    {"title": "no text at all"}]),
        encoding="utf-8",
    )  # fmt: skip
    (folder / "feed.jsonl").write_text(
        json.dumps({"text": "Norway opposes lethal aid to the rebels.", "url": "https://example.org/n"})
        + "\n{not json\n"
        + json.dumps({"text": ARTICLE["text"]})  # the .txt's text again: a duplicate
        + "\n",
        encoding="utf-8",
    )
    (nested / "sheet.csv").write_text(
        "title,url,published_at,source,text\n"
        "Oslo,https://example.org/o,2021-03-05,Wire,Oslo said arming the rebels would prolong the war.\n"
        "Bad date,,2021-13-40,Wire,Stockholm wants lethal aid.\n",
        encoding="utf-8",
    )
    (nested / "notes.md").write_text("not an article file", encoding="utf-8")


def _summary(output: str) -> list[str]:
    """The summary line and the reasons under it (model loading may print before them)."""
    found = re.search(r"\d+ queued, [\s\S]*", output)
    assert found is not None, output
    return found.group().strip().splitlines()


def test_ingest_submits_every_format_and_summarises(app: Flask, client: FlaskClient, tmp_path: Path) -> None:
    create_catalogue(client)
    _write_corpus(tmp_path / "corpus")

    result = app.test_cli_runner().invoke(ingest, [str(tmp_path / "corpus"), "--wait", "--quiet"])

    assert result.exit_code == 0, result.output
    lines = _summary(result.output)
    assert lines[0] == "4 queued, 1 duplicates, 3 rejected, 4 done, 0 failed, 0 unsupported, 0 pending"
    assert any("422 (invalid text)" in line for line in lines[1:])
    assert any("422 (invalid published_at)" in line for line in lines[1:])
    assert any("malformed JSON" in line for line in lines[1:])
    articles = client.get("/api/v1/articles").json["items"]
    assert len(articles) == 4 and {a["status"] for a in articles} == {"done"}
    # feed.jsonl comes before lead.txt: its copy of the text (no title) is stored, the .txt is the duplicate
    assert {a["title"] for a in articles} == {None, "Sweden", "Oslo"}

    again = app.test_cli_runner().invoke(ingest, [str(tmp_path / "corpus" / "lead.txt"), "--quiet"])
    assert _summary(again.output)[0] == "0 queued, 1 duplicates, 0 rejected"


def test_ingest_refuses_a_missing_path(app: Flask, tmp_path: Path) -> None:
    result = app.test_cli_runner().invoke(ingest, [str(tmp_path / "absent.txt")])
    assert result.exit_code == 2 and "does not exist" in result.output
