"""Active learning: label the instances the model is least sure of, one per cluster."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from sklearn.base import ClassifierMixin


def select_uncertain(
    proba: np.ndarray, candidates: np.ndarray, clusters: np.ndarray, batch: int
) -> np.ndarray:
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
    X: np.ndarray,
    y: np.ndarray,
    X_test: np.ndarray,
    y_test: np.ndarray,
    *,
    initial: np.ndarray,
    clusters: np.ndarray,
    rounds: int,
    batch: int,
    make_model: Callable[[], ClassifierMixin],
    choose: str,
    random_state: int,
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
            new = select_uncertain(model.predict_proba(X[candidates]), candidates, clusters, batch)
        else:
            new = rng.choice(candidates, size=batch, replace=False)
        labelled = np.concatenate([labelled, new])
    return history
