"""The scaling experiment on tiny data: the memory estimate that decides a skip, measured
against a real fit, the skip reasons, and the nested samples of the images."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from unsupervised.clustering_algorithms.experiments import clustering_scaling
from unsupervised.clustering_algorithms.scaling import (
    BASELINE_MB,
    QUADRATIC_BYTES_PER_PAIR,
    estimated_megabytes,
    leading_sample,
    scaling_run,
    skip_reason,
)
from unsupervised.core.settings import SettingError

# One fit in a fresh interpreter, so its resident high-water mark is the fit's own.
FIT_IN_A_NEW_PROCESS = """
import json, sys
import numpy as np
from unsupervised.clustering_algorithms.contest import fit_labels
from unsupervised.clustering_algorithms.scaling import peak_rss_mb
algorithm, n, settings = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
fit_labels(algorithm, np.random.default_rng(0).normal(size=(n, 20)), 10, 0, settings)
print(peak_rss_mb())
"""


def fit_peak_rss_mb(algorithm: str, n_instances: int, settings: dict) -> float:
    return float(
        subprocess.run(
            [
                sys.executable,
                "-c",
                FIT_IN_A_NEW_PROCESS,
                algorithm,
                str(n_instances),
                json.dumps(settings),
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )


@pytest.mark.parametrize("algorithm", sorted(QUADRATIC_BYTES_PER_PAIR))
def test_the_quadratic_estimate_grows_as_a_fit_s_resident_memory(
    algorithm: str, default_config: dict
) -> None:
    """From 1,500 to 3,000 instances, a real fit's peak resident memory grows by what the
    estimate says, within 15% (the interpreter and the libraries cancel out)."""
    settings = default_config["clustering_contest"]["settings"][algorithm]
    small, large = (fit_peak_rss_mb(algorithm, n, settings) for n in (1500, 3000))
    growth = estimated_megabytes(algorithm, 3000) - estimated_megabytes(algorithm, 1500)
    assert 0.85 * (large - small) <= growth <= 1.15 * (large - small)


def test_only_quadratic_algorithms_are_skipped_for_memory() -> None:
    assert skip_reason("kmeans", 10_000_000, 2000, None) is None
    reason = skip_reason("affinity_propagation", 10_000, 2000, None)
    assert reason.startswith("its memory, estimated at 3,450 MB") and "2,000 MB" in reason
    assert skip_reason("affinity_propagation", 5_000, 2000, None) is None  # 1,050 MB
    assert skip_reason("agglomerative_ward", 10_000, 2000, None) is None  # 1,050 MB
    assert skip_reason("agglomerative_ward", 20_000, 2000, None) is not None  # 3,450 MB
    assert skip_reason("optics", 20_000, 2000, 10_000).startswith("beyond the 10,000 instances")


def test_skipped_sizes_are_recorded_without_fitting() -> None:
    X, y = np.arange(150.0).reshape(50, 3), np.zeros(50, dtype=int)
    run = scaling_run(
        "affinity_propagation",
        X,
        y,
        size=50,
        dimensions=2,
        random_state=0,
        settings={},
        k=2,
        memory_limit_mb=BASELINE_MB,
        max_size=None,
    )
    assert run["status"] == "skipped" and "fit_seconds" not in run


def test_a_study_that_skips_nothing_draws_its_figure() -> None:
    X, y = np.random.default_rng(0).normal(size=(60, 3)), np.arange(60) % 2
    runs = [
        scaling_run(
            "kmeans",
            X,
            y,
            size=size,
            dimensions=2,
            random_state=0,
            settings={},
            k=2,
            memory_limit_mb=2000,
            max_size=None,
        )
        for size in (30, 60)
    ]
    result = clustering_scaling(runs, memory_limit_mb=2000, figure_size=(9, 3))
    assert result.metrics["kmeans_n_skipped"] == 0 and result.metrics["kmeans_largest_size"] == 60
    assert result.figures["figure"]().axes


def test_each_sample_is_a_prefix_of_the_larger_and_names_a_setting_too_large() -> None:
    X = np.arange(100.0).reshape(50, 2)
    y = np.arange(50)
    small, small_y = leading_sample(X, y, 10, 1, random_state=0)
    large, large_y = leading_sample(X, y, 20, 1, random_state=0)
    assert set(small_y) <= set(large_y) and small.shape == (10, 1)
    with pytest.raises(SettingError, match="^sizes=51: must be between 1 and the 50 images"):
        leading_sample(X, y, 51, 1, random_state=0)
    with pytest.raises(SettingError, match="^dimensions=3: .* the 2 principal components"):
        leading_sample(X, y, 10, 3, random_state=0)
