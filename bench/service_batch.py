"""A burst of articles through the running service: N seed-sized articles
posted at once, analysed by one worker; seconds until the last is done.

Starts a real deployment on a temporary SQLite database and SQLite queue
(`stance-tracker init`, `serve`, `worker` with STANCE_WORKER_BATCH), warms the
worker up with one article, then posts N copies of the seed article in one
POST /articles/batch and polls until every one is done. Each copy ends with
its own one-line paragraph (the service refuses duplicate texts), and the
classifier's pair cache is off, so no copy is answered from another's work.

    python bench/service_batch.py [--articles 50] [--batch 8] [--set ../shared/eval/seed]

Without ../shared the longest article of the bundled eval/dev is used.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.evaluation.dataset import EvalArticle, EvalSetError, load_eval_set

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "eval" / "seed"
CLI = str(Path(sys.executable).with_name("stance-tracker"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--batch", type=int, default=8, help="STANCE_WORKER_BATCH")
    parser.add_argument("--set", default=str(SEED))
    args = parser.parse_args()
    article = _article(Path(args.set))
    with tempfile.TemporaryDirectory(prefix="stance-bench-") as tmp:
        port = _free_port()
        env = {
            **os.environ,
            "STANCE_DATA_DIR": tmp,
            "STANCE_AUTH_ENABLED": "false",
            "STANCE_RATELIMIT_ENABLED": "false",
            "STANCE_BIND": f"127.0.0.1:{port}",
            "STANCE_WORKER_BATCH": str(args.batch),
            "STANCE_CLASSIFIER_CACHE_SIZE": "0",
            "STANCE_LOG_JSON": "false",
        }
        subprocess.run([CLI, "init"], env=env, check=True, capture_output=True)
        logs = Path(tmp) / "logs.txt"
        with logs.open("w") as log:
            server = subprocess.Popen([CLI, "serve", "--no-init"], env=env, stdout=log, stderr=log)
            worker = subprocess.Popen([CLI, "worker"], env=env, stdout=log, stderr=log)
            try:
                run(f"http://127.0.0.1:{port}/api/v1", article, args.articles, args.batch)
            finally:
                for process in (server, worker):
                    process.terminate()
                    process.wait(timeout=30)


def run(base: str, article: EvalArticle, count: int, batch: int) -> None:
    _wait_ready(base)
    for issue in article.issues:
        _call(
            base + "/issues",
            {"name": issue.name, "description": issue.description, "keywords": list(issue.keywords)},
        )
    body = {"title": article.title or article.slug, "text": article.text}
    if article.published:
        body["published_at"] = article.published.isoformat()
    started = time.perf_counter()
    warm = _call(base + "/articles?wait=300", {**body, "text": article.text + "\n\nWarm-up copy."})
    print(f"warm-up article: {warm['status']} after {time.perf_counter() - started:.1f} s (models loading)")
    copies = [{**body, "text": f"{article.text}\n\nCopy number {n}."} for n in range(count)]
    started = time.perf_counter()
    answer = _call(base + "/articles/batch", copies)
    ids = [item["article"]["id"] for item in answer["results"]]
    posted = time.perf_counter() - started
    pending = set(ids)
    while pending:
        time.sleep(0.25)
        for article_id in list(pending):
            status = _call(f"{base}/articles/{article_id}")["status"]
            if status in ("done", "failed", "unsupported"):
                pending.discard(article_id)
    elapsed = time.perf_counter() - started
    words = len(article.text.split())
    print(f"{count} articles of {words} words, one worker, STANCE_WORKER_BATCH={batch}")
    print(
        f"posted in {posted:.1f} s; all analysed after {elapsed:.1f} s ({60 * count / elapsed:.1f} articles/min)"
    )


def _article(folder: Path) -> EvalArticle:
    try:
        return load_eval_set(folder)[0]
    except (EvalSetError, FileNotFoundError, OSError) as exc:
        print(f"{folder}: {exc}; using the longest article of eval/dev instead")
        return max(load_eval_set(ROOT / "eval" / "dev"), key=lambda a: len(a.text))


def _call(url: str, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read())


def _wait_ready(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            _call(base + "/health")
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not start within 60 s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


if __name__ == "__main__":
    main()
