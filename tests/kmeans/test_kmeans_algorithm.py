"""K-Means building blocks on tiny data: the algorithm, fit and predict, initialisation,
the out-of-core loop."""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import gaussian_blobs
from sklearn.cluster import KMeans

from unsupervised.core.cluster_classes import purity
from unsupervised.kmeans.algorithm import (
    assign,
    check_k,
    inertia,
    lloyd_iterations,
    match_centroids,
    nearest_centroid,
)
from unsupervised.kmeans.fit_and_predict import fit_and_predict
from unsupervised.kmeans.initialisation import HitRate, init_distribution
from unsupervised.kmeans.minibatch import best_of_partial_fits, random_rows

CENTERS = np.array([[0.0, 0.0], [5.0, 5.0], [0.0, 6.0]])


@pytest.fixture(scope="module")
def three_blobs() -> tuple[np.ndarray, np.ndarray]:
    return gaussian_blobs(CENTERS, per_class=40, scale=0.3, seed=0)


def test_check_k_names_the_parameter() -> None:
    with pytest.raises(ValueError, match=r"k_range=11: more clusters than the 10 samples"):
        check_k(11, 10, "k_range")
    with pytest.raises(ValueError, match="n_colors=0"):
        check_k(0, 10, "n_colors")
    check_k(10, 10, "k")


def test_centroids_are_matched_to_true_centers() -> None:
    estimated = CENTERS[[2, 0, 1]] + 0.01
    order, distances = match_centroids(estimated, CENTERS)
    assert order.tolist() == [1, 2, 0]
    np.testing.assert_allclose(distances, np.sqrt(2) * 0.01)


def test_chunked_inertia_equals_scikit_learns(three_blobs) -> None:
    X, _ = three_blobs
    model = KMeans(3, n_init=3, random_state=0).fit(X)
    assert inertia(X, model.cluster_centers_, chunk_size=7) == pytest.approx(model.inertia_)
    np.testing.assert_array_equal(nearest_centroid(X, model.cluster_centers_), model.labels_)
    labels, total = assign(X, model.cluster_centers_, chunk_size=7)
    np.testing.assert_array_equal(labels, model.labels_)
    assert total == pytest.approx(model.inertia_)


def test_fit_report_checks_soft_clustering_and_predicts_blobs(three_blobs) -> None:
    X, _ = three_blobs
    new_points = np.array([[0.2, 0.1], [4.8, 5.1], [0.0, 5.5]])
    report = fit_and_predict(X, CENTERS, new_points, k=3, n_init=3, random_state=0)
    assert report.new_point_blobs.tolist() == [0, 1, 2]
    assert report.distances_error < 1e-12
    assert report.score == pytest.approx(-report.inertia)
    assert report.inertia_from_distances == pytest.approx(report.inertia)
    assert report.metrics()["max_centroid_error"] < 0.2
    assert list(report.centroid_table().columns)[-1] == "distance"


def test_lloyd_iterations_never_increase_inertia(three_blobs) -> None:
    X, _ = three_blobs
    steps = lloyd_iterations(X, 3, iterations=4, random_state=1)
    values = [inertia(X, centers) for centers in steps]
    assert len(steps) == 4
    assert all(later <= earlier + 1e-9 for earlier, later in zip(values, values[1:], strict=False))


def test_hit_rate_gives_the_runs_needed() -> None:
    rate = HitRate.from_inertias(np.array([10.0, 10.0, 12.0, 15.0]), best=10.0, rel_tol=0.01)
    assert rate.p_best == 0.5 and rate.expected_runs == 2
    assert rate.runs_for_95 == math.ceil(math.log(0.05) / math.log(0.5)) == 5
    assert HitRate.from_inertias(np.array([10.0]), 10.0, 0).runs_for_95 == 1
    assert HitRate.from_inertias(np.array([11.0]), 10.0, 0).runs_for_95 == -1


def test_init_distribution_covers_both_methods(three_blobs) -> None:
    X, _ = three_blobs
    dist = init_distribution(X, 3, range(5), rel_tol=1e-6, known_best=np.inf)
    assert set(dist.inertias) == {"random", "k-means++"}
    assert all(len(values) == 5 for values in dist.inertias.values())
    assert dist.best == min(values.min() for values in dist.inertias.values())


def test_partial_fit_loop_reads_batches_and_finds_the_blobs(three_blobs) -> None:
    X, y = three_blobs
    model = best_of_partial_fits(
        random_rows(X),
        3,
        n_init=3,
        n_iterations=20,
        batch_size=30,
        init_size=60,
        evaluate_last=5,
        random_state=0,
    )
    assert purity(y, nearest_centroid(X, model.cluster_centers_)) == 1.0
    _, distances = match_centroids(model.cluster_centers_, CENTERS)
    assert distances.max() < 0.3
