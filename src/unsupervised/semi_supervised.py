"""Clustering for semi-supervised learning: representative labels, label propagation,
label spreading, active learning and label-budget strategies."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.base import ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.semi_supervised import LabelPropagation, LabelSpreading

from unsupervised.kmeans import kmeans_model

STRATEGIES = ("random", "representative", "propagated", "propagated_percentile",
              "label_spreading")
UNLABELLED = -1


def make_classifier(one_vs_rest: bool, max_iter: int, random_state: int) -> ClassifierMixin:
    """The chapter's logistic regression ("ovr": one binary model per class), or multinomial.

    The binary models are fitted by Newton's method: on unscaled pixels the problem is so
    ill-conditioned that lbfgs stops at a point that depends on the round-off of the CPU's
    BLAS kernels, and flips test predictions with it; Newton's method reaches the optimum
    itself. The multinomial model (ten times more coefficients) keeps lbfgs, which is
    stable on the float64 principal components it is given.
    """
    if one_vs_rest:
        return OneVsRestClassifier(LogisticRegression(
            solver="newton-cholesky", max_iter=max_iter, random_state=random_state))
    return LogisticRegression(max_iter=max_iter, random_state=random_state)


def check_budget(budget: int, n_train: int, n_classes: int, parameter: str) -> None:
    if budget > n_train:
        raise ValueError(f"{parameter}={budget}: more labels than the {n_train} training "
                         f"instances; lower it to at most {n_train}")
    if budget < n_classes:
        raise ValueError(f"{parameter}={budget}: fewer labels than the {n_classes} classes; "
                         f"use at least {n_classes}")


def check_percentile(percentile: float, parameter: str) -> None:
    if not 0 < percentile <= 100:
        raise ValueError(f"{parameter}={percentile}: a percentile must lie in (0, 100]")


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
    check_percentile(percentile, "percentile")
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


def select_uncertain(proba: np.ndarray, candidates: np.ndarray, clusters: np.ndarray,
                     batch: int) -> np.ndarray:
    """The `batch` least confident candidates, at most one per cluster while clusters last.

    `proba` holds class probabilities of the candidates (rows in the order of `candidates`);
    `clusters` gives the cluster of every instance.
    """
    order = np.argsort(proba.max(axis=1), kind="stable")
    chosen: list[int] = []
    used: set[int] = set()
    for index in order:  # first pass: the least confident instance of distinct clusters
        if clusters[candidates[index]] not in used:
            chosen.append(index)
            used.add(clusters[candidates[index]])
            if len(chosen) == batch:
                break
    if len(chosen) < batch:  # fewer clusters than the batch: fill with the least confident
        rest = [index for index in order if index not in set(chosen)]
        chosen.extend(rest[: batch - len(chosen)])
    return candidates[np.array(chosen, dtype=int)]


def active_learning(
    X: np.ndarray, y: np.ndarray, X_test: np.ndarray, y_test: np.ndarray, *,
    initial: np.ndarray, clusters: np.ndarray, rounds: int, batch: int,
    make_model: Callable[[], ClassifierMixin], choose: str, random_state: int,
) -> list[tuple[int, float]]:
    """Rounds of labelling: fit on the labelled set, then label `batch` more instances (the true
    labels stand in for an expert), by uncertainty ("uncertainty") or at random ("random").
    Returns (number of labels, test accuracy) before each round and after the last."""
    rng = np.random.default_rng(random_state)
    labelled = np.array(initial, dtype=int)
    history = []
    for round_number in range(rounds + 1):
        model = make_model().fit(X[labelled], y[labelled])
        history.append((len(labelled), float(model.score(X_test, y_test))))
        if round_number == rounds:
            break
        candidates = np.setdiff1d(np.arange(len(X)), labelled)
        if choose == "uncertainty":
            new = select_uncertain(model.predict_proba(X[candidates]), candidates, clusters,
                                   batch)
        else:
            new = rng.choice(candidates, size=batch, replace=False)
        labelled = np.concatenate([labelled, new])
    return history


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
    check_budget(budget, len(X), len(np.unique(y)), "label_budget.budgets")
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
        return float(spread.score(X_test, y_test))
    percentile = settings.percentile if strategy == "propagated_percentile" else 100
    propagated = propagate(clustering, y[reps], percentile)
    kept = propagated != UNLABELLED
    return float(model.fit(X[kept], propagated[kept]).score(X_test, y_test))


def mean_and_spread(values: Sequence[float]) -> tuple[float, float]:
    array = np.asarray(values, dtype=float)
    return float(array.mean()), float(array.std())


@dataclass(frozen=True)
class FewLabelsStudy:
    """The chapter's semi-supervised study: few labels given several ways."""

    metrics: dict[str, float]
    representatives: np.ndarray  # indices of the labelled representative instances
    sweep: dict[float, tuple[float, float]]  # percentile -> (test accuracy, label accuracy)


def few_labels_study(
    split, *, n_labels: int, n_clusters: int, percentile: float, percentiles: Sequence[float],
    n_neighbors: int, alpha: float, n_init: int, random_state: int,
    make_model: Callable[[], ClassifierMixin], prefix: str,
) -> FewLabelsStudy:
    """Test accuracy with `n_labels` labels: the first instances of the (shuffled) training
    set, the representatives of the largest clusters, those labels propagated to the closest
    share of each cluster (for every percentile asked, 100 = whole clusters), and label
    spreading or propagation from the representatives."""
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
        sweep[share] = (accuracy(X[kept], propagated[kept]),
                        float(np.mean(propagated[kept] == y[kept])))
    metrics = {
        f"{prefix}.random_accuracy": accuracy(X[:n_labels], y[:n_labels]),
        f"{prefix}.representative_accuracy": accuracy(X[reps], y[reps]),
        f"{prefix}.propagated_accuracy": sweep[100][0],
        f"{prefix}.propagated_percentile_accuracy": sweep[percentile][0],
        f"{prefix}.propagated_percentile_label_accuracy": sweep[percentile][1],
    }
    for share in percentiles:
        name = f"{share:g}".replace(".", "_")
        metrics[f"{prefix}.percentile_{name}_accuracy"] = sweep[share][0]
        metrics[f"{prefix}.percentile_{name}_label_accuracy"] = sweep[share][1]
    partial = np.full(len(X), UNLABELLED)
    partial[reps] = y[reps]
    for name, spreading in (("label_spreading", True), ("label_propagation", False)):
        model = label_spreading(X, partial, n_neighbors=n_neighbors, alpha=alpha,
                                spreading=spreading, max_iter=1000)
        metrics[f"{prefix}.{name}_accuracy"] = float(model.score(split.X_test, split.y_test))
    return FewLabelsStudy(metrics, reps, sweep)
