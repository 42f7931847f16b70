"""Load bench: 1,000,000 stance records, 60 s of mixed reads and writes.

For each backend (SQLite, PostgreSQL) this script

1. migrates a fresh database and bulk-loads it (no pipeline): 2,000 actors,
   50 issues, 100,000 articles, their analysis runs and 1,000,000 stance
   records with one evidence sentence each (10 % of the articles were analysed
   twice, so 100,000 records are older, non-current versions);
2. reads the whole database once (pg_prewarm on PostgreSQL), as a server
   that has run a while would have it in memory; starts gunicorn on loopback with the production settings (API keys on,
   rate limits on with a limit the bench cannot reach, 2 workers x 4 threads);
3. runs wrk against GET /api/v1/health (the trivial endpoint) and the mixed
   workload in --rounds interleaved rounds (--trivial and --duration seconds
   in all; the best round of each is compared, since a noisy neighbour on a
   shared machine only ever slows a round down): 40 % actor history
   on one issue (the dashboard's timeline request), 40 % stance feeds (plain,
   per actor, per issue, per label), 10 % single articles, 10 % submissions;
   --watched (default 0.8) of the reads come from dashboards polling 20
   actors on 5 issues and the 200 newest articles, the rest pick uniformly
   among all 2,000 actors, 50 issues and 100,000 articles (--watched 0: all
   uniform, the worst case for the response cache);
4. meanwhile a sequential probe times /stances, /actors/{id}/history?issue=
   and /actors/{id}/history (all issues) from the client side (p50/p99),
   always on uniformly drawn actors and issues (mostly cache misses); it runs
   in both phases, so both share the machine with it alike, and its timings
   are reported for the mixed phase;
5. prints errors, throughput, the ratio mixed / trivial and the latencies.

    python bench/load.py                      # both backends, about 8 minutes
    python bench/load.py --reuse              # the same, on the databases seeded by the last run
    python bench/load.py --backend sqlite --duration 20 --records 200000

Needs wrk (Debian package `wrk`), PostgreSQL at --postgres-url and Redis (the
PostgreSQL deployment queues on Redis, like a multi-machine one).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.store.migrate import upgrade  # noqa: E402
from service.web.auth import hash_key  # noqa: E402

ACTORS, ISSUES, RECORDS_PER_RUN = 2_000, 50, 10
BENCH_KEY = "st_bench-key-not-for-production"
START, SPAN_DAYS = datetime(2014, 1, 1), 3650
SCORES = '{"support": 0.6, "oppose": 0.3, "neutral": 0.1}'


def article_count(records: int) -> int:
    """Articles in a bench database of `records` stance records (10 % analysed twice)."""
    return int(records // RECORDS_PER_RUN / 1.1)


def seed_rows(records: int) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the bench database, deterministic (seed 7)."""
    rng = random.Random(7)
    now = datetime(2024, 1, 1)
    runs_total = records // RECORDS_PER_RUN
    articles = article_count(records)
    tables: dict[str, list[tuple[object, ...]]] = {k: [] for k in ("actors", "issues", "articles", "runs")}
    tables["actors"] = [
        (i, f"BENCH{i:05d}", f"Actor {i}", "country", "[]", f"actor {i}", "user", now, now)
        for i in range(1, ACTORS + 1)
    ]
    tables["issues"] = [(i, f"issue-{i}", f"Issue {i}", "", "[]", now, now) for i in range(1, ISSUES + 1)]
    published = [START + timedelta(days=rng.randrange(SPAN_DAYS)) for _ in range(articles)]
    tables["articles"] = [
        (i, f"https://bench.example/{i}", f"Article {i}", f"Source {i % 20}", published[i - 1], "en",
         f"Article {i} text.", f"{i:064x}", "done", None, 1, now, now, now)
        for i in range(1, articles + 1)
    ]  # fmt: skip
    run_articles = list(range(1, articles + 1)) + list(range(1, runs_total - articles + 1))
    tables["runs"] = [(r, a, "bench-model", "1", 10, "{}", now) for r, a in enumerate(run_articles, start=1)]
    latest_run = {a: r for r, a in enumerate(run_articles, start=1)}
    records_rows, evidence_rows = [], []
    record_id = 0
    for run_id, article_id in enumerate(run_articles, start=1):
        current = latest_run[article_id] == run_id
        for actor, issue in zip(
            rng.sample(range(1, ACTORS + 1), RECORDS_PER_RUN),
            rng.choices(range(1, ISSUES + 1), k=RECORDS_PER_RUN),
            strict=True,
        ):
            record_id += 1
            label = rng.choice(("support", "oppose", "neutral"))
            records_rows.append(
                (record_id, run_id, article_id, actor, issue, current, published[article_id - 1], label,
                 round(rng.random(), 3), SCORES, "bench-model", "1", None, label, None, None, None, now)
            )  # fmt: skip
            evidence_rows.append(
                (record_id, record_id, 0, 0, 17, f"Article {article_id} text", label, SCORES, False, None)
            )
    tables["stance_records"], tables["evidence"] = records_rows, evidence_rows
    return tables


COLUMNS = {
    "actors": "id, key, name, kind, aliases, search_text, origin, created_at, updated_at",
    "issues": "id, slug, name, description, keywords, created_at, updated_at",
    "articles": "id, url, title, source, published_at, language, text, content_hash, status, error, attempts, "
    "created_at, updated_at, analysed_at",
    "analysis_runs": "id, article_id, model_name, model_version, sentences, timings, created_at",
    "stance_records": "id, run_id, article_id, actor_id, issue_id, is_current, observed_at, label, confidence, "
    "scores, model_name, model_version, review_label, effective_label, reviewer, review_note, reviewed_at, created_at",
    "evidence": 'id, stance_id, sentence_index, start, "end", text, label, scores, is_quote, reporter_id',
    "api_keys": "id, name, prefix, key_hash, scopes, rate_limit, created_at, revoked_at",
}


def _table_rows(rows: dict[str, list[tuple[object, ...]]]) -> Iterator[tuple[str, list[tuple[object, ...]]]]:
    key_row = (1, "bench", BENCH_KEY[:10], hash_key(BENCH_KEY), "admin", None, datetime(2024, 1, 1), None)
    yield from (("actors", rows["actors"]), ("issues", rows["issues"]), ("articles", rows["articles"]),
                ("analysis_runs", rows["runs"]), ("stance_records", rows["stance_records"]),
                ("evidence", rows["evidence"]), ("api_keys", [key_row]))  # fmt: skip


def seed_sqlite(path: Path, rows: dict[str, list[tuple[object, ...]]]) -> None:
    """executemany in one transaction, synchronous off while loading."""

    def stored(value: object) -> object:  # SQLAlchemy's SQLite DateTime format
        return value.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(value, datetime) else value

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    with conn:
        for table, data in _table_rows(rows):
            marks = ", ".join("?" * len(data[0]))
            conn.executemany(
                f"INSERT INTO {table} ({COLUMNS[table]}) VALUES ({marks})",
                (tuple(stored(v) for v in row) for row in data),
            )
    conn.execute("ANALYZE")
    conn.close()


def sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database (its WAL included), via the backup API."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def seed_postgres(url: str, rows: dict[str, list[tuple[object, ...]]]) -> None:
    """COPY each table, then VACUUM ANALYZE (visibility map for index-only scans)."""
    engine = sa.create_engine(url)
    raw = engine.raw_connection()
    with raw.cursor() as cur:  # type: ignore[attr-defined]
        for table, data in _table_rows(rows):
            with cur.copy(f"COPY {table} ({COLUMNS[table]}) FROM STDIN") as copy:
                for row in data:
                    copy.write_row(row)
        for table in COLUMNS:
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            )
    raw.commit()
    raw.close()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in COLUMNS:
            conn.execute(sa.text(f"VACUUM ANALYZE {table}"))
    engine.dispose()


PROBED = ("stances", "history", "history_all_issues")
WRK_SCRIPT = """
math.randomseed(11)
-- Each wrk run gets its own tag (script argument), so that its submissions are
-- new articles rather than repeats of an earlier round's.
local tag = "0"
init = function(args) if args[1] then tag = args[1] end end
local key, actors, issues, articles = "%(key)s", %(actors)d, %(issues)d, %(articles)d
local watched = %(watched)f
local labels = {"support", "oppose", "neutral"}
local n = 0
local headers = {["X-API-Key"] = key}
local post_headers = {["X-API-Key"] = key, ["Content-Type"] = "application/json"}
-- A share `watched` of reads come from dashboards polling 20 actors on 5 issues
-- and the 200 newest articles; the rest explore uniformly.
local function actor() if math.random() < watched then return math.random(20) end return math.random(actors) end
local function issue() if math.random() < watched then return math.random(5) end return math.random(issues) end
local function article()
  if math.random() < watched then return articles - math.random(200) + 1 end
  return math.random(articles)
end
request = function()
  local r = math.random()
  if r < 0.4 then
    local path = "/api/v1/actors/" .. actor() .. "/history?interval=month&issue=" .. issue()
    return wrk.format("GET", path, headers)
  elseif r < 0.8 then
    local s = math.random(4)
    local path = "/api/v1/stances?limit=20"
    if s == 2 then path = path .. "&actor=" .. actor()
    elseif s == 3 then path = path .. "&issue=" .. issue()
    elseif s == 4 then path = path .. "&stance=" .. labels[math.random(3)] end
    return wrk.format("GET", path, headers)
  elseif r < 0.9 then
    return wrk.format("GET", "/api/v1/articles/" .. article(), headers)
  end
  n = n + 1
  local body = '{"title": "Load ' .. tag .. '-' .. n .. '", "text": "Load test article ' .. tag .. '-' .. n .. ' ' .. math.random(1e9) ..
    '. Norway supports the peace talks."}'
  return wrk.format("POST", "/api/v1/articles", post_headers, body)
end
"""


def run_wrk(
    base: str, seconds: int, script: Path | None, connections: int, path: str = "/api/v1/health"
) -> dict[str, float]:
    """wrk with 1 thread and `connections` connections; returns requests/s and error count."""
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if script is not None:
        cmd += ["-s", str(script)]
    tag = [] if script is None else ["--", f"{time.time_ns()}"]  # unique submissions per run
    out = subprocess.run([*cmd, base + path, *tag], check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += sum(int(g) for g in socket_errors.groups()) if socket_errors else 0
    return {"rps": rps, "requests": total, "errors": errors}


def probe(base: str, stop: threading.Event, actors: int, issues: int, times: dict[str, list[float]]) -> None:
    """Sequential client-side timings of the read endpoints while the load runs, appended to `times`."""
    rng = random.Random(3 + sum(len(v) for v in times.values()))  # each round asks for other URLs
    with httpx.Client(headers={"X-API-Key": BENCH_KEY}, timeout=10) as client:
        while not stop.is_set():
            for name in PROBED:
                actor = rng.randint(1, actors)
                if name == "stances":
                    variant = rng.choice(["", f"&actor={actor}", f"&issue={rng.randint(1, issues)}"])
                    url = f"{base}/api/v1/stances?limit=20{variant}"
                elif name == "history":  # the dashboard's shape: one actor on one issue
                    url = (
                        f"{base}/api/v1/actors/{actor}/history?interval=month&issue={rng.randint(1, issues)}"
                    )
                else:  # every issue of the actor at once: a ~500-record answer
                    url = f"{base}/api/v1/actors/{actor}/history?interval=month"
                started = time.perf_counter()
                status = client.get(url).status_code
                times[name].append((time.perf_counter() - started) * 1000)
                if status != 200:
                    times["probe_errors"].append(status)
            time.sleep(0.05)


def warm_database(backend: str, url: str, sqlite_file: Path) -> None:
    """Read the whole database once, so that every phase finds it in memory as
    a long-running server would (this VM reclaims idle page cache: cold reads
    otherwise slowed the first rounds several-fold)."""
    if backend == "sqlite":
        with sqlite_file.open("rb") as handle:
            while handle.read(1 << 24):
                pass
        return
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_prewarm SCHEMA public"))
        conn.execute(
            sa.text(
                "SELECT public.pg_prewarm(c.oid, 'read') FROM pg_class c "
                "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'i')"
            )
        )
    engine.dispose()


@contextmanager
def probing(base: str, times: dict[str, list[float]]) -> Iterator[None]:
    """Run `probe` in a thread for the duration of the block."""
    stop = threading.Event()
    prober = threading.Thread(target=probe, args=(base, stop, ACTORS, ISSUES, times))
    prober.start()
    try:
        yield
    finally:
        stop.set()
        prober.join()


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else float("nan")


@contextmanager
def serve(url: str, workdir: Path, queue_url: str, port: int, workers: int, threads: int) -> Iterator[str]:
    env = {
        **os.environ,
        "STANCE_DATA_DIR": str(workdir),
        "STANCE_DATABASE_URL": url,
        "STANCE_QUEUE_URL": queue_url,
        "STANCE_LOAD_DEFAULT_ACTORS": "0",
        "STANCE_AUTH_ENABLED": "1",
        "STANCE_RATELIMIT_ENABLED": "1",
        "STANCE_RATE_LIMIT": "1000000/second",
        "STANCE_BIND": f"127.0.0.1:{port}",
        "STANCE_WEB_WORKERS": str(workers),
        "STANCE_WEB_THREADS": str(threads),
    }
    with closing(socket.socket()) as sock:  # a server left over from an aborted run would be measured instead
        if sock.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(f"port {port} is already in use; stop that server or pass --port")
    log = (workdir / "gunicorn.log").open("wb")
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "stance-tracker"), "serve", "--no-init"], env=env, stdout=log,
        stderr=subprocess.STDOUT, cwd=ROOT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield base
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)


def bench_backend(
    backend: str, args: argparse.Namespace, rows: Callable[[], dict[str, list[tuple[object, ...]]]]
) -> dict[str, object]:
    workdir = Path(args.workdir) / backend
    started = time.monotonic()
    marker = workdir / "seeded.json"
    reuse = args.reuse and marker.is_file() and json.loads(marker.read_text()) == {"records": args.records}
    if not reuse:
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir(parents=True)
    if backend == "sqlite":
        url = f"sqlite:///{workdir / 'bench.db'}"
        queue_url = f"sqlite:///{workdir / 'queue.db'}"
        pristine = workdir / "pristine.db"
        if reuse:  # every run starts from the same seeded file, without the last run's submissions
            for stale in workdir.glob("*.db*"):  # a stale -wal file would be replayed into the copy
                if stale != pristine:
                    stale.unlink()
            sqlite_copy(pristine, workdir / "bench.db")
        else:
            upgrade(url)
            seed_sqlite(workdir / "bench.db", rows())
            sqlite_copy(workdir / "bench.db", pristine)
    else:
        url = f"{args.postgres_url}?options=-csearch_path%3Dstance_bench"
        queue_url = args.redis_url
        if not reuse:
            admin = sa.create_engine(args.postgres_url)
            with admin.begin() as conn:
                conn.execute(sa.text("DROP SCHEMA IF EXISTS stance_bench CASCADE"))
                conn.execute(sa.text("CREATE SCHEMA stance_bench"))
            admin.dispose()
            upgrade(url)
            seed_postgres(url, rows())
    marker.write_text(json.dumps({"records": args.records}))
    seeded = time.monotonic() - started
    warm_database(backend, url, workdir / "bench.db")
    script = workdir / "mixed.lua"
    script.write_text(WRK_SCRIPT % {"key": BENCH_KEY, "actors": ACTORS, "issues": ISSUES,
                                    "articles": article_count(args.records), "watched": args.watched})  # fmt: skip
    trivial_rounds: list[dict[str, float]] = []
    mixed_rounds: list[dict[str, float]] = []
    timings: dict[str, list[float]] = {k: [] for k in (*PROBED, "probe_errors")}
    with serve(url, workdir, queue_url, args.port, args.workers, args.threads) as base:
        run_wrk(base, args.warmup, script, args.connections)  # warm-up: caches, pools, prepared statements
        # Interleaved rounds: a noisy neighbour on a shared machine slows whichever
        # phase it overlaps; the best round of each phase is compared.
        # The probe runs in both phases, so that both share the machine with it
        # alike; only its timings during the mixed phase are reported.
        for _ in range(args.rounds):
            with probing(base, {k: [] for k in timings}):
                trivial_rounds.append(
                    run_wrk(base, max(1, args.trivial // args.rounds), None, args.connections)
                )
            with probing(base, timings):
                mixed_rounds.append(
                    run_wrk(base, max(1, args.duration // args.rounds), script, args.connections)
                )
    trivial_rps = max(r["rps"] for r in trivial_rounds)
    mixed_rps = max(r["rps"] for r in mixed_rounds)
    return {
        "backend": backend,
        "watched": args.watched,
        "records": args.records,
        "seed_seconds": round(seeded, 1),
        "trivial_rps": trivial_rps,
        "mixed_rps": mixed_rps,
        "ratio": round(mixed_rps / trivial_rps, 3),
        "trivial_rounds_rps": [r["rps"] for r in trivial_rounds],
        "mixed_rounds_rps": [r["rps"] for r in mixed_rounds],
        "mixed_requests": sum(r["requests"] for r in mixed_rounds),
        "errors": sum(r["errors"] for r in (*mixed_rounds, *trivial_rounds)) + len(timings["probe_errors"]),
        **{
            f"{name}_{label}_ms": round(percentile(timings[name], q), 1)
            for name in PROBED
            for label, q in (("p50", 50), ("p99", 99))
        },
        "probe_samples": sum(len(timings[k]) for k in PROBED),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--duration", type=int, default=60, help="seconds of mixed load")
    parser.add_argument("--trivial", type=int, default=20, help="seconds against /health")
    parser.add_argument("--warmup", type=int, default=10, help="seconds of mixed load before measuring")
    parser.add_argument("--workdir", default="/tmp/stance-bench")
    parser.add_argument("--port", type=int, default=18731)
    parser.add_argument(
        "--connections", type=int, default=4,
        help="wrk connections: one in flight per gunicorn worker thread pair; more only adds queueing",
    )  # fmt: skip
    parser.add_argument(
        "--watched", type=float, default=0.8,
        help="share of reads polling the dashboards' watched actors/issues/articles (0 = all uniform)",
    )  # fmt: skip
    parser.add_argument("--postgres-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument(
        "--rounds", type=int, default=6,
        help="interleaved trivial/mixed rounds sharing --trivial and --duration; the best of each is kept",
    )  # fmt: skip
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (STANCE_WEB_WORKERS)")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (STANCE_WEB_THREADS)")
    parser.add_argument(
        "--reuse", action="store_true",
        help="reuse the database seeded by an earlier run in --workdir with the same --records",
    )  # fmt: skip
    args = parser.parse_args()
    rows = functools.cache(lambda: seed_rows(args.records))  # built only when a backend is seeded

    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    for backend in backends:
        result = bench_backend(backend, args, rows)
        print(json.dumps(result), flush=True)
        ok = result["errors"] == 0 and result["history_p99_ms"] <= 25 and result["ratio"] >= 0.5  # type: ignore[operator]
        print(f"{backend}: {'targets met' if ok else 'TARGETS MISSED'} "
              "(0 errors, history p99 <= 25 ms, throughput >= 50 % of /health)", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
