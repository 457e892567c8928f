"""K-Means experiments of the chapter: fitting, initialisation, mini-batches, out-of-core."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import cdist
from sklearn.cluster import KMeans, MiniBatchKMeans


def check_k(k: int, n_samples: int, parameter: str) -> None:
    """Refuse a number of clusters the data cannot support, naming the parameter."""
    if k < 1:
        raise ValueError(f"{parameter}={k}: the number of clusters must be at least 1")
    if k > n_samples:
        raise ValueError(
            f"{parameter}={k}: more clusters than the {n_samples} samples to cluster; "
            f"lower {parameter} to at most {n_samples}"
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
    parameter: str = "k",
) -> KMeans:
    check_k(k, len(X), parameter)
    return KMeans(n_clusters=k, n_init=n_init, random_state=random_state, init=init,
                  algorithm=algorithm, max_iter=max_iter).fit(X)


def match_centroids(estimated: np.ndarray, true: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each true center, the index of its estimated centroid (one-to-one) and their distance."""
    distances = cdist(true, estimated)
    rows, cols = linear_sum_assignment(distances)
    order = cols[np.argsort(rows)]
    return order, distances[np.arange(len(true)), order]


def assign(X: np.ndarray, centers: np.ndarray, chunk_size: int = 10_000
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


def kmeans_model(k: int, *, minibatch: bool, n_init: int, random_state: int,
                 batch_size: int = 1024) -> KMeans | MiniBatchKMeans:
    """An unfitted K-Means, or mini-batch K-Means where full K-Means is too slow."""
    if minibatch:
        return MiniBatchKMeans(n_clusters=k, n_init=n_init, random_state=random_state,
                               batch_size=batch_size)
    return KMeans(n_clusters=k, n_init=n_init, random_state=random_state)


def lloyd_iterations(X: np.ndarray, k: int, iterations: int, random_state: int) -> list[np.ndarray]:
    """Centroids after 1, 2, ... `iterations` steps of the original algorithm from one
    random initialisation (the chapter's step-by-step figure)."""
    return [
        KMeans(n_clusters=k, init="random", n_init=1, algorithm="lloyd", max_iter=step,
               random_state=random_state).fit(X).cluster_centers_
        for step in range(1, iterations + 1)
    ]


def final_inertias(X: np.ndarray, k: int, init: str, seeds: Sequence[int]) -> np.ndarray:
    """Inertia of one K-Means run (n_init=1) per seed: the spread of local optima."""
    return np.array([
        KMeans(n_clusters=k, init=init, n_init=1, random_state=seed).fit(X).inertia_
        for seed in seeds
    ])


@dataclass(frozen=True)
class HitRate:
    """How often single runs reach the best known solution, and what that implies for n_init."""

    p_best: float  # share of runs within the tolerance of the best inertia
    expected_runs: float  # mean number of runs until the first hit, 1/p
    runs_for_95: int  # runs needed to hit it at least once with 95% probability

    @classmethod
    def from_inertias(cls, inertias: np.ndarray, best: float, rel_tol: float) -> HitRate:
        p = float(np.mean(inertias <= best * (1 + rel_tol)))
        if p == 0:
            return cls(0.0, math.inf, -1)
        runs = 1 if p == 1 else math.ceil(math.log(0.05) / math.log(1 - p))
        return cls(p, 1 / p, runs)


def best_of_partial_fits(
    load_batch: Callable[[np.random.Generator, int], np.ndarray],
    k: int,
    *,
    n_init: int,
    n_iterations: int,
    batch_size: int,
    init_size: int,
    evaluate_last: int,
    random_state: int,
) -> MiniBatchKMeans:
    """The chapter's out-of-core loop: several mini-batch K-Means, each trained batch by batch
    with partial_fit; keep the one whose inertia summed over its last batches is lowest."""
    rng = np.random.default_rng(random_state)
    best, best_score = None, math.inf
    for _ in range(n_init):
        model = MiniBatchKMeans(n_clusters=k, init_size=init_size, n_init=1,
                                random_state=int(rng.integers(2**31)))
        model.partial_fit(load_batch(rng, init_size))
        score = 0.0
        for iteration in range(n_iterations):
            batch = load_batch(rng, batch_size)
            model.partial_fit(batch)
            if iteration >= n_iterations - evaluate_last:
                score += inertia(batch, model.cluster_centers_)
        if score < best_score:
            best, best_score = model, score
    return best


def random_rows(X: np.ndarray) -> Callable[[np.random.Generator, int], np.ndarray]:
    """A batch loader drawing rows of `X` (possibly a memory map) without replacement."""
    def load(rng: np.random.Generator, size: int) -> np.ndarray:
        rows = np.sort(rng.choice(len(X), size=size, replace=False))
        return np.asarray(X[rows], dtype=np.float32)
    return load


def purity(y: np.ndarray, labels: np.ndarray) -> float:
    """Share of samples whose cluster's most common class is their own class."""
    counts = np.zeros((labels.max() + 1, y.max() + 1), dtype=np.int64)
    np.add.at(counts, (labels, y), 1)
    return float(counts.max(axis=1).sum() / len(y))
