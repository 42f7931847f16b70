"""Real processes for the reliability tests: gunicorn serving the API and huey
workers, configured through STANCE_* variables like a deployment."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def deployment_env(tmp_path: Path, database_url: str, model_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a one-machine deployment on `database_url`."""
    return {
        **os.environ,
        "STANCE_DATA_DIR": str(tmp_path),
        "STANCE_DATABASE_URL": database_url,
        "STANCE_QUEUE_URL": f"sqlite:///{tmp_path / 'queue.db'}",
        "STANCE_MODEL_PATH": str(model_dir),
        "STANCE_QUANTIZE": "0",
        "STANCE_LOAD_DEFAULT_ACTORS": "0",
        **extra,
    }


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(BIN / "stance-tracker"), *args], env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT
    )


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_ready(base: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
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


@contextmanager
def gunicorn(env: dict[str, str], log: Path, workers: int = 2, threads: int = 8) -> Iterator[str]:
    """Serve the API on a free loopback port; yields the /api/v1 base URL."""
    port = free_port()
    env = {**env, "STANCE_BIND": f"127.0.0.1:{port}", "STANCE_WEB_WORKERS": str(workers),
           "STANCE_WEB_THREADS": str(threads)}  # fmt: skip
    proc = start(["serve", "--no-init"], env, log)
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        wait_ready(base, proc)
        yield base
    finally:
        stop(proc)
