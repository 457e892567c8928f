"""The introduction's figures: iris petals by species, unlabelled, and as clustered."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from unsupervised.core.figures import new_figure, scatter_by_class
from unsupervised.introduction.iris import GmmClassification

PETAL_LENGTH, PETAL_WIDTH = 2, 3


def _petals(X: np.ndarray) -> np.ndarray:
    return X[:, [PETAL_LENGTH, PETAL_WIDTH]]


def _label_petal_axes(ax, show_y: bool = True) -> None:
    ax.set_xlabel("Petal length (cm)")
    if show_y:
        ax.set_ylabel("Petal width (cm)")
    else:
        ax.tick_params(labelleft=False)


def _species_panel(ax, X: np.ndarray, y: np.ndarray, species: list[str], title: str) -> None:
    scatter_by_class(ax, _petals(X), y, [f"Iris {name}" for name in species])
    ax.legend(loc="lower right")
    ax.set_title(title)
    _label_petal_axes(ax)


def plot_classification_vs_clustering(
    X: np.ndarray, y: np.ndarray, species: list[str], size: tuple[float, float]
) -> Figure:
    """Left: petals coloured by species (classification). Right: the same points unlabelled."""
    fig, (left, right) = new_figure(*size, ncols=2, sharey=True)
    _species_panel(left, X, y, species, "Classification: labels known")
    right.plot(*_petals(X).T, "k.")
    right.set_title("Clustering: no labels")
    _label_petal_axes(right, show_y=False)
    return fig


def plot_gmm_clusters(
    X: np.ndarray,
    y: np.ndarray,
    result: GmmClassification,
    species: list[str],
    size: tuple[float, float],
) -> Figure:
    """Left: true species. Right: Gaussian-mixture clusters, misassigned samples circled red."""
    fig, (left, right) = new_figure(*size, ncols=2, sharey=True)
    _species_panel(left, X, y, species, "True species")
    cluster_of_class = {cls: cluster for cluster, cls in result.mapping.items()}
    names = [f"Cluster {cluster_of_class.get(c, '?')} → {name}" for c, name in enumerate(species)]
    scatter_by_class(right, _petals(X), result.predicted, names)
    wrong = result.predicted != y
    right.plot(
        *_petals(X)[wrong].T,
        "o",
        markersize=12,
        markerfacecolor="none",
        markeredgecolor="red",
        label=f"Misassigned ({wrong.sum()})",
    )
    right.legend(loc="lower right")
    right.set_title(f"Gaussian mixture: {result.n_correct(y)}/{len(y)} correct")
    _label_petal_axes(right, show_y=False)
    return fig
