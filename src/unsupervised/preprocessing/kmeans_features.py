"""Clustering as preprocessing: K-Means distances as features for a classifier, and the
cross-validated search of the number of clusters."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from sklearn.base import ClassifierMixin
from sklearn.cluster import KMeans
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline


def kmeans_pipeline(
    k: int, n_init: int, random_state: int, classifier: ClassifierMixin
) -> Pipeline:
    """K-Means with k clusters, each instance replaced by its distances to the centroids,
    then the classifier."""
    return Pipeline(
        [
            ("kmeans", KMeans(n_clusters=k, n_init=n_init, random_state=random_state)),
            ("classifier", classifier),
        ]
    )


def stratified_folds(folds: int, random_state: int) -> StratifiedKFold:
    """The shuffled stratified folds every cross-validation of the k search uses."""
    return StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state)


def cross_validated_accuracy(
    X: np.ndarray,
    y: np.ndarray,
    ks: Sequence[int],
    *,
    folds: int,
    cv_random_state: int,
    make_pipeline: Callable[[int], Pipeline],
) -> dict[int, list[float]]:
    """Per k, the validation accuracy on each fold of a stratified split fixed by its seed
    (the same folds for every k and every job)."""
    splits = list(stratified_folds(folds, cv_random_state).split(X, y))
    return {
        k: [
            float(make_pipeline(k).fit(X[train], y[train]).score(X[valid], y[valid]))
            for train, valid in splits
        ]
        for k in ks
    }
