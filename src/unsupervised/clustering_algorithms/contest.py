"""The clustering algorithms the chapter describes, and those scikit-learn added since, on
sets that show where each fails: each fitted with settings fixed once for every set (those
that need a number of clusters get the true one), scored against the generating labels."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

import numpy as np
from sklearn.base import ClusterMixin
from sklearn.cluster import (
    DBSCAN,
    HDBSCAN,
    OPTICS,
    AffinityPropagation,
    AgglomerativeClustering,
    Birch,
    BisectingKMeans,
    KMeans,
    MeanShift,
    SpectralClustering,
    estimate_bandwidth,
)
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score, silhouette_score
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import StandardScaler

from unsupervised.clustering_algorithms.dbscan import knee, n_clusters
from unsupervised.data.datasets import NOISE_LABEL, generated

Builder = Callable[..., ClusterMixin]


def _mean_shift(X: np.ndarray, k: int, seed: int, *, quantile: float) -> MeanShift:
    """Mean-Shift with the bandwidth scikit-learn estimates from the data."""
    return MeanShift(
        bandwidth=estimate_bandwidth(X, quantile=quantile, random_state=seed), bin_seeding=True
    )


def _dbscan(X: np.ndarray, k: int, seed: int, *, min_samples: int) -> DBSCAN:
    """DBSCAN at the knee of the set's k-distance curve (see dbscan.knee)."""
    return DBSCAN(eps=knee(X, min_samples).eps, min_samples=min_samples)


def _agglomerative(linkage: str) -> Builder:
    return lambda X, k, seed, **settings: AgglomerativeClustering(k, linkage=linkage, **settings)


# Each algorithm as a function of the data, the true number of clusters, a random state and
# its settings from the config, giving an unfitted estimator.
ALGORITHMS: dict[str, Builder] = {
    "kmeans": lambda X, k, seed, **settings: KMeans(k, random_state=seed, **settings),
    "bisecting_kmeans": lambda X, k, seed, **settings: BisectingKMeans(
        k, random_state=seed, **settings
    ),
    "gaussian_mixture": lambda X, k, seed, **settings: GaussianMixture(
        k, random_state=seed, **settings
    ),
    "birch": lambda X, k, seed, **settings: Birch(n_clusters=k, **settings),
    "mean_shift": _mean_shift,
    "affinity_propagation": lambda X, k, seed, **settings: AffinityPropagation(
        random_state=seed, **settings
    ),
    "agglomerative_ward": _agglomerative("ward"),
    "agglomerative_complete": _agglomerative("complete"),
    "agglomerative_average": _agglomerative("average"),
    "agglomerative_single": _agglomerative("single"),
    "spectral": lambda X, k, seed, **settings: SpectralClustering(k, random_state=seed, **settings),
    "dbscan": _dbscan,
    "optics": lambda X, k, seed, **settings: OPTICS(**settings),
    "hdbscan": lambda X, k, seed, **settings: HDBSCAN(**settings),
}


def contest_set(
    dataset: str, spec: Mapping[str, Any], max_instances: int
) -> tuple[np.ndarray, np.ndarray]:
    """A synthetic set drawn from `spec`, standardised (so that settings in distances mean
    the same on every set), at most `max_instances` of it (a random subset, drawn with the
    set's own random state)."""
    X, y = generated(dataset, spec)
    if len(X) > max_instances:
        keep = np.sort(
            np.random.default_rng(spec["random_state"]).choice(len(X), max_instances, replace=False)
        )
        X, y = X[keep], y[keep]
    return StandardScaler().fit_transform(X), y


def scores(X: np.ndarray, y: np.ndarray, labels: np.ndarray) -> dict[str, float | None]:
    """Agreement with the generating labels (noise, on either side, is one more class),
    the silhouette of the instances put in clusters (None below two clusters), the clusters
    found and the share called noise."""
    clustered = labels != NOISE_LABEL
    found = n_clusters(labels)
    silhouette = (
        float(silhouette_score(X[clustered], labels[clustered]))
        if 2 <= found < clustered.sum()
        else None
    )
    return {
        "ari": adjusted_rand_score(y, labels),
        "nmi": float(normalized_mutual_info_score(y, labels)),
        "silhouette": silhouette,
        "clusters": found,
        "noise_share": float(np.mean(~clustered)),
    }


def fit_labels(
    algorithm: str, X: np.ndarray, k: int, seed: int, settings: Mapping[str, Any]
) -> np.ndarray:
    return ALGORITHMS[algorithm](X, k, seed, **settings).fit_predict(X)


def peak_megabytes(run: Callable[[], object]) -> float:
    """The peak of Python and NumPy allocations during `run`, in MB (tracemalloc; memory a
    compiled library allocates itself is not seen)."""
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def contest_runs(
    algorithm: str,
    dataset: str,
    specs: Mapping[int, Mapping[str, Any]],
    settings: Mapping[str, Any],
    max_instances: int,
    chapter_seed: int,
) -> dict[str, Any]:
    """`algorithm` on `dataset` drawn with each seed of `specs` (seed -> generator settings;
    the seed is also the algorithm's random state): scores and fit time per seed, the peak
    memory of one more fit on the chapter's seed, and that seed's labels for the figure."""
    runs, chapter_labels, peak = [], None, None
    for seed, spec in specs.items():
        X, y = contest_set(dataset, spec, max_instances)
        k = n_clusters(y)  # the generating clusters, background noise not counted
        start = time.perf_counter()
        labels = fit_labels(algorithm, X, k, seed, settings)
        seconds = time.perf_counter() - start
        runs.append({"seed": seed, **scores(X, y, labels), "fit_seconds": seconds})
        if seed == chapter_seed:
            chapter_labels = labels.tolist()
            peak = peak_megabytes(partial(fit_labels, algorithm, X, k, seed, settings))
    return {
        "algorithm": algorithm,
        "dataset": dataset,
        "runs": runs,
        "labels": chapter_labels,
        "peak_mb": peak,
    }


def dataset_runs(
    dataset: str,
    specs: Mapping[int, Mapping[str, Any]],
    settings: Mapping[str, Mapping[str, Any]],
    max_instances: int,
    chapter_seed: int,
) -> dict[str, dict[str, Any]]:
    """Every algorithm of `settings` (algorithm -> its settings) on `dataset` drawn with each
    seed of `specs`, as contest_runs runs one, by algorithm."""
    return {
        algorithm: contest_runs(
            algorithm, dataset, specs, algorithm_settings, max_instances, chapter_seed
        )
        for algorithm, algorithm_settings in settings.items()
    }


def contest_table(
    results: Sequence[Mapping[str, Any]], seeds: Mapping[str, int]
) -> list[dict[str, Any]]:
    """One row per (dataset, algorithm), on the draw of the dataset's seed in `seeds`."""
    rows = []
    for result in results:
        run = next(run for run in result["runs"] if run["seed"] == seeds[result["dataset"]])
        rows.append(
            {
                "dataset": result["dataset"],
                "algorithm": result["algorithm"],
                **{key: value for key, value in run.items() if key != "seed"},
                "peak_mb": result["peak_mb"],
            }
        )
    return rows
