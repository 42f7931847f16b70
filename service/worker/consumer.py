"""The worker process's entry point: the huey consumer, with the web app
factory bound so that jobs run inside the app's database context.

`stance-tracker worker` runs it; `huey_consumer service.worker.consumer.huey`
works too.
"""

from __future__ import annotations

from service.config import load_settings
from service.web.app import create_app
from service.web.logs import configure_logging
from service.worker.job import use_app_factory
from service.worker.metrics import serve_metrics
from service.worker.tasks import huey

__all__ = ["huey", "run_consumer"]

use_app_factory(create_app)


def run_consumer(workers: int | None) -> None:
    """Run the consumer until interrupted: `workers` processes (threads when
    one), STANCE_WORKER_THREADS by default."""
    settings = load_settings()  # the jobs build their own app (use_app_factory); this one only reads settings
    configure_logging(settings.log_json)  # the worker's own lines (INFO and up) next to huey's
    serve_metrics(settings.worker_metrics_port)
    count = workers or settings.worker_threads
    consumer = huey.create_consumer(workers=count, worker_type="process" if count > 1 else "thread")
    consumer.run()
