"""Comparing clusters with known classes: one-to-one matching, purity."""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import confusion_matrix


def match_clusters_to_classes(y_true: np.ndarray, clusters: np.ndarray) -> dict[int, int]:
    """Map each cluster to a class one-to-one, maximising the number of agreeing samples.

    The Hungarian algorithm on the class × cluster contingency table; unlike mapping each
    class to its most frequent cluster, it cannot send two classes to one cluster.
    """
    classes = np.unique(y_true)
    cluster_ids = np.unique(clusters)
    table = confusion_matrix(
        np.searchsorted(classes, y_true),
        np.searchsorted(cluster_ids, clusters),
        labels=range(max(len(classes), len(cluster_ids))),
    )
    class_rows, cluster_cols = linear_sum_assignment(table, maximize=True)
    return {
        int(cluster_ids[col]): int(classes[row])
        for row, col in zip(class_rows, cluster_cols, strict=True)
        if row < len(classes) and col < len(cluster_ids)
    }


def relabel(clusters: np.ndarray, mapping: dict[int, int], unmatched: int = -1) -> np.ndarray:
    """Replace cluster ids by their mapped class; clusters without a class get `unmatched`."""
    return np.array([mapping.get(int(c), unmatched) for c in clusters], dtype=np.int64)


def purity(y: np.ndarray, labels: np.ndarray) -> float:
    """Share of samples whose cluster's most common class is their own class."""
    counts = np.zeros((labels.max() + 1, y.max() + 1), dtype=np.int64)
    np.add.at(counts, (labels, y), 1)
    return float(counts.max(axis=1).sum() / len(y))
