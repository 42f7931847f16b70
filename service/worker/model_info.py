"""What the configured stance model is, read from its folder without loading
torch (the web process must never import it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from service.config import Settings


def describe_model(settings: Settings) -> dict[str, Any]:
    info: dict[str, Any] = {"backend": settings.model_backend, "path": settings.model_path}
    folder = Path(settings.model_path)
    meta = folder / "model_info.json"
    if meta.is_file():
        try:
            info.update(json.loads(meta.read_text()))
        except (OSError, ValueError):
            info["error"] = "model_info.json unreadable"
    info["available"] = folder.is_dir() or not settings.model_path.startswith(("/", "."))
    return info
