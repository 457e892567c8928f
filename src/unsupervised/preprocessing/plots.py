"""The preprocessing section's figure: cross-validated accuracy against k."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from unsupervised.core.figures import new_figure


def plot_cv_accuracy(
    scores: Mapping[int, Sequence[float]], best_k: int, baseline: float, size: Sequence[float]
) -> Figure:
    """Mean cross-validated accuracy (band: min to max over folds) against k."""
    ks = np.array(sorted(scores))
    values = np.array([scores[k] for k in ks])
    fig, (ax,) = new_figure(*size)
    ax.fill_between(
        ks, values.min(axis=1), values.max(axis=1), alpha=0.2, color="tab:blue", label="fold range"
    )
    ax.plot(ks, values.mean(axis=1), "b.-", label="mean over folds")
    ax.axhline(
        baseline,
        color="gray",
        linestyle="--",
        label=f"logistic regression alone (CV {baseline:.3f})",
    )
    ax.plot(best_k, np.mean(scores[best_k]), "r*", markersize=16, label=f"best k = {best_k}")
    ax.set_xlabel("Number of clusters k")
    ax.set_ylabel("Cross-validated accuracy")
    ax.legend(loc="lower right", fontsize=10)
    return fig
