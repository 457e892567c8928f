"""K-Means itself, as every experiment of the section uses it: checked fits, centroids
matched to known centers, assignment and inertia out of core, the first Lloyd steps."""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import cdist
from sklearn.cluster import KMeans, MiniBatchKMeans

from unsupervised.core.settings import SettingError


def check_k(k: int, n_samples: int, setting: str = "k") -> None:
    """Refuse a number of clusters the data cannot support."""
    if k < 1:
        raise SettingError(setting, k, "the number of clusters must be at least 1")
    if k > n_samples:
        raise SettingError(
            setting,
            k,
            f"more clusters than the {n_samples} samples to cluster; "
            f"lower {{setting}} to at most {n_samples}",
        )


def fit_kmeans(
    X: np.ndarray,
    k: int,
    *,
    n_init: int,
    random_state: int,
    init: str | np.ndarray = "k-means++",
    algorithm: str = "lloyd",
    max_iter: int = 300,
    setting: str = "k",
) -> KMeans:
    check_k(k, len(X), setting)
    return KMeans(
        n_clusters=k,
        n_init=n_init,
        random_state=random_state,
        init=init,
        algorithm=algorithm,
        max_iter=max_iter,
    ).fit(X)


def match_centroids(estimated: np.ndarray, true: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each true center, the index of its estimated centroid (one-to-one) and their distance."""
    distances = cdist(true, estimated)
    rows, cols = linear_sum_assignment(distances)
    order = cols[np.argsort(rows)]
    return order, distances[np.arange(len(true)), order]


def assign(
    X: np.ndarray, centers: np.ndarray, chunk_size: int = 10_000
) -> tuple[np.ndarray, float]:
    """Each sample's closest centroid and the inertia (sum of squared distances to it), in
    one pass reading `chunk_size` rows at a time, so a memory-mapped `X` never needs to fit
    in memory."""
    labels, total = [], 0.0
    for start in range(0, len(X), chunk_size):
        chunk = np.asarray(X[start : start + chunk_size], dtype=np.float64)
        distances = cdist(chunk, centers, "sqeuclidean")
        labels.append(distances.argmin(axis=1))
        total += float(distances.min(axis=1).sum())
    return np.concatenate(labels), total


def nearest_centroid(X: np.ndarray, centers: np.ndarray) -> np.ndarray:
    """Hard clustering: the index of each sample's closest centroid."""
    return assign(X, centers)[0]


def inertia(X: np.ndarray, centers: np.ndarray, chunk_size: int = 10_000) -> float:
    """Sum of squared distances to the closest centroid (see `assign`)."""
    return assign(X, centers, chunk_size)[1]


def kmeans_model(
    k: int, *, minibatch: bool, n_init: int, random_state: int, batch_size: int = 1024
) -> KMeans | MiniBatchKMeans:
    """An unfitted K-Means, or mini-batch K-Means where full K-Means is too slow."""
    if minibatch:
        return MiniBatchKMeans(
            n_clusters=k, n_init=n_init, random_state=random_state, batch_size=batch_size
        )
    return KMeans(n_clusters=k, n_init=n_init, random_state=random_state)


def lloyd_iterations(X: np.ndarray, k: int, iterations: int, random_state: int) -> list[np.ndarray]:
    """Centroids after 1, 2, ... `iterations` steps of the original algorithm from one
    random initialisation (the chapter's step-by-step figure)."""
    return [
        KMeans(
            n_clusters=k,
            init="random",
            n_init=1,
            algorithm="lloyd",
            max_iter=step,
            random_state=random_state,
        )
        .fit(X)
        .cluster_centers_
        for step in range(1, iterations + 1)
    ]
