"""Shared fixtures: the repository, the real datasets' mirror and a Snakemake runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SHARED_MIRROR = REPO.parent / "shared" / "datasets"


def data_mirror() -> Path | None:
    """DATA_MIRROR if set, else ../shared/datasets if present, else None (download)."""
    configured = os.environ.get("DATA_MIRROR")
    if configured:
        return Path(configured).resolve()
    return SHARED_MIRROR if SHARED_MIRROR.is_dir() else None


def mirror_config() -> list[str]:
    mirror = data_mirror()
    return [f"data_mirror={mirror}"] if mirror else []


def run_snakemake(
    *args: str, config: list[str] | None = None, cwd: Path = REPO
) -> subprocess.CompletedProcess:
    """Run Snakemake (in the repository by default) with this interpreter, output captured."""
    command = [sys.executable, "-m", "snakemake", *args]
    overrides = [*mirror_config(), *(config or [])]
    if overrides:
        command += ["--config", *overrides]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=1800)


@pytest.fixture(scope="session")
def default_config() -> dict:
    return yaml.safe_load((REPO / "config" / "config.yaml").read_text())
