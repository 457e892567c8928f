"""Choosing k: silhouette-diagram data and sweeps over k, on tiny sets."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import silhouette_samples

from unsupervised.kmeans.choosing_k import (
    Sweep,
    fit_k,
    fit_ks,
    load_kfits,
    save_kfits,
    silhouette_blocks,
    silhouette_sample,
)


def test_silhouette_blocks_sort_each_cluster() -> None:
    X = np.array([[0.0], [0.2], [0.5], [5.0], [5.3]])
    labels = np.array([0, 0, 0, 1, 1])
    coefficients = silhouette_samples(X, labels)
    blocks = silhouette_blocks(coefficients, labels)
    assert [len(block) for block in blocks] == [3, 2]
    assert all(np.all(np.diff(block) >= 0) for block in blocks)
    np.testing.assert_allclose(np.sort(np.concatenate(blocks)), np.sort(coefficients))
    assert blocks[0][0] == coefficients[2]  # the point at 0.5 sits worst in its cluster


def test_silhouette_sample_is_fixed_by_its_seed() -> None:
    first = silhouette_sample(1000, 100, random_state=3)
    assert len(set(first)) == 100 and np.all(np.diff(first) > 0)
    np.testing.assert_array_equal(first, silhouette_sample(1000, 100, random_state=3))
    assert len(silhouette_sample(50, 0, random_state=3)) == 50


def test_sweep_picks_k_by_each_criterion(tmp_path) -> None:
    rng = np.random.default_rng(0)
    centers = np.array([[0, 0], [6, 0], [0, 6], [6, 6]])
    y = np.repeat(np.arange(4), 30)
    X = centers[y] + rng.normal(scale=0.4, size=(120, 2))
    settings = {
        "estimator": "kmeans",
        "n_init": 5,
        "random_state": 0,
        "batch_size": 64,
        "silhouette_sample_size": 0,
    }
    # two chunks of the sweep, each saved in one file and read back
    for chunk in ([1, 2, 3], [4, 5, 6, 7]):
        save_kfits(tmp_path / f"{chunk[0]}_{chunk[-1]}.npz", fit_ks(X, y, chunk, **settings))
    fits = [fit for name in ("1_3", "4_7") for fit in load_kfits(tmp_path / f"{name}.npz")]
    assert [fit.k for fit in fits] == list(range(1, 8))
    alone = fit_k(X, y, 5, **settings)
    np.testing.assert_array_equal(fits[4].labels, alone.labels)
    assert (fits[4].inertia, fits[4].silhouette) == (alone.inertia, alone.silhouette)
    sweep = Sweep(fits)
    assert np.isnan(sweep.by_k(1).silhouette)
    assert sweep.elbow_k() == 4 and sweep.silhouette_k() == 4
    metrics = sweep.metrics(report_k=[1, 4])
    assert metrics["purity_k4"] == 1.0 and "silhouette_k1" not in metrics
    minibatch = fit_k(
        X,
        y,
        4,
        estimator="minibatch",
        n_init=3,
        random_state=0,
        batch_size=32,
        silhouette_sample_size=0,
    )
    assert minibatch.purity == 1.0
