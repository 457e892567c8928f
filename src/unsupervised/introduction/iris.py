"""The chapter's opening example: iris species versus Gaussian-mixture clusters."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.datasets import load_iris
from sklearn.mixture import GaussianMixture

from unsupervised.core.cluster_classes import match_clusters_to_classes, relabel


def iris_species() -> list[str]:
    return [str(name) for name in load_iris().target_names]


@dataclass(frozen=True)
class GmmClassification:
    predicted: np.ndarray  # class predicted for each sample via its mapped cluster
    mapping: dict[int, int]  # cluster id -> class id

    def n_correct(self, y: np.ndarray) -> int:
        return int(np.sum(self.predicted == y))


def classify_with_gmm(
    X: np.ndarray, y: np.ndarray, n_components: int, random_state: int
) -> GmmClassification:
    """Fit a Gaussian mixture on all features, then map its clusters to the classes."""
    clusters = GaussianMixture(n_components=n_components, random_state=random_state).fit_predict(X)
    mapping = match_clusters_to_classes(y, clusters)
    return GmmClassification(predicted=relabel(clusters, mapping), mapping=mapping)
