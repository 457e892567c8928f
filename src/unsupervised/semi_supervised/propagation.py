"""Labels from few: clusters and their representatives, labels propagated within clusters."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from unsupervised.core.io import atomic_path
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

    def save(self, path: str | Path) -> None:
        with atomic_path(path) as tmp, open(tmp, "wb") as handle:
            np.savez(
                handle,
                labels=self.labels,
                distance=self.distance,
                representatives=self.representatives,
            )

    @classmethod
    def load(cls, path: str | Path) -> Clustering:
        with np.load(path) as data:
            return cls(data["labels"], data["distance"], data["representatives"])


def cluster(
    X: np.ndarray, k: int, *, random_state: int, n_init: int, minibatch: bool = False
) -> Clustering:
    """K-Means (or mini-batch K-Means, for large sets) with k clusters and their representatives."""
    model = kmeans_model(
        k, minibatch=minibatch, n_init=n_init, random_state=random_state, batch_size=4096
    )
    distances = model.fit_transform(X)
    labels = model.labels_
    return Clustering(labels, distances[np.arange(len(X)), labels], distances.argmin(axis=0))


def largest_clusters(clustering: Clustering, n: int) -> np.ndarray:
    """Ids of the `n` largest clusters (whose representatives get labelled), largest first."""
    sizes = np.bincount(clustering.labels, minlength=len(clustering.representatives))
    return np.argsort(-sizes, kind="stable")[:n]


def propagate(
    clustering: Clustering, representative_labels: np.ndarray, percentile: float = 100
) -> np.ndarray:
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
