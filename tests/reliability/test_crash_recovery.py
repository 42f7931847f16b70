"""A worker killed with SIGKILL in the middle of a job loses nothing: after a
restart every article is analysed exactly once (one AnalysisRun each).

The first worker pauses between writing an analysis and committing it (the
test-only STANCE_FAULT_COMMIT_DELAY_SECONDS), is killed there, and leaves an
article "processing" with nothing committed. Its heartbeat stops, so after
STANCE_STALE_AFTER_SECONDS the restarted worker takes the article over.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.analysis_fixtures import ARTICLE, ISSUE
from tests.reliability.processes import deployment_env, gunicorn, start, stop

pytestmark = pytest.mark.slow
STALE_AFTER = 3


def _until(condition: Callable[[], Any], seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise TimeoutError(what)


@pytest.fixture
def site(tmp_path: Path, database_url: str, tiny_model_dir: Path) -> Iterator[tuple[str, dict[str, str]]]:
    env = deployment_env(
        tmp_path, database_url, tiny_model_dir,
        STANCE_HEARTBEAT_SECONDS="0.5", STANCE_STALE_AFTER_SECONDS=str(STALE_AFTER),
    )  # fmt: skip
    with gunicorn(env, tmp_path / "web.log") as base:
        yield base, env


def test_sigkill_mid_commit_then_restart_analyses_each_article_once(
    site: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    base, env = site
    httpx.post(f"{base}/issues", json=ISSUE).raise_for_status()
    for name, alias in (("Norway", "Oslo"), ("Sweden", "Stockholm")):
        httpx.post(f"{base}/actors", json={"name": name, "kind": "country", "aliases": [alias]})
    ids = []
    for n in range(3):
        article = {
            **ARTICLE,
            "url": f"https://example.org/crash/{n}",
            "text": f"{ARTICLE['text']}\n\nPart {n}.",
        }
        ids.append(httpx.post(f"{base}/articles", json=article).json()["id"])

    def articles() -> list[dict[str, Any]]:
        return [httpx.get(f"{base}/articles/{i}").json() for i in ids]

    log = tmp_path / "worker.log"
    doomed = start(["worker"], {**env, "STANCE_FAULT_COMMIT_DELAY_SECONDS": "120"}, log)
    try:
        victim = _until(
            lambda: next((a for a in articles() if a["status"] == "processing"), None), 120, "no job started"
        )
        time.sleep(2)  # the tiny model is fast: the job now waits inside its open transaction
        doomed.send_signal(signal.SIGKILL)
        doomed.wait(timeout=10)
    finally:
        stop(doomed)

    assert httpx.get(f"{base}/articles/{victim['id']}").json()["status"] == "processing"
    assert httpx.get(f"{base}/articles/{victim['id']}/runs").json()["items"] == [], "nothing half-written"
    assert httpx.get(f"{base}/stances").json()["items"] == []
    time.sleep(STALE_AFTER + 1)  # the dead worker's heartbeat has stopped: its claim goes stale

    survivor = start(["worker"], env, log)
    try:
        done = _until(
            lambda: (lambda a: a if all(x["status"] == "done" for x in a) else None)(articles()),
            180, "articles not analysed after the restart",
        )  # fmt: skip
        time.sleep(2)  # duplicate queue messages (swept and original) are drained by now
        runs = {i: httpx.get(f"{base}/articles/{i}/runs").json()["items"] for i in ids}
    finally:
        stop(survivor)

    assert {i: len(r) for i, r in runs.items()} == {i: 1 for i in ids}, "each article analysed exactly once"
    assert all(a["stances"] and a["error"] is None for a in done)
