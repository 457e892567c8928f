"""DBSCAN: its core, border and noise instances, a classifier of new instances trained on its
cores (DBSCAN has no ``predict``), and eps chosen at the knee of the k-distance curve."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.cluster import DBSCAN
from sklearn.neighbors import KNeighborsClassifier, NearestNeighbors

from unsupervised.core.elbow import elbow
from unsupervised.core.settings import SettingError
from unsupervised.data.datasets import NOISE_LABEL


def fit_dbscan(X: np.ndarray, eps: float, min_samples: int) -> DBSCAN:
    if eps <= 0:
        raise SettingError("eps", eps, "must be positive")
    if min_samples < 1:
        raise SettingError("min_samples", min_samples, "must be at least 1")
    return DBSCAN(eps=eps, min_samples=min_samples).fit(X)


@dataclass(frozen=True)
class PointKinds:
    """DBSCAN's split of the instances: cores, borders (in a cluster, not cores), noise."""

    core: np.ndarray  # boolean masks over the instances
    border: np.ndarray
    noise: np.ndarray


def point_kinds(labels: np.ndarray, core_indices: np.ndarray) -> PointKinds:
    core = np.zeros(len(labels), dtype=bool)
    core[core_indices] = True
    noise = labels == NOISE_LABEL
    return PointKinds(core=core, border=~(core | noise), noise=noise)


def n_clusters(labels: np.ndarray) -> int:
    """Clusters found, noise not counted."""
    return len(np.setdiff1d(labels, [NOISE_LABEL]))


def core_classifier(model: DBSCAN, n_neighbors: int) -> KNeighborsClassifier:
    """A k-nearest-neighbours classifier trained on the core instances and their clusters."""
    cores = model.labels_[model.core_sample_indices_]
    if n_neighbors > len(cores):
        raise SettingError(
            "n_neighbors", n_neighbors, f"above the {len(cores)} core instances; lower it"
        )
    return KNeighborsClassifier(n_neighbors=n_neighbors).fit(model.components_, cores)


def predict_or_noise(
    model: DBSCAN, classifier: KNeighborsClassifier, X: np.ndarray, max_distance: float
) -> np.ndarray:
    """The cluster of each instance, or NOISE_LABEL when its nearest core is farther than
    `max_distance`. The classifier is `model`'s core classifier: its neighbours are indices
    into the cores, whose clusters are read from the cores' labels (not all instances')."""
    distances, nearest = classifier.kneighbors(X, n_neighbors=1)
    clusters = model.labels_[model.core_sample_indices_][nearest[:, 0]]
    return np.where(distances[:, 0] > max_distance, NOISE_LABEL, clusters)


@dataclass(frozen=True)
class Knee:
    """The k-distance curve sorted from largest to smallest, and its knee."""

    distances: np.ndarray
    rank: int  # instances with a larger k-distance than the knee's
    eps: float


def k_distances(X: np.ndarray, min_samples: int) -> np.ndarray:
    """Each instance's distance to its (min_samples - 1)-th nearest other instance, sorted
    from largest to smallest: an instance is a core for DBSCAN exactly when this distance is
    at most eps (scikit-learn counts the instance itself among its min_samples)."""
    if not 2 <= min_samples <= len(X):
        raise SettingError("min_samples", min_samples, f"must be from 2 to the {len(X)} instances")
    distances, _ = NearestNeighbors(n_neighbors=min_samples).fit(X).kneighbors(X)
    return np.sort(distances[:, -1])[::-1]


def knee(X: np.ndarray, min_samples: int) -> Knee:
    """eps where the k-distance curve flattens, by the same rule as the elbow of inertia:
    the instances left of the knee are far from their neighbours (noise), the rest dense."""
    distances = k_distances(X, min_samples)
    try:
        rank = elbow(range(len(distances)), distances)
    except ValueError:
        raise SettingError(
            "min_samples",
            min_samples,
            "the k-distance curve is flat: every instance is as "
            "far from its neighbours as the others, so no eps separates dense "
            "from sparse; DBSCAN does not suit this data",
        ) from None
    return Knee(distances, rank, float(distances[rank]))
