"""The real deployment shape: gunicorn serving the API and a separate huey
worker process, sharing the database and the SQLite queue."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.analysis_fixtures import ARTICLE, ISSUE

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(base: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError("server did not start")


@pytest.fixture
def deployment(tmp_path: Path, database_url: str, tiny_model_dir: Path) -> Iterator[str]:
    port = _free_port()
    env = {
        **os.environ,
        "STANCE_DATA_DIR": str(tmp_path),
        "STANCE_DATABASE_URL": database_url,
        "STANCE_QUEUE_URL": f"sqlite:///{tmp_path / 'queue.db'}",
        "STANCE_MODEL_PATH": str(tiny_model_dir),
        "STANCE_QUANTIZE": "0",
        "STANCE_LOAD_DEFAULT_ACTORS": "0",
        "STANCE_BIND": f"127.0.0.1:{port}",
        "STANCE_WEB_WORKERS": "2",
    }
    logs = tmp_path / "logs"
    logs.mkdir()
    web = subprocess.Popen(
        [str(BIN / "stance-tracker"), "serve"], env=env,
        stdout=(logs / "web.out").open("wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    worker = subprocess.Popen(
        [str(BIN / "stance-tracker"), "worker"], env=env,
        stdout=(logs / "worker.out").open("wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        _wait_ready(base, web)
        yield base
    finally:
        for proc in (web, worker):
            proc.send_signal(signal.SIGINT)
        for proc in (web, worker):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def test_article_flows_from_gunicorn_through_the_worker_to_every_view(deployment: str) -> None:
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
