"""Label budgets: test accuracy against the number of true labels, per labelling strategy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from unsupervised.core.classifiers import make_classifier
from unsupervised.data.splits import Split
from unsupervised.semi_supervised.budget_clustering import check_budget
from unsupervised.semi_supervised.propagation import UNLABELLED, Clustering, propagate
from unsupervised.semi_supervised.spreading import spread_labels

STRATEGIES = ("random", "representative", "propagated", "propagated_percentile", "label_spreading")


@dataclass(frozen=True)
class BudgetSettings:
    percentile: float
    one_vs_rest: bool
    max_iter: int
    alpha: float


def training_labels(
    strategy: str,
    X: np.ndarray,
    y: np.ndarray,
    budget: int,
    seed: int,
    settings: BudgetSettings,
    clustering: Clustering | None = None,
    graph: sparse.spmatrix | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The training rows a strategy labels from `budget` true labels, and their labels.
    Every strategy but "random" reads the budget's `clustering` (of this seed); label
    spreading also reads `graph`, the k-NN graph of X."""
    if strategy == "random":
        chosen = np.random.default_rng(seed).choice(len(X), size=budget, replace=False)
        return chosen, y[chosen]
    if clustering is None or len(clustering.representatives) != budget:
        raise ValueError(
            f"strategy {strategy!r} labels from a clustering with {budget} "
            f"clusters (the budget); give it one"
        )
    reps = clustering.representatives
    if strategy == "representative":
        return reps, y[reps]
    if strategy == "label_spreading":
        if graph is None:
            raise ValueError(
                "strategy 'label_spreading' spreads labels over the k-NN graph "
                "of the training set; give it one"
            )
        partial = np.full(len(X), UNLABELLED)
        partial[reps] = y[reps]
        return np.arange(len(X)), spread_labels(X, partial, graph, alpha=settings.alpha)
    percentile = settings.percentile if strategy == "propagated_percentile" else 100
    propagated = propagate(clustering, y[reps], percentile)
    rows = np.flatnonzero(propagated != UNLABELLED)
    return rows, propagated[rows]


def budget_accuracy(
    strategy: str,
    split: Split,
    budget: int,
    seed: int,
    settings: BudgetSettings,
    clustering: Clustering | None = None,
    graph: sparse.spmatrix | None = None,
) -> float:
    """Test accuracy reached with `budget` true labels under one labelling strategy: every
    strategy is scored by the same classifier, trained on the labels it gives."""
    X, y = split.X_train, split.y_train
    check_budget(budget, len(X), len(np.unique(y)))
    rows, labels = training_labels(strategy, X, y, budget, seed, settings, clustering, graph)
    model = make_classifier(settings.one_vs_rest, settings.max_iter, seed)
    return float(model.fit(X[rows], labels).score(split.X_test, split.y_test))


def label_budget_runs(
    split: Split,
    *,
    strategy: str,
    budget: int,
    seeds: Sequence[int],
    settings: Mapping[str, Any],
    clusterings: Mapping[int, Clustering],
    graph: sparse.spmatrix | None = None,
) -> dict[str, Any]:
    """Test accuracy of one strategy with one budget, for every seed (each seed's clustering
    with k = budget, none for "random"; label spreading's k-NN graph)."""
    budget_settings = BudgetSettings(**settings)
    accuracies = [
        budget_accuracy(
            strategy, split, budget, seed, budget_settings, clusterings.get(seed), graph
        )
        for seed in seeds
    ]
    return {"strategy": strategy, "budget": budget, "seeds": list(seeds), "accuracies": accuracies}


def budget_runs(
    split: Split, *, strategies: Sequence[str], budget: int, **settings: Any
) -> dict[str, dict[str, Any]]:
    """label_budget_runs of each of `strategies` with one budget, by strategy."""
    return {
        strategy: label_budget_runs(split, strategy=strategy, budget=budget, **settings)
        for strategy in strategies
    }


def mean_and_spread(values: Sequence[float]) -> tuple[float, float]:
    array = np.asarray(values, dtype=float)
    return float(array.mean()), float(array.std())
