"""Label budgets: test accuracy against the number of true labels, per labelling strategy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from unsupervised.core.classifiers import make_classifier
from unsupervised.core.settings import SettingError
from unsupervised.semi_supervised.propagation import (
    UNLABELLED,
    cluster,
    label_spreading,
    propagate,
)

STRATEGIES = ("random", "representative", "propagated", "propagated_percentile",
              "label_spreading")


def check_budget(budget: int, n_train: int, n_classes: int, setting: str = "budgets") -> None:
    if budget > n_train:
        raise SettingError(setting, budget, f"more labels than the {n_train} training "
                                            f"instances; lower it to at most {n_train}")
    if budget < n_classes:
        raise SettingError(setting, budget, f"fewer labels than the {n_classes} classes; "
                                            f"use at least {n_classes}")


@dataclass(frozen=True)
class BudgetSettings:
    percentile: float
    n_init: int
    minibatch: bool
    one_vs_rest: bool
    max_iter: int
    n_neighbors: int
    alpha: float


def budget_accuracy(strategy: str, X: np.ndarray, y: np.ndarray, X_test: np.ndarray,
                    y_test: np.ndarray, budget: int, seed: int,
                    settings: BudgetSettings) -> float:
    """Test accuracy reached with `budget` true labels under one labelling strategy."""
    check_budget(budget, len(X), len(np.unique(y)))
    model = make_classifier(settings.one_vs_rest, settings.max_iter, seed)
    if strategy == "random":
        chosen = np.random.default_rng(seed).choice(len(X), size=budget, replace=False)
        return float(model.fit(X[chosen], y[chosen]).score(X_test, y_test))
    clustering = cluster(X, budget, random_state=seed, n_init=settings.n_init,
                         minibatch=settings.minibatch)
    reps = clustering.representatives
    if strategy == "representative":
        return float(model.fit(X[reps], y[reps]).score(X_test, y_test))
    if strategy == "label_spreading":
        partial = np.full(len(X), UNLABELLED)
        partial[reps] = y[reps]
        spread = label_spreading(X, partial, n_neighbors=settings.n_neighbors,
                                 alpha=settings.alpha)
        # Scored like every other strategy: the same classifier, trained on the spread labels.
        return float(model.fit(X, spread.transduction_).score(X_test, y_test))
    percentile = settings.percentile if strategy == "propagated_percentile" else 100
    propagated = propagate(clustering, y[reps], percentile)
    kept = propagated != UNLABELLED
    return float(model.fit(X[kept], propagated[kept]).score(X_test, y_test))


def mean_and_spread(values: Sequence[float]) -> tuple[float, float]:
    array = np.asarray(values, dtype=float)
    return float(array.mean()), float(array.std())
