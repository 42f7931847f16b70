"""gunicorn settings; each can be overridden by GUNICORN_* style CLI flags."""

import os

bind = os.environ.get("STANCE_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("STANCE_WEB_WORKERS", "2"))
threads = int(os.environ.get("STANCE_WEB_THREADS", "4"))
worker_class = "gthread"
timeout = 130  # ?wait= may block up to STANCE_MAX_WAIT_SECONDS (120 s)
accesslog = "-"
