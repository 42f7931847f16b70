"""Exports over HTTP (NDJSON and CSV, streamed) and the import-stances command:
an export restored into an empty database exports byte for byte the same."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from service.cli.transfer import import_stances
from service.web.app import create_app
from tests.compare.databases import app_settings, fresh_database
from tests.compare.world import World


@pytest.fixture
def empty_target(tmp_path: Path, tiny_model_dir: Path) -> Iterator[Flask]:
    """A second, empty instance (SQLite) to restore into."""
    with fresh_database("sqlite", tmp_path, postgres_ok=False) as url:
        app = create_app(app_settings(url, tmp_path, tiny_model_dir))
        yield app
        from service.store.db import db

        with app.app_context():
            db.engine.dispose()


def export_ndjson(app_or_world: Flask | World) -> bytes:
    client = app_or_world.client if isinstance(app_or_world, World) else app_or_world.test_client()
    response = client.get("/api/v1/export/stances")
    assert response.status_code == 200
    assert response.mimetype == "application/x-ndjson"
    assert response.is_streamed and "ETag" not in response.headers
    return response.data


def restore_file(app: Flask, path: Path) -> str:
    result = app.test_cli_runner().invoke(import_stances, [str(path)])
    assert result.exit_code == 0, result.output
    return result.output


def without_ids(value: Any) -> Any:
    """The export with every id field dropped: equal 'modulo ids'."""
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items() if k not in {"id", "run_id"}}
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    return value


def test_ndjson_export_holds_every_record_with_provenance(world: World) -> None:
    lines = [json.loads(line) for line in export_ndjson(world).decode().splitlines()]
    assert lines[0] == {"type": "header", "format": "stance-tracker/stances", "version": 1}
    kinds = [line["type"] for line in lines]
    assert kinds.count("issue") == 1 and kinds.count("article") == 4
    stances = [line for line in lines if line["type"] == "stance"]
    current = {r["id"] for r in world.records}
    assert current < {s["id"] for s in stances}, "re-analysed (non-current) records are kept too"
    articles = {line["id"]: line for line in lines if line["type"] == "article"}
    assert len(articles[world.ids["articles"][0]]["runs"]) == 2
    unsupported = [a for a in articles.values() if a["status"] == "unsupported"]
    assert unsupported and unsupported[0]["runs"] == []
    for stance in stances:
        article = articles[stance["article"]["id"]]
        assert stance["article"]["content_hash"] == article["content_hash"]
        assert stance["actor"]["key"] and stance["issue"]["slug"]
        assert stance["model"]["name"] == "tiny-random-stance"
        assert stance["run_id"] in {run["id"] for run in article["runs"]}
        for evidence in stance["evidence"]:
            assert article["text"][evidence["start"] : evidence["end"]] == evidence["text"]
    reviewed = [s for s in stances if s["id"] in current]
    assert all(s["review"]["reviewer"] == "ann" and s["label"] == s["review"]["label"] for s in reviewed)


def test_csv_export_has_one_row_per_record(world: World) -> None:
    response = world.client.get(f"/api/v1/export/stances?format=csv&current=true&issue={world.ids['issue']}")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.data.decode())))
    assert sorted(int(r["record_id"]) for r in rows) == sorted(r["id"] for r in world.records)
    row = rows[0]
    assert len(row["article_text_sha256"]) == 64 and row["actor_key"] and row["model_name"]
    evidence = json.loads(row["evidence"])
    assert len(evidence) == int(row["evidence_count"]) and {"start", "end", "is_quote"} <= set(evidence[0])
    by_accept = world.client.get("/api/v1/export/stances", headers={"Accept": "text/csv"})
    assert by_accept.mimetype == "text/csv"
    by_accept.close()  # an unread stream: closing it ends its database session
    assert world.client.get("/api/v1/export/stances?actor=999999").status_code == 404


def test_restore_into_an_empty_instance_is_lossless(
    world: World, empty_target: Flask, tmp_path: Path
) -> None:
    exported = export_ndjson(world)
    path = tmp_path / "stances.ndjson"
    path.write_bytes(exported)
    output = restore_file(empty_target, path)
    assert "ids kept" in output
    assert export_ndjson(empty_target) == exported
    client = empty_target.test_client()
    records = client.get("/api/v1/stances?limit=500").json["items"]
    assert records == world.records, "the restored instance answers the API the same"
    # The restored instance keeps working: new rows get fresh ids.
    assert client.post("/api/v1/issues", json={"name": "another issue"}).status_code == 201
    again = restore_file(empty_target, path)
    assert "4 articles already present" in again and "new ids assigned" in again


def test_restore_into_a_populated_instance_is_equal_modulo_ids(
    world: World, empty_target: Flask, tmp_path: Path
) -> None:
    client = empty_target.test_client()
    client.post("/api/v1/issues", json={"name": "an unrelated issue"})
    client.post("/api/v1/actors", json={"name": "Denmark", "kind": "country"})
    exported = export_ndjson(world)
    path = tmp_path / "stances.ndjson"
    path.write_bytes(exported)
    assert "new ids assigned" in restore_file(empty_target, path)
    before = [json.loads(line) for line in exported.decode().splitlines()]
    after = [json.loads(line) for line in export_ndjson(empty_target).decode().splitlines()]
    after = [line for line in after if line.get("slug") != "an-unrelated-issue"]
    assert without_ids(after) == without_ids(before)
    assert after != before, "the ids did move"


def test_restore_rejects_a_broken_file(empty_target: Flask, tmp_path: Path) -> None:
    path = tmp_path / "broken.ndjson"
    path.write_text(
        '{"type": "header", "format": "stance-tracker/stances", "version": 1}\n{"type": "mystery"}\n'
    )
    result = empty_target.test_cli_runner().invoke(import_stances, [str(path)])
    assert result.exit_code != 0
    assert "line 2" in result.output and "mystery" in result.output
