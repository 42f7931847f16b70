"""Schemathesis with every check and every phase (examples, coverage,
fuzzing, stateful) against a live gunicorn server with API keys on:
`scripts/api_conformance.py`, the same run the README reports with 40
examples per operation, here with 10 and the tiny test model. Generated
requests never get a 500, every response conforms to the document, valid
requests are accepted and invalid ones refused (the documented exceptions
are in `tests/reliability/schemathesis_hooks.py`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "api_conformance.py"


def test_schemathesis_finds_no_failure_with_every_check_and_phase(tiny_model_dir: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--max-examples", "10", "--model", str(tiny_model_dir)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = run.stdout[-12_000:] + run.stderr[-4_000:]
    assert run.returncode == 0, report
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert f"✅ {phase}" in run.stdout, report
