"""Analysis faults through the API (queue in immediate mode): retries with
exponential backoff, a failed article with its error, re-queueing it, and
re-analysis by a newer model that keeps the older records (versioned runs)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from service.web.app import create_app
from service.worker.tasks import huey
from tests.api.analysis_fixtures import ARTICLE, create_catalogue
from tests.model_factory import build_tiny_stance_model


@pytest.fixture
def queue() -> Iterator[Any]:
    huey.flush()
    yield huey
    huey.flush()


def _run_due_retry(queue: Any, app: Flask) -> float:
    """Run the one scheduled retry as the worker of `app` would; returns how
    far ahead it was scheduled (seconds)."""
    (task,) = queue.scheduled()
    ahead = (task.eta - datetime.utcnow()).total_seconds()
    queue.read_schedule(task.eta)
    with app.app_context():
        queue.execute(task, timestamp=task.eta)  # as if the delay had passed
    return float(ahead)


def test_failures_retry_with_backoff_then_fail_and_can_be_requeued(
    settings_overrides: dict[str, Any], tmp_path: Path, queue: Any
) -> None:
    broken_app = create_app(
        {**settings_overrides, "model_path": str(tmp_path / "no-model"), "job_retries": 2,
         "job_retry_delay": 30, "job_retry_backoff": 2.0}
    )  # fmt: skip
    broken = broken_app.test_client()
    create_catalogue(broken)
    article_id = broken.post("/api/v1/articles", json=ARTICLE).json["id"]

    article = broken.get(f"/api/v1/articles/{article_id}").json
    assert article["status"] == "queued" and article["error"], "attempt 1 failed, retry scheduled"
    assert 25 < _run_due_retry(queue, broken_app) <= 30
    assert 55 < _run_due_retry(queue, broken_app) <= 60, "the second retry waits twice as long"
    assert queue.scheduled() == [], "retries exhausted"
    failed = broken.get(f"/api/v1/articles/{article_id}").json
    assert failed["status"] == "failed"
    assert "no-model" in failed["error"]
    assert broken.get(f"/api/v1/articles/{article_id}/runs").json["items"] == []

    fixed = create_app(settings_overrides).test_client()
    requeued = fixed.post(f"/api/v1/articles/{article_id}/reanalyse")
    assert requeued.status_code == 202
    done = fixed.get(f"/api/v1/articles/{article_id}").json
    assert done["status"] == "done" and done["error"] is None and done["stances"]


def test_reanalysis_by_a_newer_model_keeps_the_older_records(
    settings_overrides: dict[str, Any], tmp_path: Path, queue: Any
) -> None:
    v1 = create_app(settings_overrides).test_client()
    create_catalogue(v1)
    article_id = v1.post("/api/v1/articles", json=ARTICLE).json["id"]
    old_ids = {s["id"] for s in v1.get(f"/api/v1/articles/{article_id}").json["stances"]}
    newer = build_tiny_stance_model(tmp_path / "v2", seed=1, name="tiny-stance-v2", favour="support")
    v2 = create_app({**settings_overrides, "model_path": str(newer)}).test_client()

    assert v2.post(f"/api/v1/articles/{article_id}/reanalyse").status_code == 202

    current = v2.get(f"/api/v1/articles/{article_id}").json["stances"]
    assert current and {s["model"]["name"] for s in current} == {"tiny-stance-v2"}
    assert not old_ids & {s["id"] for s in current}
    latest, older = v2.get(f"/api/v1/articles/{article_id}/runs").json["items"]
    assert (latest["model"]["name"], latest["is_current"]) == ("tiny-stance-v2", True)
    assert (older["model"]["name"], older["is_current"]) == ("tiny-random-stance", False)
    assert {s["id"] for s in older["stances"]} == old_ids
    assert all(not s["is_current"] and s["model"]["version"] == "test-0" for s in older["stances"])
    assert all(s["is_current"] for s in latest["stances"])
    kept = v2.get(f"/api/v1/stances/{min(old_ids)}").json
    assert kept["is_current"] is False and kept["model"]["name"] == "tiny-random-stance"
