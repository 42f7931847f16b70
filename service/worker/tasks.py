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

    run_analysis_job(article_id)


@huey.periodic_task(crontab(minute="*"))
def requeue_stale_articles() -> int:
    """Re-queue articles left queued or half-processed (a killed worker)."""
    from service.worker.job import schema_ready

    return requeue_stale() if schema_ready() else 0


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
