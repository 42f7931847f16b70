"""Locate a model folder's weights file, hash it and check it against the recorded sha256."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

# Preference order: safetensors cannot run code when loaded, so it wins.
WEIGHT_FILES: tuple[str, ...] = ("model.safetensors", "model.int8.safetensors", "pytorch_model.bin")
MODEL_INFO_FILE = "model_info.json"
CHECKSUMS_FILE = "CHECKSUMS"


class ModelLoadError(RuntimeError):
    """A model folder cannot be used: missing files or a checksum mismatch."""


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """Hex sha256 of a file, read in chunks so big weights need no extra memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()


def find_weights(folder: Path) -> Path:
    """Return the weights file of `folder`, or raise ModelLoadError naming what is missing."""
    if not folder.is_dir():
        raise ModelLoadError(f"model folder {folder} does not exist")
    for name in WEIGHT_FILES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise ModelLoadError(
        f"no model weights in {folder}: expected one of {', '.join(WEIGHT_FILES)} "
        "(train one with `stance-tracker train` or point STANCE_MODEL_PATH at a model folder)"
    )


def read_model_info(folder: Path) -> dict[str, Any]:
    """The folder's model_info.json (written at training time), or {} when absent."""
    path = folder / MODEL_INFO_FILE
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ModelLoadError(f"{path} must hold a JSON object")
    return data


def recorded_sha256(folder: Path, weights: Path) -> dict[str, str]:
    """Every sha256 recorded for `weights` beside it, keyed by where it was recorded.

    Sources: model_info.json's "sha256" and a sha256sum-style CHECKSUMS file.
    """
    found: dict[str, str] = {}
    info_sha = read_model_info(folder).get("sha256")
    if isinstance(info_sha, str) and info_sha:
        found[MODEL_INFO_FILE] = info_sha.lower()
    checksums = folder / CHECKSUMS_FILE
    if checksums.is_file():
        for line in checksums.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1].lstrip("*") == weights.name:
                found[CHECKSUMS_FILE] = parts[0].lower()
    return found


def verify_weights(folder: Path, expected_sha256: str | None = None) -> tuple[Path, str]:
    """Find and hash the weights; raise ModelLoadError when any recorded or expected sha differs.

    Returns (weights path, actual sha256).
    """
    weights = find_weights(folder)
    actual = sha256_file(weights)
    expectations = recorded_sha256(folder, weights)
    if expected_sha256:
        expectations["the configured expected_sha256"] = expected_sha256.strip().lower()
    for source, expected in expectations.items():
        if expected != actual:
            raise ModelLoadError(
                f"checksum mismatch for {weights}: sha256 is {actual}, but {source} "
                f"expects {expected}; the weights are corrupt or not the model you configured"
            )
    return weights, actual


def verify_file(path: Path, expected_sha256: str, source: str) -> None:
    """Raise ModelLoadError unless `path` hashes to `expected_sha256` (recorded in `source`)."""
    actual = sha256_file(path)
    if actual != expected_sha256.strip().lower():
        raise ModelLoadError(
            f"checksum mismatch for {path}: sha256 is {actual}, but {source} expects {expected_sha256}"
        )
