"""Mini-batch K-Means (2.2.10), and the chapter's out-of-core loop over a memory map."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from sklearn.cluster import MiniBatchKMeans

from unsupervised.kmeans.algorithm import inertia


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
        model = MiniBatchKMeans(
            n_clusters=k, init_size=init_size, n_init=1, random_state=int(rng.integers(2**31))
        )
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
