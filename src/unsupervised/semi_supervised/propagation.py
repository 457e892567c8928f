"""Labels from few: clusters and their representatives, labels propagated within clusters,
graph-based label spreading."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.semi_supervised import LabelPropagation, LabelSpreading

from unsupervised.core.settings import SettingError
from unsupervised.kmeans.algorithm import kmeans_model

UNLABELLED = -1


def check_percentile(percentile: float, setting: str = "percentile") -> None:
    if not 0 < percentile <= 100:
        raise SettingError(setting, percentile, "a percentile must lie in (0, 100]")


@dataclass(frozen=True)
class Clustering:
    """A clustering of the training set and each cluster's representative instance."""

    labels: np.ndarray  # cluster of each training instance
    distance: np.ndarray  # distance of each instance to its own centroid
    representatives: np.ndarray  # per cluster, the index of the instance closest to its centroid


def cluster(X: np.ndarray, k: int, *, random_state: int, n_init: int,
            minibatch: bool = False) -> Clustering:
    """K-Means (or mini-batch K-Means, for large sets) with k clusters and their representatives."""
    model = kmeans_model(k, minibatch=minibatch, n_init=n_init, random_state=random_state,
                         batch_size=4096)
    distances = model.fit_transform(X)
    labels = model.labels_
    return Clustering(labels, distances[np.arange(len(X)), labels], distances.argmin(axis=0))


def largest_clusters(clustering: Clustering, n: int) -> np.ndarray:
    """Ids of the `n` largest clusters (whose representatives get labelled), largest first."""
    sizes = np.bincount(clustering.labels, minlength=len(clustering.representatives))
    return np.argsort(-sizes, kind="stable")[:n]


def propagate(clustering: Clustering, representative_labels: np.ndarray,
              percentile: float = 100) -> np.ndarray:
    """Give every instance its cluster's representative label (UNLABELLED for a cluster whose
    representative has none), keeping only the `percentile` closest to the centroid of each
    cluster; the others are UNLABELLED."""
    check_percentile(percentile)
    y = np.asarray(representative_labels, dtype=np.int64)[clustering.labels]
    for cluster_id in range(len(clustering.representatives)):
        members = clustering.labels == cluster_id
        if not members.any():
            continue
        cutoff = np.percentile(clustering.distance[members], percentile)
        y[members & (clustering.distance > cutoff)] = UNLABELLED
    return y


def label_spreading(X: np.ndarray, y_partial: np.ndarray, *, kernel: str = "knn",
                    n_neighbors: int = 7, alpha: float = 0.2, max_iter: int = 100,
                    spreading: bool = True) -> LabelSpreading | LabelPropagation:
    """scikit-learn's graph-based label spreading (or propagation) from the labelled subset."""
    if spreading:
        model = LabelSpreading(kernel=kernel, n_neighbors=n_neighbors, alpha=alpha,
                               max_iter=max_iter)
    else:
        model = LabelPropagation(kernel=kernel, n_neighbors=n_neighbors, max_iter=max_iter)
    with np.errstate(divide="ignore", invalid="ignore"):  # isolated points get no label mass
        return model.fit(X, y_partial)
