"""A worker's lease on the article it analyses: a thread that touches the row.

While a job runs, `updated_at` of its article moves every STANCE_HEARTBEAT_SECONDS,
so a job that is slow but alive is never mistaken for one whose worker died;
an article whose heartbeat stops for STANCE_STALE_AFTER_SECONDS is taken over.
"""

from __future__ import annotations

import logging
import threading
from types import TracebackType

import sqlalchemy as sa

from service.store.orm import Article, ArticleStatus, utcnow

log = logging.getLogger(__name__)


class Heartbeat:
    """Context manager: beats for (article_id, attempt) until the block ends."""

    def __init__(self, engine: sa.Engine, article_id: int, attempt: int, interval: float) -> None:
        self._engine = engine
        self._article_id = article_id
        self._attempt = attempt
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{article_id}", daemon=True)

    def beat(self) -> bool:
        """Touch the article while this attempt still holds it; False once lost."""
        with self._engine.begin() as conn:
            result = conn.execute(
                sa.update(Article)
                .where(
                    Article.id == self._article_id,
                    Article.attempts == self._attempt,
                    Article.status == ArticleStatus.processing.value,
                )
                .values(updated_at=utcnow())
            )
        return bool(result.rowcount)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                if not self.beat():
                    return
            except sa.exc.SQLAlchemyError:  # a busy database: try again next time
                log.warning("heartbeat for article %s failed", self._article_id, exc_info=True)

    def __enter__(self) -> Heartbeat:
        if self._interval > 0:
            self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
