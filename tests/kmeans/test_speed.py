"""Timed K-Means: Elkan vs Lloyd, and mini-batch vs full K-Means across k."""

from __future__ import annotations

import numpy as np

from unsupervised.kmeans.speed import minibatch_vs_full, time_algorithms


def test_both_algorithms_are_timed(blobs: tuple[np.ndarray, np.ndarray]) -> None:
    times = time_algorithms(blobs[0], k=3, n_init=2, random_state=0, repeats=3)
    assert set(times) == {"elkan", "lloyd"} and all(0 < t < 5 for t in times.values())


def test_minibatch_vs_full_gives_a_row_per_k(blobs: tuple[np.ndarray, np.ndarray]) -> None:
    table = minibatch_vs_full(
        blobs[0], [1, 3, 6], kmeans_n_init=3, minibatch_n_init=3, random_state=0, repeats=1
    )
    assert table["k"].tolist() == [1, 3, 6]
    assert (table[["kmeans_seconds", "minibatch_seconds"]] > 0).all().all()
    # more clusters, less inertia; on three separated blobs both find the same k=3 solution
    assert table["kmeans_inertia"].is_monotonic_decreasing
    three = table.set_index("k").loc[3]
    assert np.isclose(three["minibatch_inertia"], three["kmeans_inertia"], rtol=0.05)
