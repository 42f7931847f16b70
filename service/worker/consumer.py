"""The worker process's entry point: the huey consumer, with the web app
factory bound so that jobs run inside the app's database context.

`stance-tracker worker` runs it; `huey_consumer service.worker.consumer.huey`
works too.
"""

from __future__ import annotations

import logging

from service.web.app import create_app
from service.worker.job import use_app_factory
from service.worker.metrics import serve_metrics
from service.worker.tasks import huey

__all__ = ["huey", "run_consumer"]

use_app_factory(create_app)


def run_consumer(workers: int | None) -> None:
    """Run the consumer until interrupted: `workers` processes (threads when
    one), STANCE_WORKER_THREADS by default."""
    if not logging.getLogger().handlers:  # the worker's own lines (INFO and up) next to huey's
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = create_app().config["SETTINGS"]
    serve_metrics(settings.worker_metrics_port)
    count = workers or settings.worker_threads
    consumer = huey.create_consumer(workers=count, worker_type="process" if count > 1 else "thread")
    consumer.run()
