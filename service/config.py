"""Settings from STANCE_* environment variables: the one settings object."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL_DIR = REPO_ROOT / "models" / "stance-minilm"
DEFAULT_ENCODER_ONNX_DIR = REPO_ROOT / "models" / "minilm-encoder"


def _default_data_dir() -> Path:
    return Path(os.environ.get("STANCE_DATA_DIR", str(REPO_ROOT / "instance")))


# The batch size the OpenAPI document states (an operator may lower it: 413 beyond).
DEFAULT_MAX_BATCH_ITEMS = 500


@dataclass(frozen=True)
class Settings:
    """Every knob of the service; each field reads STANCE_<FIELD NAME UPPER>."""

    data_dir: Path = field(default_factory=_default_data_dir)
    database_url: str = ""
    queue_url: str = ""
    max_article_chars: int = 500_000
    max_body_bytes: int = 20 * 1024 * 1024
    max_batch_items: int = DEFAULT_MAX_BATCH_ITEMS
    max_wait_seconds: float = 120.0
    page_size: int = 50
    max_page_size: int = 500
    model_backend: str = "sequence"
    model_path: str = str(DEFAULT_MODEL_DIR)
    model_sha256: str = ""
    hypothesis_template: str = "{actor} {verb} {issue}."
    torch_threads: int = 0
    # The sentence encoder's int8 ONNX export (models/minilm-encoder); empty: torch fp32.
    encoder_onnx_dir: str = str(DEFAULT_ENCODER_ONNX_DIR)
    quantize: bool = True
    # Classifier answers remembered per worker (pairs); 0 turns the cache off (benchmarks).
    classifier_cache_size: int = 8192
    min_confidence: float = 0.0
    # Evidence needs 1 - p(none) >= this; negative: the model's own tuned value.
    min_position: float = -1.0
    load_default_actors: bool = True
    worker_threads: int = 1
    # Articles a worker analyses together when several wait in the queue (one model call).
    worker_batch: int = 8
    # The worker's Prometheus metrics port (0: not served).
    worker_metrics_port: int = 0
    job_retries: int = 3
    job_retry_delay: int = 10
    log_json: bool = True
    cors_origins: tuple[str, ...] = ()
    # Access: API keys (see service/web/auth.py); reads may be opened to anonymous clients.
    auth_enabled: bool = True
    anonymous_reads: bool = False
    auth_cache_seconds: float = 10.0
    # A pooled PostgreSQL connection idle for longer than this is pinged before use.
    db_idle_ping_seconds: float = 10.0
    # Per-process cache of GET answers, exact (keyed on the data generation); 0 turns it off.
    response_cache_mb: float = 64.0
    # Rate limits per API key (per address for anonymous clients), Flask-Limiter syntax.
    ratelimit_enabled: bool = True
    rate_limit: str = "100/second;3000/minute"
    ratelimit_storage_url: str = "local://"
    # How long an Idempotency-Key and its stored response are kept.
    idempotency_ttl_seconds: int = 86_400
    # Worker leases: a claimed article's heartbeat, and when a silent one is taken over.
    heartbeat_seconds: float = 15.0
    stale_after_seconds: int = 120
    job_retry_backoff: float = 2.0
    # Test-only fault injection: pause between writing an analysis and committing it.
    fault_commit_delay_seconds: float = 0.0

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'stance.db'}"

    @property
    def resolved_queue_url(self) -> str:
        return self.queue_url or f"sqlite:///{self.data_dir / 'queue.db'}"

    @property
    def database_backend(self) -> str:
        return self.resolved_database_url.split(":", 1)[0].split("+", 1)[0]


def _coerce(raw: str, kind: Any) -> Any:
    if kind in (bool, "bool"):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if kind in (int, "int"):
        return int(raw)
    if kind in (float, "float"):
        return float(raw)
    if kind in (Path, "Path"):
        return Path(raw)
    if "tuple" in str(kind):
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    return raw


def load_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """Build Settings from the environment, then apply explicit overrides."""
    values: dict[str, Any] = {}
    for item in fields(Settings):
        env = os.environ.get(f"STANCE_{item.name.upper()}")
        if item.name == "database_url" and env is None:
            env = os.environ.get("DATABASE_URL")
        if env is not None:
            values[item.name] = _coerce(env, item.type)
    values.update(overrides or {})
    return Settings(**values)
