"""The chapter's semi-supervised study: 50 labels given several ways."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.base import ClassifierMixin

from unsupervised.core.results import value_tag
from unsupervised.data.splits import Split
from unsupervised.semi_supervised.propagation import (
    UNLABELLED,
    cluster,
    largest_clusters,
    propagate,
)
from unsupervised.semi_supervised.spreading import knn_graph, spread_labels


@dataclass(frozen=True)
class FewLabelsStudy:
    """The chapter's semi-supervised study: few labels given several ways."""

    metrics: dict[str, float]
    representatives: np.ndarray  # indices of the labelled representative instances
    sweep: dict[float, tuple[float, float]]  # percentile -> (test accuracy, label accuracy)


def few_labels_study(
    split: Split,
    *,
    n_labels: int,
    n_clusters: int,
    percentile: float,
    percentiles: Sequence[float],
    n_neighbors: int,
    alpha: float,
    n_init: int,
    random_state: int,
    make_model: Callable[[], ClassifierMixin],
) -> FewLabelsStudy:
    """Test accuracy with `n_labels` labels: the first instances of the (shuffled) training
    set, the representatives of the largest clusters, those labels propagated to the closest
    share of each cluster (for every percentile asked, 100 = whole clusters), and labels
    spread or propagated over a k-NN graph from the representatives. Every way of labelling
    is scored by the same classifier, trained on the labels it gives."""
    X, y = split.X_train, split.y_train

    def accuracy(X_fit: np.ndarray, y_fit: np.ndarray) -> float:
        return float(make_model().fit(X_fit, y_fit).score(split.X_test, split.y_test))

    clustering = cluster(X, n_clusters, random_state=random_state, n_init=n_init)
    labelled = largest_clusters(clustering, n_labels)
    reps = clustering.representatives[labelled]
    rep_labels = np.full(n_clusters, UNLABELLED)
    rep_labels[labelled] = y[reps]
    sweep = {}
    for share in sorted({*percentiles, percentile, 100}):
        propagated = propagate(clustering, rep_labels, share)
        kept = propagated != UNLABELLED
        sweep[share] = (
            accuracy(X[kept], propagated[kept]),
            float(np.mean(propagated[kept] == y[kept])),
        )
    metrics = {
        "random_accuracy": accuracy(X[:n_labels], y[:n_labels]),
        "representative_accuracy": accuracy(X[reps], y[reps]),
        "propagated_accuracy": sweep[100][0],
        "propagated_percentile_accuracy": sweep[percentile][0],
        "propagated_percentile_label_accuracy": sweep[percentile][1],
    }
    for share in percentiles:
        name = value_tag(share)
        metrics[f"percentile_{name}_accuracy"] = sweep[share][0]
        metrics[f"percentile_{name}_label_accuracy"] = sweep[share][1]
    partial = np.full(len(X), UNLABELLED)
    partial[reps] = y[reps]
    graph = knn_graph(X, n_neighbors)
    for name, spreading in (("label_spreading", True), ("label_propagation", False)):
        spread = spread_labels(X, partial, graph, alpha=alpha, spreading=spreading, max_iter=1000)
        # Scored like the other ways of labelling: the classifier trained on the graph's labels.
        metrics[f"{name}_accuracy"] = accuracy(X, spread)
        metrics[f"{name}_label_accuracy"] = float(np.mean(spread == y))
    return FewLabelsStudy(metrics, reps, sweep)
