"""The huey instance, chosen by STANCE_QUEUE_URL.

sqlite:///path (default, embedded, one machine), redis://host:port/db (several
machines), or immediate:// (jobs run inline, for tests and the eval command).
"""

from __future__ import annotations

from pathlib import Path

from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey

from service.config import load_settings

QUEUE_NAME = "stance-tracker"


def huey_from_url(url: str) -> Huey:
    if url.startswith("immediate:"):
        return MemoryHuey(QUEUE_NAME, immediate=True)
    if url.startswith("redis://") or url.startswith("rediss://"):
        return RedisHuey(QUEUE_NAME, url=url)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey(QUEUE_NAME, filename=str(path))
    raise ValueError(f"unsupported STANCE_QUEUE_URL {url!r}: use sqlite:///, redis:// or immediate://")


huey: Huey = huey_from_url(load_settings().resolved_queue_url)


def queue_reachable() -> bool:
    """True when the queue storage answers (for /ready)."""
    try:
        huey.pending_count()
    except Exception:  # noqa: BLE001 - any storage failure means "not ready"
        return False
    return True
