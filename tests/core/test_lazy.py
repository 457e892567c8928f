"""Modules imported on first use."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import REPO

from unsupervised.core.lazy import lazy_import


def imported_after(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `code`."""
    listing = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    ).stdout
    return set(listing.split())


def test_a_lazy_module_runs_on_first_use_only() -> None:
    prelude = (
        "from unsupervised.core.lazy import lazy_import\n"
        "plots = lazy_import('unsupervised.introduction.plots')\n"
    )
    assert "matplotlib" not in imported_after(prelude)
    used = imported_after(prelude + "plots.plot_classification_vs_clustering")
    assert {"matplotlib", "matplotlib.pyplot"} <= used


def test_a_seed_replica_script_imports_no_plotting(tmp_path) -> None:
    """What a metrics-only job imports: the experiment's modules, but no matplotlib."""
    modules = imported_after(
        "import unsupervised.core.results\n"
        "import unsupervised.kmeans.experiments\n"
        "import unsupervised.olivetti.experiments\n"
    )
    assert "unsupervised.kmeans.experiments" in modules
    assert "matplotlib" not in modules


def test_a_missing_module_is_named() -> None:
    with pytest.raises(ModuleNotFoundError, match="unsupervised.no_such_module"):
        lazy_import("unsupervised.no_such_module")
