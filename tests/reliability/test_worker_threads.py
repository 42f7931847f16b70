"""How many model threads each worker process gets (STANCE_WORKER_THREADS, STANCE_TORCH_THREADS)."""

from __future__ import annotations

import os

import pytest

from service.config import load_settings
from service.worker.runtime import classifier_config, model_threads


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, None),  # one process: every core
        ({"STANCE_WORKER_THREADS": "2"}, max(1, (os.cpu_count() or 1) // 2)),  # cores shared out
        ({"STANCE_WORKER_THREADS": "64"}, 1),  # never under one thread
        ({"STANCE_WORKER_THREADS": "2", "STANCE_TORCH_THREADS": "3"}, 3),  # the operator's choice wins
    ],
)
def test_worker_processes_share_the_cores(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: int | None
) -> None:
    for name in ("STANCE_WORKER_THREADS", "STANCE_TORCH_THREADS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = load_settings()
    assert model_threads(settings) == expected
    assert classifier_config(settings).threads == expected
