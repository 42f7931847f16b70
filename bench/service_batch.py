"""A burst of articles through the running service: N real articles posted
at once, analysed by one worker; seconds until the last is done.

Starts a real deployment on a temporary SQLite database and SQLite queue
(`stance-tracker init`, `serve`, `worker` with STANCE_WORKER_BATCH), warms the
worker up with one article, then posts N articles in one POST /articles/batch
and polls until every one is done. The articles cycle through the annotated
sets (the seed, eval/dev, eval/wikinews: 26 distinct real articles), with all
their issues in the catalogue. Copies of one article never meet in one batch
(the classifier scores a repeated pair once per call, which would flatter the
figure) and the pair cache is off. Besides articles/min the bench prints
words/min and the same in seed-sized articles (words / 1,235).

    python bench/service_batch.py [--articles 50] [--batch 8] [--seed-sized]

`--seed-sized` cuts the articles' paragraphs, in order, into bodies of at
least the seed's 1,235 words, so "50 seed-sized articles" is measured as it
reads rather than converted by words.

Without ../shared only the bundled eval/dev is used (6 articles: then keep
--batch under 6).
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
SETS = (ROOT.parent / "shared" / "eval" / "seed", ROOT / "eval" / "dev", ROOT / "eval" / "wikinews")
SEED_WORDS = 1235  # the seed article
CLI = str(Path(sys.executable).with_name("stance-tracker"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--batch", type=int, default=8, help="STANCE_WORKER_BATCH")
    parser.add_argument(
        "--seed-sized",
        action="store_true",
        help="join consecutive real articles until each has the seed's 1,235 words",
    )
    args = parser.parse_args()
    articles = _articles()
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
        with (Path(tmp) / "logs.txt").open("w") as log:
            server = subprocess.Popen([CLI, "serve", "--no-init"], env=env, stdout=log, stderr=log)
            worker = subprocess.Popen([CLI, "worker"], env=env, stdout=log, stderr=log)
            try:
                run(f"http://127.0.0.1:{port}/api/v1", articles, args.articles, args.batch, args.seed_sized)
                print(f"worker peak RSS: {_peak_rss_mib(worker.pid):.0f} MiB (with its child processes)")
            finally:
                for process in (server, worker):
                    process.terminate()
                    process.wait(timeout=30)


def run(base: str, articles: list[EvalArticle], count: int, batch: int, seed_sized: bool = False) -> None:
    _wait_ready(base)
    issues = {issue.key: issue for article in articles for issue in article.issues}
    for issue in issues.values():
        _call(
            base + "/issues",
            {"name": issue.name, "description": issue.description, "keywords": list(issue.keywords)},
        )
    bodies = [_body(article) for article in articles]
    if seed_sized:
        bodies = _seed_sized(bodies)
    started = time.perf_counter()
    warm = _call(base + "/articles?wait=300", {**bodies[0], "text": bodies[0]["text"] + "\n\nWarm-up copy."})
    print(f"warm-up article: {warm['status']} after {time.perf_counter() - started:.1f} s (models loading)")
    chosen = [bodies[n % len(bodies)] for n in range(count)]
    copies = [{**body, "text": f"{body['text']}\n\nCopy number {n}."} for n, body in enumerate(chosen)]
    started = time.perf_counter()
    answer = _call(base + "/articles/batch", copies)
    ids = [item["article"]["id"] for item in answer["results"]]
    posted = time.perf_counter() - started
    pending = set(ids)
    while pending:
        time.sleep(0.25)
        for article_id in list(pending):
            if _call(f"{base}/articles/{article_id}")["status"] in ("done", "failed", "unsupported"):
                pending.discard(article_id)
    elapsed = time.perf_counter() - started
    words = sum(len(body["text"].split()) for body in copies)
    print(
        f"{count} articles ({len(bodies)} distinct, {words / count:.0f} words each), one worker, batch {batch}"
    )
    print(
        f"posted in {posted:.1f} s; all analysed after {elapsed:.1f} s ({60 * count / elapsed:.1f} articles/min)"
    )
    print(
        f"{60 * words / elapsed:.0f} words/min = {60 * words / elapsed / SEED_WORDS:.1f} seed-sized articles/min"
    )


def _body(article: EvalArticle) -> dict[str, Any]:
    body = {"title": article.title or article.slug, "text": article.text}
    if article.published:
        body["published_at"] = article.published.isoformat()
    return body


def _seed_sized(bodies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The articles' paragraphs, in order, cut into bodies of at least the seed's word
    count at paragraph breaks: the issue's "seed-sized articles", from real text. A
    body takes the title and date of the article its first paragraph comes from."""
    out: list[dict[str, Any]] = []
    paragraphs: list[str] = []
    first: dict[str, Any] | None = None
    for body in bodies:
        for paragraph in (p for p in body["text"].split("\n\n") if p.strip()):
            first = first or body
            paragraphs.append(paragraph)
            if sum(len(p.split()) for p in paragraphs) >= SEED_WORDS:
                out.append({**first, "text": "\n\n".join(paragraphs)})
                paragraphs, first = [], None
    return out


def _articles() -> list[EvalArticle]:
    out: list[EvalArticle] = []
    for folder in SETS:
        try:
            out += load_eval_set(folder)
        except (EvalSetError, FileNotFoundError, OSError) as exc:
            print(f"{folder}: skipped ({exc})")
    return out


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


def _peak_rss_mib(pid: int) -> float:
    """VmHWM of a process and its children (Linux /proc), in MiB."""
    total = 0.0
    children = Path(f"/proc/{pid}/task/{pid}/children")
    pids = [pid] + ([int(c) for c in children.read_text().split()] if children.exists() else [])
    for each in pids:
        for line in Path(f"/proc/{each}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1]) / 1024
    return total


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


if __name__ == "__main__":
    main()
