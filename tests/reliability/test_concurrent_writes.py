"""Concurrent identical writes against a real gunicorn: one article, always.

Fifty threads POST the same article at once (the unique constraints decide, so
there is no check-then-insert race), then fifty more POST another article under
one Idempotency-Key (one request runs, the others replay it or are told it is
in progress).
"""

from __future__ import annotations

import subprocess
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.reliability.processes import BIN, deployment_env, gunicorn

pytestmark = pytest.mark.slow
PARALLEL = 50


@pytest.fixture
def served(tmp_path: Path, database_url: str, tiny_model_dir: Path) -> Iterator[tuple[str, str]]:
    """gunicorn with API keys on; yields (base URL, a write key)."""
    env = deployment_env(tmp_path, database_url, tiny_model_dir, STANCE_AUTH_ENABLED="1")
    key = subprocess.run(
        [str(BIN / "stance-tracker"), "keys", "create", "--name", "loader", "--scope", "write", "--scope", "read"],
        env=env, check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    with gunicorn(env, tmp_path / "web.log") as base:
        yield base, key


def _post_together(
    url: str, bodies: list[dict[str, object]], headers: dict[str, str]
) -> list[httpx.Response]:
    barrier = threading.Barrier(len(bodies))

    def post(body: dict[str, object]) -> httpx.Response:
        with httpx.Client(timeout=60) as client:
            barrier.wait()
            return client.post(url, json=body, headers=headers)

    with ThreadPoolExecutor(len(bodies)) as pool:
        return list(pool.map(post, bodies))


def test_parallel_duplicate_posts_make_one_article(served: tuple[str, str]) -> None:
    base, key = served
    auth = {"Authorization": f"Bearer {key}"}
    article = {"title": "Dup", "url": "https://example.org/dup", "text": "Norway backs the talks. " * 20}

    responses = _post_together(f"{base}/articles", [article] * PARALLEL, auth)

    statuses = Counter(r.status_code for r in responses)
    assert statuses == {202: 1, 200: PARALLEL - 1}, statuses
    assert len({r.json()["id"] for r in responses}) == 1
    listed = httpx.get(f"{base}/articles", headers=auth).json()["items"]
    assert [a["id"] for a in listed] == [responses[0].json()["id"]]


def test_parallel_posts_with_one_idempotency_key_run_once(served: tuple[str, str]) -> None:
    base, key = served
    headers = {"X-API-Key": key, "Idempotency-Key": "order-7"}
    article = {"title": "Once", "text": "Sweden opposes the plan. " * 20}

    responses = _post_together(f"{base}/articles", [article] * PARALLEL, headers)

    first = [r for r in responses if r.status_code == 202 and "Idempotent-Replayed" not in r.headers]
    replayed = [r for r in responses if r.headers.get("Idempotent-Replayed") == "true"]
    in_progress = [r for r in responses if r.status_code == 409]
    assert len(first) == 1
    assert len(first) + len(replayed) + len(in_progress) == PARALLEL
    assert all(r.status_code == 202 and r.json()["id"] == first[0].json()["id"] for r in replayed)
    assert all(r.headers["content-type"] == "application/problem+json" for r in in_progress)
    again = httpx.post(f"{base}/articles", json=article, headers=headers)
    assert again.status_code == 202 and again.headers["Idempotent-Replayed"] == "true"
    assert len(httpx.get(f"{base}/articles", headers=headers).json()["items"]) == 1
