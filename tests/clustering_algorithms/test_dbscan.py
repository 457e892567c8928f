"""DBSCAN on hand-made sets: the core/border/noise split, the classifier of new instances
trained on the cores, and eps at the knee of the k-distance curve."""

from __future__ import annotations

import numpy as np
import pytest

from unsupervised.clustering_algorithms.dbscan import (
    core_classifier,
    fit_dbscan,
    k_distances,
    knee,
    n_clusters,
    point_kinds,
    predict_or_noise,
)
from unsupervised.clustering_algorithms.experiments import agglomerative_clustering
from unsupervised.core.settings import SettingError
from unsupervised.data.datasets import NOISE_LABEL


def line(*xs: float) -> np.ndarray:
    return np.array([[x, 0.0] for x in xs])


def test_cores_borders_and_noise_on_a_line() -> None:
    """With eps 1.2 and min_samples 3 (the instance itself included), 1 and 2 have three
    instances within reach and are cores; 0 and 3 have two, but a core within reach: borders;
    10 has none: noise."""
    model = fit_dbscan(line(0, 1, 2, 3, 10), eps=1.2, min_samples=3)
    kinds = point_kinds(model.labels_, model.core_sample_indices_)
    assert kinds.core.tolist() == [False, True, True, False, False]
    assert kinds.border.tolist() == [True, False, False, True, False]
    assert kinds.noise.tolist() == [False, False, False, False, True]
    assert n_clusters(model.labels_) == 1


@pytest.mark.parametrize(
    ("eps", "min_samples", "setting"), [(0.0, 3, "eps"), (-1.0, 3, "eps"), (1.0, 0, "min_samples")]
)
def test_dbscan_refuses_parameters_that_are_not_positive(
    eps: float, min_samples: int, setting: str
) -> None:
    with pytest.raises(SettingError, match=f"^{setting}="):
        fit_dbscan(line(0, 1), eps=eps, min_samples=min_samples)


def test_new_instances_take_their_nearest_core_s_cluster_or_are_noise() -> None:
    """The first instance is noise, so the cores' positions are not the instances' positions:
    the nearest core's cluster must be read among the cores' labels."""
    X = np.array([[10.0, 10.0], [0, 0], [0, 0.1], [0.1, 0], [5, 5], [5, 5.1], [5.1, 5]])
    model = fit_dbscan(X, eps=0.5, min_samples=2)
    assert model.labels_.tolist() == [NOISE_LABEL, 0, 0, 0, 1, 1, 1]
    classifier = core_classifier(model, n_neighbors=1)
    new = np.array([[5.0, 5.2], [0.1, 0.1], [20.0, 20.0]])
    predicted = predict_or_noise(model, classifier, new, max_distance=0.5)
    assert predicted.tolist() == [1, 0, NOISE_LABEL]


def test_a_classifier_needs_as_many_cores_as_neighbours() -> None:
    model = fit_dbscan(line(0, 1, 2), eps=1.5, min_samples=2)
    with pytest.raises(SettingError, match="^n_neighbors=5: .*3 core instances"):
        core_classifier(model, n_neighbors=5)


def test_the_knee_separates_far_instances_from_a_dense_grid() -> None:
    """A regular grid (every neighbour at distance 1) and five instances far away: the curve
    drops from about 1,000 to 1 after the five, and eps is 1 there."""
    X = line(*range(100), *(1000 * i for i in range(1, 6)))
    distances = k_distances(X, min_samples=2)
    assert distances[:5].tolist() == [1000, 1000, 1000, 1000, 901]
    found = knee(X, min_samples=2)
    assert (found.rank, found.eps) == (5, 1.0)
    fitted = fit_dbscan(X, found.eps, 2)
    assert n_clusters(fitted.labels_) == 1 and np.sum(fitted.labels_ == NOISE_LABEL) == 5


def test_a_flat_k_distance_curve_has_no_knee_and_names_min_samples() -> None:
    with pytest.raises(SettingError, match="^min_samples=2: the k-distance curve is flat"):
        knee(line(*range(10)), min_samples=2)


def test_k_distances_need_min_samples_within_the_instances() -> None:
    with pytest.raises(SettingError, match="^min_samples=4: .* from 2 to the 3 instances"):
        k_distances(line(0, 1, 2), min_samples=4)


def test_complete_linkage_merges_the_chapter_s_points_pairwise() -> None:
    metrics = agglomerative_clustering(
        points=[0, 2, 5, 8.5], linkage="complete", figure_size=[4, 3]
    ).metrics
    merges = [(metrics[f"merge_{i}_first"], metrics[f"merge_{i}_second"]) for i in range(3)]
    assert merges == [(0, 1), (2, 3), (4, 5)]
    assert [metrics[f"merge_{i}_distance"] for i in range(3)] == [2.0, 3.5, 8.5]
