"""The clustering of a label budget, one cluster per label: a module of its own, so that the
clustering jobs' code fingerprint does not follow the strategies' code, and editing a
strategy does not fit the clusterings again."""

from __future__ import annotations

import numpy as np

from unsupervised.core.settings import SettingError
from unsupervised.semi_supervised.propagation import Clustering, cluster


def check_budget(budget: int, n_train: int, n_classes: int, setting: str = "budgets") -> None:
    if budget > n_train:
        raise SettingError(
            setting,
            budget,
            f"more labels than the {n_train} training instances; lower it to at most {n_train}",
        )
    if budget < n_classes:
        raise SettingError(
            setting, budget, f"fewer labels than the {n_classes} classes; use at least {n_classes}"
        )


def budget_clustering(
    X: np.ndarray, y: np.ndarray, budget: int, seed: int, *, n_init: int, minibatch: bool
) -> Clustering:
    """The clustering with one cluster per label of the budget, which every clustering
    strategy of this (budget, seed) labels from."""
    check_budget(budget, len(X), len(np.unique(y)))
    return cluster(X, budget, random_state=seed, n_init=n_init, minibatch=minibatch)
