"""The introduction's experiments, one function per rule."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from unsupervised.core.lazy import lazy_import
from unsupervised.core.results import Result
from unsupervised.introduction.iris import classify_with_gmm, iris_species

plots = lazy_import("unsupervised.introduction.plots")


def iris_gmm_species(X: np.ndarray, y: np.ndarray, *, figure_size: Sequence[float]) -> Result:
    """Classification (labels known) beside clustering (no labels) of the same petals."""
    return Result(
        figures={
            "figure": lambda: plots.plot_classification_vs_clustering(
                X, y, iris_species(), tuple(figure_size)
            )
        }
    )


def iris_gmm(
    X: np.ndarray,
    y: np.ndarray,
    *,
    n_components: int,
    random_state: int,
    figure_size: Sequence[float],
) -> Result:
    """A Gaussian mixture on all four features, its clusters mapped to the species."""
    result = classify_with_gmm(X, y, n_components, random_state)
    n_correct = result.n_correct(y)
    return Result(
        metrics={"n_correct": n_correct, "accuracy": n_correct / len(y)},
        figures={
            "figure": lambda: plots.plot_gmm_clusters(
                X, y, result, iris_species(), tuple(figure_size)
            )
        },
    )
