"""The worker's Prometheus metrics: jobs by outcome and analysis seconds per
stage, served on STANCE_WORKER_METRICS_PORT (0: off) by the worker itself, so
each worker machine is scraped on its own."""

from __future__ import annotations

from collections.abc import Mapping

from prometheus_client import Counter, Histogram, start_http_server

JOBS = Counter("stance_worker_articles", "Articles a worker finished, by outcome", ["outcome"])
STAGES = Histogram(
    "stance_worker_stage_seconds",
    "Seconds an article spent in each analysis stage",
    ["stage"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60),
)
TIMED_STAGES = (
    "language",
    "spacy",
    "segment",
    "actors",
    "issues",
    "candidates",
    "classify",
    "aggregate",
    "total",
)


def record_outcome(outcome: str, timings: Mapping[str, float] | None = None) -> None:
    """One finished article: done, unsupported, retry or failed (with its stage timings when analysed)."""
    JOBS.labels(outcome).inc()
    for stage in TIMED_STAGES:
        if timings and stage in timings:
            STAGES.labels(stage).observe(timings[stage])


def serve_metrics(port: int) -> None:
    """Expose this process's metrics on `port` (all interfaces; 0 does nothing)."""
    if port > 0:
        start_http_server(port)
