"""gunicorn settings; each can be overridden by GUNICORN_* style CLI flags."""

import os

bind = os.environ.get("STANCE_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("STANCE_WEB_WORKERS", "2"))
threads = int(os.environ.get("STANCE_WEB_THREADS", "4"))
worker_class = "gthread"
timeout = 130  # ?wait= may block up to STANCE_MAX_WAIT_SECONDS (120 s)
accesslog = "-"
# Long request lines and headers reach the app, which refuses them as
# problem+json at 8,190 bytes (service/web/request_limits.py); gunicorn's own
# plain answers are left for lines over 1 MiB and header fields over 64 KiB.
limit_request_line = 0
limit_request_field_size = 65536


def child_exit(server: object, worker: object) -> None:
    """A gunicorn worker's metrics files are merged into the totals once it is gone."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[attr-defined]
