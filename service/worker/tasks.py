"""Background jobs on the huey queue: article analysis and the stale-work sweep.

Importing this module is cheap (the web process enqueues through it); the
models load in the worker only, once, at start-up.
"""

from __future__ import annotations

from huey import crontab

from service.config import load_settings
from service.worker.queue import huey

_settings = load_settings()


# Analysis failures retry with their own backoff (RetryTask, counted in the
# article's attempts); these settings cover failures before a claim (database down).
@huey.task(
    retries=_settings.job_retries,
    retry_delay=_settings.job_retry_delay,
    retry_backoff=_settings.job_retry_backoff,
)
def analyse_article(article_id: int) -> None:
    """Analyse one article and store its stance records in one transaction."""
    from service.worker.job import run_analysis_job

    for delivery_id in run_analysis_job(article_id):
        deliver_webhook(delivery_id)


@huey.task()
def deliver_webhook(delivery_id: int) -> None:
    """Send one webhook delivery (retries itself with backoff, see service/worker/webhooks.py)."""
    from service.worker.webhooks import deliver

    deliver(delivery_id)


@huey.periodic_task(crontab(minute="*"))
def requeue_stale_articles() -> int:
    """Re-queue articles left queued or half-processed (a killed worker)."""
    from service.worker.job import pending_delivery_ids, schema_ready

    if not schema_ready():
        return 0
    for delivery_id in pending_delivery_ids():
        deliver_webhook(delivery_id)
    return requeue_stale()


def requeue_stale(min_age_seconds: int = 60) -> int:
    """Enqueue every stale article (see `stale_article_ids`); returns how many."""
    from service.worker.job import stale_article_ids

    ids = stale_article_ids(min_age_seconds)
    for article_id in ids:
        analyse_article(article_id)
    return len(ids)


@huey.on_startup()
def load_models() -> None:
    """Load the analysis models once per worker process, and re-queue work
    that a previous worker left behind."""
    if huey.immediate:
        return
    from service.worker.job import warm_up

    warm_up()
    requeue_stale(min_age_seconds=0)


def send_deliveries(ids: list[int]) -> None:
    """Queue the sending of webhook deliveries written by a web request (a queue
    outage leaves them pending for the minute sweep)."""
    for delivery_id in ids:
        try:
            deliver_webhook(delivery_id)
        except Exception:  # noqa: BLE001 - a queue outage must not fail the request
            return
