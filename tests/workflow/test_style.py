"""The code passes the project's lint and format rules (pyproject.toml: [tool.ruff],
[tool.snakefmt]); `snakemake --lint` runs with the workflow's tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO


def test_ruff_finds_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "workflow/scripts"],
        cwd=REPO, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_snakefmt_changes_nothing() -> None:
    snakefmt = Path(sys.executable).with_name("snakefmt")
    result = subprocess.run(
        [snakefmt, "--check", "--diff", "Snakefile", "workflow/rules"],
        cwd=REPO, capture_output=True, text=True,
    )
    assert result.returncode == 0, f"run `snakefmt Snakefile workflow/rules`:\n{result.stdout}"
