"""Schemathesis against a live server: every check, every phase.

Starts the service as deployed (`stance-tracker serve`, gunicorn, API keys on,
SQLite in a throw-away folder, the shipped model), seeds one issue, three
actors and one article over HTTP, then runs

    schemathesis run api_spec/openapi.json --checks all
        --phases examples,coverage,fuzzing,stateful --max-examples N

with an admin key, using `api_spec/schemathesis.toml` (413 counts as a
rejection, no cache between runs, and the hooks of
`tests/reliability/schemathesis_hooks.py`: a fresh Idempotency-Key per
request, and only documented cross-field refusals dropped).
The exit status is schemathesis's own (0: no failure). One schemathesis
worker: with two threads, CPython 3.11.7's `ast` (which hypothesis uses to
describe strategies) can fail with "AST constructor recursion depth mismatch".

    .venv/bin/python scripts/api_conformance.py --max-examples 40
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SPEC = REPO / "api_spec" / "openapi.json"
CONFIG = REPO / "api_spec" / "schemathesis.toml"

ISSUE = {
    "name": "arming the rebels",
    "description": "Supplying weapons to rebel forces. support = favours arming; oppose = against.",
    "keywords": ["lethal aid", "arming the rebels"],
}
ARTICLE = {
    "title": "Ministers split over lethal aid",
    "published_at": "2021-03-04",
    "source": "Conformance Wire",
    "text": "Norway strongly opposes sending lethal aid to the rebels, Foreign Minister Ine Eriksen said. "
    "Sweden has backed a plan to supply weapons to the rebels.",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def call(base: str, key: str, method: str, path: str, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        base + path, data=data, method=method, headers={"X-API-Key": key, "Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


def wait_until_up(base: str, server: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server exited before it answered")
        try:
            urllib.request.urlopen(base + "/api/v1/health", timeout=2).close()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not answer /api/v1/health")


def seed(base: str, key: str) -> None:
    call(base, key, "POST", "/api/v1/issues", ISSUE)
    norway = call(
        base, key, "POST", "/api/v1/actors", {"name": "Norway", "kind": "country", "aliases": ["Oslo"]}
    )
    call(base, key, "POST", "/api/v1/actors", {"name": "Sweden", "kind": "country"})
    call(
        base, key, "POST", "/api/v1/actors",
        {"name": "Ine Eriksen", "kind": "person",
         "affiliations": [{"parent_id": norway["id"], "role": "minister", "valid_from": "2017-10-20"}]},
    )  # fmt: skip
    call(base, key, "POST", "/api/v1/articles?wait=30", ARTICLE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=40)
    parser.add_argument("--phases", default="examples,coverage,fuzzing,stateful")
    parser.add_argument("--model", help="Stance model folder (default: the shipped one)")
    parser.add_argument("--keep", action="store_true", help="Keep the data folder and server log")
    args, extra = parser.parse_known_args()

    folder = Path(tempfile.mkdtemp(prefix="stance-conformance-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "STANCE_DATA_DIR": str(folder),
        "STANCE_QUEUE_URL": "immediate://",  # analysis inline: no worker process to manage
        "STANCE_LOAD_DEFAULT_ACTORS": "false",
        "STANCE_AUTH_ENABLED": "true",
        "STANCE_RATELIMIT_ENABLED": "false",  # thousands of requests a minute from one key
        "STANCE_MAX_WAIT_SECONDS": "2",
        "STANCE_BIND": f"127.0.0.1:{port}",
        "STANCE_WEB_WORKERS": "2",
        "HF_HUB_OFFLINE": "1",
    }
    if args.model:
        env.update({"STANCE_MODEL_PATH": args.model, "STANCE_QUANTIZE": "false"})
    cli = str(BIN / "stance-tracker")
    subprocess.run([cli, "init"], env=env, check=True, capture_output=True)
    key = subprocess.run(
        [cli, "keys", "create", "--name", "schemathesis", "--scope", "admin"],
        env=env, check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    log = (folder / "server.log").open("wb")
    server = subprocess.Popen([cli, "serve", "--no-init"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_up(base, server)
        seed(base, key)
        command = [
            str(BIN / "schemathesis"), "--config-file", str(CONFIG), "run", str(SPEC),
            "--url", base, "--header", f"X-API-Key: {key}", "--checks", "all",
            "--phases", args.phases, "--max-examples", str(args.max_examples),
            "--generation-deterministic", "--workers", "1", "--suppress-health-check", "all",
            # The queue runs inline here, so a web process's first article loads spaCy and the
            # models inside the request: 6 s on a warm machine, past schemathesis's default
            # 10 s on a cold fresh clone (a "Read timed out" in CI). Latency is not what this
            # run judges; the second process is the one the seed article cannot warm.
            "--request-timeout", "60", *extra,
        ]  # fmt: skip
        return subprocess.run(command, env=env, cwd=REPO).returncode
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        if args.keep:
            print(f"data and server log kept in {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
