"""Shared fixtures: the repository, the real datasets' mirror and a Snakemake runner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
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


def snakemake_command(*args: str, config: list[str] | None = None) -> list[str]:
    """Snakemake run by this interpreter, reading datasets from the mirror when there is one."""
    command = [sys.executable, "-m", "snakemake", *args]
    overrides = [*mirror_config(), *(config or [])]
    return [*command, "--config", *overrides] if overrides else command


def run_snakemake(
    *args: str,
    config: list[str] | None = None,
    cwd: Path = REPO,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """Run Snakemake (in the repository by default), output captured; `env` adds variables."""
    return subprocess.run(
        snakemake_command(*args, config=config),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=1800,
        env={**os.environ, **(env or {})},
    )


def copy_checkout(destination: Path) -> Path:
    """A copy of the workflow (file times kept, so nothing looks edited) in `destination`."""
    destination.mkdir()
    for part in ("Snakefile", "requirements.txt", "config", "workflow", "src", "profiles"):
        source = REPO / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / part)
    return destination


@pytest.fixture(scope="session")
def default_config() -> dict:
    return yaml.safe_load((REPO / "config" / "config.yaml").read_text())


def gaussian_blobs(
    centers: np.typing.ArrayLike, per_class: int, scale: float, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Round Gaussian blobs of `per_class` points around each center, labelled by center."""
    centers_arr = np.asarray(centers, dtype=float)
    y = np.repeat(np.arange(len(centers_arr)), per_class)
    noise = np.random.default_rng(seed).normal(scale=scale, size=(len(y), centers_arr.shape[1]))
    return centers_arr[y] + noise, y


@pytest.fixture(scope="session")
def blobs() -> tuple[np.ndarray, np.ndarray]:
    """Three well-separated classes of 30 points in the plane."""
    return gaussian_blobs([[0.0, 0.0], [8.0, 0.0], [0.0, 8.0]], per_class=30, scale=0.6, seed=1)
