"""The real deployment shape: gunicorn serving the API and a separate huey
worker process, sharing the database and the SQLite queue."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.analysis_fixtures import ARTICLE, ISSUE
from tests.reliability.processes import deployment_env, free_port, gunicorn, start, stop

pytestmark = pytest.mark.slow


WORKER_METRICS_PORT = free_port()


@pytest.fixture
def deployment(tmp_path: Path, database_url: str, tiny_model_dir: Path) -> Iterator[str]:
    env = deployment_env(
        tmp_path, database_url, tiny_model_dir, STANCE_WORKER_METRICS_PORT=str(WORKER_METRICS_PORT)
    )
    logs = tmp_path / "logs"
    logs.mkdir()
    worker = start(["worker"], env, logs / "worker.out")
    try:
        with gunicorn(env, logs / "web.out") as base:
            yield base
    finally:
        stop(worker)


def test_article_flows_from_gunicorn_through_the_worker_to_every_view(
    deployment: str, tmp_path: Path
) -> None:
    base = deployment
    issue = httpx.post(f"{base}/issues", json=ISSUE).json()
    norway = httpx.post(
        f"{base}/actors", json={"name": "Norway", "kind": "country", "aliases": ["Oslo"]}
    ).json()
    httpx.post(f"{base}/actors", json={"name": "Sweden", "kind": "country", "aliases": ["Stockholm"]})

    posted = httpx.post(f"{base}/articles", json=ARTICLE, timeout=10)
    assert posted.status_code == 202
    location = posted.headers["Location"]
    deadline = time.monotonic() + 120
    article = posted.json()
    while article["status"] in ("queued", "processing") and time.monotonic() < deadline:
        time.sleep(0.5)
        article = httpx.get(f"http://{base.split('/')[2]}{location}").json()
    assert article["status"] == "done", article

    stances = httpx.get(f"{base}/stances", params={"issue": issue["id"]}).json()["items"]
    assert {s["actor"]["name"] for s in stances} >= {"Norway", "Sweden"}
    history = httpx.get(f"{base}/actors/{norway['id']}/history", params={"interval": "month"}).json()
    assert history["periods"] and history["periods"][0]["start"] == "2021-03-01"
    positions = httpx.get(f"{base}/issues/{issue['id']}/positions").json()["positions"]
    assert norway["id"] in {p["actor"]["id"] for p in positions}
    info = httpx.get(f"{base}/info").json()
    assert info["model"]["name"] == "tiny-random-stance"
    assert httpx.get(f"{base}/ready").json()["checks"] == {"database": True, "queue": True}

    # Metrics sum gunicorn's processes (PROMETHEUS_MULTIPROC_DIR); the worker serves its own.
    for _ in range(6):
        httpx.get(f"{base}/health")
    metrics = httpx.get(f"{base}/metrics").text
    health = re.search(
        r'stance_http_requests_total\{endpoint="/api/v1/health",method="GET",status="200"\} (\S+)', metrics
    )
    assert health is not None and float(health.group(1)) >= 6, metrics[:2000]
    assert 'stance_articles{status="done"} 1.0' in metrics
    worker_metrics = httpx.get(f"http://127.0.0.1:{WORKER_METRICS_PORT}/metrics").text
    assert 'stance_worker_articles_total{outcome="done"} 1.0' in worker_metrics
    assert 'stance_worker_stage_seconds_count{stage="classify"} 1.0' in worker_metrics

    # The worker logs JSON lines, each analysis with its article id.
    lines = [
        json.loads(line)
        for line in (tmp_path / "logs" / "worker.out").read_text().splitlines()
        if line.startswith("{")
    ]
    analysed = [line for line in lines if line.get("event") == "article analysed"]
    assert analysed and analysed[0]["article_id"] == article["id"] and analysed[0]["level"] == "info"
