"""Accelerated and mini-batch K-Means, timed (2.2.9 and 2.2.10): Elkan vs Lloyd, and
mini-batch vs full K-Means across k."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans, MiniBatchKMeans

from unsupervised.core.timing import median_seconds
from unsupervised.kmeans.algorithm import check_k

ALGORITHMS = ("elkan", "lloyd")


def warm_up(X: np.ndarray) -> None:
    """Fit each estimator once, untimed: the first fit of a process pays one-time costs
    (OpenMP thread pools, lazy imports) that would otherwise land in one timing."""
    for algorithm in ALGORITHMS:
        KMeans(n_clusters=2, n_init=1, algorithm=algorithm, random_state=0).fit(X[:1000])
    MiniBatchKMeans(n_clusters=2, n_init=1, random_state=0).fit(X[:1000])


def time_algorithms(
    X: np.ndarray, k: int, n_init: int, random_state: int, repeats: int
) -> dict[str, float]:
    """Median fit time of each K-Means algorithm on the same data and initialisations."""
    check_k(k, len(X), "k")
    warm_up(X)
    return {
        algorithm: median_seconds(
            lambda algorithm=algorithm: KMeans(
                n_clusters=k, n_init=n_init, algorithm=algorithm, random_state=random_state
            ).fit(X),
            repeats,
        )
        for algorithm in ALGORITHMS
    }


def minibatch_vs_full(
    X: np.ndarray,
    ks: Sequence[int],
    *,
    kmeans_n_init: int,
    minibatch_n_init: int,
    random_state: int,
    repeats: int,
) -> pd.DataFrame:
    """Per k: inertia and median fit time of K-Means and of mini-batch K-Means."""
    warm_up(X)
    rows = []
    for k in ks:
        check_k(k, len(X), "k_range")
        full = KMeans(n_clusters=k, n_init=kmeans_n_init, random_state=random_state)
        mini = MiniBatchKMeans(n_clusters=k, n_init=minibatch_n_init, random_state=random_state)
        rows.append(
            {
                "k": k,
                "kmeans_seconds": median_seconds(lambda model=full: model.fit(X), repeats),
                "minibatch_seconds": median_seconds(lambda model=mini: model.fit(X), repeats),
                "kmeans_inertia": full.inertia_,
                "minibatch_inertia": mini.inertia_,
            }
        )
    return pd.DataFrame(rows)
