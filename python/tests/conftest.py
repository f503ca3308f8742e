"""Shared fixtures: the bundled example, the cikit executable (for comparisons with the CLI)."""
import json
import os
import subprocess
from pathlib import Path

import pytest

SOURCE = Path(os.environ.get("CIKIT_SOURCE", Path(__file__).resolve().parents[2]))
EXAMPLE = SOURCE / "datasets" / "governance" / "governance.yaml"


@pytest.fixture(scope="session")
def example() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def cli():
    """Runs the cikit command and returns its JSON output (skips when no executable is known)."""
    exe = os.environ.get("CIKIT_EXE")
    if not exe or not Path(exe).exists():
        pytest.skip("CIKIT_EXE not set: the CLI comparison tests need the built cikit")

    def run(*args: str) -> dict:
        r = subprocess.run([exe, *args, "--format", "json"], capture_output=True, text=True, check=True)
        return json.loads(r.stdout)

    return run
