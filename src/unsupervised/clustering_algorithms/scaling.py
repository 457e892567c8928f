"""How each clustering algorithm's fit time and memory grow with the number of instances,
on MNIST's leading principal components, and the sizes it is not run at: those where its
memory, estimated before fitting, would pass a job's limit, and those beyond the most images
the configuration lets it fit (a time budget, or memory the estimate does not model)."""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import adjusted_rand_score

from unsupervised.clustering_algorithms.contest import fit_labels
from unsupervised.clustering_algorithms.dbscan import n_clusters
from unsupervised.core.settings import SettingError
from unsupervised.data.datasets import NOISE_LABEL

# Resident bytes per pair of instances of the algorithms whose memory grows with the square
# of the instances (measured as the growth of a job's peak RSS on MNIST, 2,000 to 8,000
# images): affinity propagation holds four n x n float64 arrays at once (similarities,
# responsibilities, availabilities and a temporary: 32 bytes); the complete, average and ward
# linkages hold scipy's condensed distance matrix, n(n-1)/2 float64, and a copy of it (8
# bytes); BIRCH at its default threshold keeps about one subcluster per MNIST image and ends
# with a ward linkage of them (7.4, counted as 8). Single linkage works from a minimum
# spanning tree and the others hold a few arrays per instance.
QUADRATIC_BYTES_PER_PAIR = {
    "affinity_propagation": 32.0,
    "agglomerative_ward": 8.0,
    "agglomerative_complete": 8.0,
    "agglomerative_average": 8.0,
    "birch": 8.0,
}
# What a job holds besides the fit: the interpreter, numpy, scikit-learn and the data (a job
# that fits K-Means peaks at 228 MB on 1,000 images, 288 MB on 70,000).
BASELINE_MB = 250.0


def estimated_megabytes(algorithm: str, n_instances: int) -> float:
    """The memory a job fitting `algorithm` on `n_instances` needs, before it runs: the
    quadratic part where there is one, on top of BASELINE_MB."""
    return BASELINE_MB + QUADRATIC_BYTES_PER_PAIR.get(algorithm, 0.0) * n_instances**2 / 1e6


def skip_reason(
    algorithm: str,
    size: int,
    memory_limit_mb: float,
    max_size: int | None,
    max_size_key: str = "clustering_scaling.max_size",
) -> str | None:
    """Why `algorithm` is not fitted on `size` instances, or None when it is (`max_size_key`:
    the config key that sets `max_size`)."""
    estimate = estimated_megabytes(algorithm, size)
    if estimate > memory_limit_mb:
        return (
            f"its memory, estimated at {estimate:,.0f} MB (quadratic in the instances), "
            f"would pass the {memory_limit_mb:,.0f} MB limit of a job"
        )
    if max_size is not None and size > max_size:
        return f"beyond the {max_size:,} instances at most set for it in {max_size_key}"
    return None


def leading_sample(
    X: np.ndarray, y: np.ndarray, size: int, dimensions: int, random_state: int
) -> tuple[np.ndarray, np.ndarray]:
    """`size` rows in a random order fixed by `random_state` (each size a prefix of the
    next), on their first `dimensions` columns, scaled by one factor so that distances are
    of order one whatever the units (the geometry is kept)."""
    if not 1 <= size <= len(X):
        raise SettingError("sizes", size, f"must be between 1 and the {len(X):,} images")
    if not 1 <= dimensions <= X.shape[1]:
        raise SettingError(
            "dimensions", dimensions, f"must be between 1 and the {X.shape[1]} principal components"
        )
    rows = np.sort(np.random.default_rng(random_state).permutation(len(X))[:size])
    sample = np.asarray(X[rows, :dimensions], dtype=np.float64)
    return sample / sample.std(), np.asarray(y[rows])


def peak_rss_mb() -> float:
    """This process's resident memory high-water mark so far, in MB. On Linux it is VmHWM,
    which counts from the process's own start: getrusage's maximum keeps the size of the
    parent it was forked from (Snakemake, pytest) across exec."""
    status = Path("/proc/self/status")
    if status.exists():
        line = next(line for line in status.read_text().splitlines() if line.startswith("VmHWM:"))
        return int(line.split()[1]) / 1e3
    maximum = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maximum / (1e6 if sys.platform == "darwin" else 1e3)  # bytes on macOS, else kB


def scaling_run(
    algorithm: str,
    X: np.ndarray,
    y: np.ndarray,
    *,
    size: int,
    dimensions: int,
    random_state: int,
    settings: Mapping[str, Any],
    k: int,
    memory_limit_mb: float,
    max_size: int | None,
) -> dict[str, Any]:
    """`algorithm` on `size` images, or the reason it is not run: fit time, the job's peak
    resident memory, and the clustering's agreement with the digits."""
    X_sample, digits = leading_sample(X, y, size, dimensions, random_state)
    reason = skip_reason(algorithm, size, memory_limit_mb, max_size)
    record = {
        "algorithm": algorithm,
        "size": size,
        "estimated_mb": estimated_megabytes(algorithm, size),
        "reason": reason,
    }
    if reason is not None:
        return {**record, "status": "skipped"}
    start = time.perf_counter()
    labels = fit_labels(algorithm, X_sample, k, random_state, settings)
    seconds = time.perf_counter() - start
    return {
        **record,
        "status": "fitted",
        "fit_seconds": seconds,
        "peak_rss_mb": peak_rss_mb(),
        "ari": adjusted_rand_score(digits, labels),
        "clusters": n_clusters(labels),
        "noise_share": float(np.mean(labels == NOISE_LABEL)),
    }


def scaling_runs(
    algorithm: str, X: np.ndarray, y: np.ndarray, *, sizes: Sequence[int], **settings: Any
) -> list[dict[str, Any]]:
    """`algorithm` on each of `sizes` images (see scaling_run), smallest first, in this one
    process: the peak resident memory recorded at each size is the job's so far, which the
    largest size fitted sets, as it did when each size had a process of its own."""
    return [scaling_run(algorithm, X, y, size=size, **settings) for size in sorted(sizes)]
