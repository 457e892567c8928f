"""The chapter's opening example: iris species versus Gaussian-mixture clusters."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure
from sklearn.datasets import load_iris
from sklearn.mixture import GaussianMixture

from unsupervised.clustering import match_clusters_to_classes, relabel
from unsupervised.plotting import new_figure, scatter_by_class

PETAL_LENGTH, PETAL_WIDTH = 2, 3


def iris_species() -> list[str]:
    return [str(name) for name in load_iris().target_names]


@dataclass(frozen=True)
class GmmClassification:
    predicted: np.ndarray  # class predicted for each sample via its mapped cluster
    mapping: dict[int, int]  # cluster id -> class id

    def n_correct(self, y: np.ndarray) -> int:
        return int(np.sum(self.predicted == y))


def classify_with_gmm(
    X: np.ndarray, y: np.ndarray, n_components: int, random_state: int
) -> GmmClassification:
    """Fit a Gaussian mixture on all features, then map its clusters to the classes."""
    clusters = GaussianMixture(n_components=n_components, random_state=random_state).fit_predict(X)
    mapping = match_clusters_to_classes(y, clusters)
    return GmmClassification(predicted=relabel(clusters, mapping), mapping=mapping)


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
    right.plot(*_petals(X)[wrong].T, "o", markersize=12, markerfacecolor="none",
               markeredgecolor="red", label=f"Misassigned ({wrong.sum()})")
    right.legend(loc="lower right")
    right.set_title(f"Gaussian mixture: {result.n_correct(y)}/{len(y)} correct")
    _label_petal_axes(right, show_y=False)
    return fig
