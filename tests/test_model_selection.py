"""Choosing k: elbow detection, silhouette-diagram data and sweeps, on curves and tiny sets."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import silhouette_samples

from unsupervised.choosing_k import Sweep, fit_k, load_kfit, save_kfit, silhouette_sample
from unsupervised.model_selection import elbow, silhouette_blocks


def test_elbow_of_a_broken_line() -> None:
    ks = range(1, 10)
    values = [100, 70, 40, 10, 9, 8, 7, 6, 5]  # steep until k=4, then flat
    assert elbow(ks, values) == 4


def test_elbow_of_a_hyperbola_is_near_its_knee() -> None:
    ks = np.arange(1, 21)
    assert elbow(ks, 1 / ks) in (3, 4, 5)


def test_log_elbow_follows_relative_drops() -> None:
    ks = range(1, 8)
    # Each step divides by 4 until k=3, then by 1.05: the relative gain stops at k=3.
    values = [1600, 400, 100, 95, 90.5, 86, 82]
    assert elbow(ks, values, log=True) == 3


@pytest.mark.parametrize(("ks", "values", "message"), [
    ([1, 2], [3.0, 1.0], "at least 3"),
    ([1, 2, 3], [1.0, 2.0, 3.0], "does not decrease"),
])
def test_elbow_refuses_curves_without_one(ks, values, message) -> None:
    with pytest.raises(ValueError, match=message):
        elbow(ks, values)


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
    sample = silhouette_sample(len(X), 0, 0)
    fits = []
    for k in range(1, 8):
        fit = fit_k(X, y, k, estimator="kmeans", n_init=5, random_state=0, batch_size=64,
                    sample=sample)
        save_kfit(tmp_path / f"{k}.npz", fit)
        fits.append(load_kfit(tmp_path / f"{k}.npz"))
    sweep = Sweep(fits)
    assert np.isnan(sweep.by_k(1).silhouette)
    assert sweep.elbow_k() == 4 and sweep.silhouette_k() == 4
    metrics = sweep.metrics("toy", report_k=[1, 4])
    assert metrics["toy.purity_k4"] == 1.0 and "toy.silhouette_k1" not in metrics
    minibatch = fit_k(X, y, 4, estimator="minibatch", n_init=3, random_state=0, batch_size=32,
                      sample=sample)
    assert minibatch.purity == 1.0
