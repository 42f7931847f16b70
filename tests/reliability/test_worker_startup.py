"""A worker started before the database is migrated (two containers starting
together) waits for the schema with one log line, then works; no traceback."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.api.analysis_fixtures import ARTICLE, ISSUE
from tests.reliability.processes import BIN, deployment_env, gunicorn, start, stop

pytestmark = pytest.mark.slow


def _wait_for(log: Path, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        content = log.read_text(errors="replace") if log.exists() else ""
        if text in content:
            return content
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not in the log within {seconds} s:\n{log.read_text(errors='replace')}")


def test_a_worker_started_before_the_migrations_waits_for_them(tmp_path: Path, tiny_model_dir: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'empty.db'}"
    env = deployment_env(tmp_path, database_url, tiny_model_dir, STANCE_LOG_JSON="0")
    log = tmp_path / "worker.out"
    worker = start(["worker"], env, log)
    try:
        _wait_for(log, "waiting for the database schema")
        subprocess.run([str(BIN / "stance-tracker"), "init"], env=env, check=True, capture_output=True)
        _wait_for(log, "database schema ready")
        with gunicorn({**env, "STANCE_AUTH_ENABLED": "0"}, tmp_path / "web.out") as base:
            httpx.post(f"{base}/issues", json=ISSUE)
            article = httpx.post(f"{base}/articles", json=ARTICLE, timeout=10).json()
            deadline = time.monotonic() + 60
            while article["status"] in ("queued", "processing") and time.monotonic() < deadline:
                time.sleep(0.3)
                article = httpx.get(f"{base}/articles/{article['id']}").json()
            assert article["status"] == "done", article
    finally:
        stop(worker)
    content = log.read_text(errors="replace")
    assert content.count("waiting for the database schema") == 1
    assert "Traceback" not in content and "no such table" not in content
