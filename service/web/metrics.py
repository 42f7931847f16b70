"""Prometheus metrics of the web process: requests by endpoint and status,
latency, and, computed when scraped, queue depth, articles by status and the
configured model. GET /api/v1/metrics serves them (the `read` scope).

Under gunicorn (several processes) `stance-tracker serve` points
PROMETHEUS_MULTIPROC_DIR at a fresh folder and the answer sums every
process's counters; without it (tests, `flask run`) it is this process's.
The worker exports its own on STANCE_WORKER_METRICS_PORT (service/worker/metrics.py).
"""

from __future__ import annotations

import os
import time
from typing import Any

import sqlalchemy as sa
from flask import Flask, Response, current_app, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, InfoMetricFamily
from prometheus_client.registry import Collector

REQUESTS = Counter(
    "stance_http_requests", "HTTP requests answered by Flask", ["method", "endpoint", "status"]
)
LATENCY = Histogram(
    "stance_http_request_duration_seconds",
    "Time to answer a request in Flask",
    ["method", "endpoint"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120),
)


def install_metrics(app: Flask) -> None:
    """Count and time every request that reaches Flask."""

    @app.before_request
    def _start() -> None:
        g.metrics_started = time.perf_counter()

    @app.after_request
    def _observe(response: Response) -> Response:
        started = g.pop("metrics_started", None)
        endpoint = request.url_rule.rule if request.url_rule is not None else "unmatched"
        REQUESTS.labels(request.method, endpoint, str(response.status_code)).inc()
        if started is not None:
            LATENCY.labels(request.method, endpoint).observe(time.perf_counter() - started)
        return response


class _ServiceState(Collector):
    """Gauges read when scraped: queue depth, articles by status, the model."""

    def collect(self) -> Any:
        from service.store.db import db
        from service.store.orm import Article
        from service.worker.model_info import describe_model
        from service.worker.queue import huey

        pending = GaugeMetricFamily("stance_queue_pending", "Jobs waiting in the queue")
        try:
            pending.add_metric([], float(huey.pending_count()))
        except Exception:  # noqa: BLE001 - an unreachable queue shows as a missing sample
            pass
        yield pending
        articles = GaugeMetricFamily("stance_articles", "Stored articles by status", labels=["status"])
        rows = db.session.execute(sa.select(Article.status, sa.func.count()).group_by(Article.status)).all()
        for status, count in rows:
            articles.add_metric([status], float(count))
        yield articles
        model = describe_model(current_app.config["SETTINGS"])
        info = InfoMetricFamily("stance_model", "The configured stance model")
        info.add_metric([], {"name": str(model.get("name", "")), "version": str(model.get("version", ""))})
        yield info


def render() -> tuple[bytes, str]:
    """The exposition text: every process's metrics (multiprocess mode) or this one's."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry = REGISTRY
    state = CollectorRegistry()
    state.register(_ServiceState())
    return generate_latest(registry) + generate_latest(state), CONTENT_TYPE_LATEST
