"""Comparing clusters with classes: one-to-one mapping and purity."""

from __future__ import annotations

import numpy as np
import pytest

from unsupervised.core.cluster_classes import match_clusters_to_classes, purity, relabel


def test_permuted_cluster_ids_map_back_exactly() -> None:
    y = np.array([0, 0, 1, 1, 2, 2])
    clusters = np.array([5, 5, 3, 3, 9, 9])
    mapping = match_clusters_to_classes(y, clusters)
    assert mapping == {5: 0, 3: 1, 9: 2}
    np.testing.assert_array_equal(relabel(clusters, mapping), y)


def test_mapping_is_one_to_one_where_the_mode_would_not_be() -> None:
    # Cluster 0 holds most of both class 0 and class 1: the per-class mode would map both
    # classes to it; the assignment gives class 1 to cluster 1 instead.
    y = np.array([0, 0, 0, 1, 1, 1, 1, 1])
    clusters = np.array([0, 0, 0, 0, 0, 0, 1, 1])
    mapping = match_clusters_to_classes(y, clusters)
    assert mapping == {0: 0, 1: 1}
    assert int(np.sum(relabel(clusters, mapping) == y)) == 5


def test_extra_clusters_stay_unmatched() -> None:
    y = np.array([0, 0, 1, 1])
    clusters = np.array([0, 2, 1, 1])
    mapping = match_clusters_to_classes(y, clusters)
    assert sorted(mapping.values()) == [0, 1] and len(mapping) == 2
    assert (relabel(clusters, mapping) == -1).sum() == 1


def test_purity_counts_the_majority_class_of_each_cluster() -> None:
    y = np.array([0, 0, 1, 1, 1, 2])
    labels = np.array([0, 0, 0, 1, 1, 1])
    assert purity(y, labels) == pytest.approx(4 / 6)
