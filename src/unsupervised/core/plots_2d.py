"""Drawing 2-D data: points, cluster centers, decision regions of any predictor, axis labels.

Every clustering section of the chapter draws its 2-D sets this way (K-Means' Voronoi
regions, and the decision boundaries of other clusterers)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.axes import Axes


def plot_points(ax: Axes, X: np.ndarray, labels: np.ndarray | None = None) -> None:
    if labels is None:
        ax.plot(X[:, 0], X[:, 1], "k.", markersize=2)
    else:
        ax.scatter(X[:, 0], X[:, 1], c=labels, s=2, cmap="tab10")


def plot_centers(ax: Axes, centers: np.ndarray, circle: str = "w", cross: str = "k") -> None:
    ax.scatter(
        centers[:, 0],
        centers[:, 1],
        marker="o",
        s=35,
        linewidths=8,
        color=circle,
        zorder=10,
        alpha=0.9,
    )
    ax.scatter(
        centers[:, 0],
        centers[:, 1],
        marker="x",
        s=2,
        linewidths=12,
        color=cross,
        zorder=11,
        alpha=1,
    )


def plot_decision_regions(
    ax: Axes,
    X: np.ndarray,
    predict: Callable[[np.ndarray], np.ndarray],
    n_regions: int,
    resolution: int,
    extra_points: np.ndarray | None = None,
) -> None:
    """The regions where `predict` gives each of its `n_regions` labels (0 to n_regions - 1)
    on a grid, their boundaries, and the data on top; the grid covers the data and any
    `extra_points` drawn later."""
    covered = X if extra_points is None else np.vstack([X, extra_points])
    mins, maxs = covered.min(axis=0) - 0.1, covered.max(axis=0) + 0.1
    xx, yy = np.meshgrid(
        np.linspace(mins[0], maxs[0], resolution), np.linspace(mins[1], maxs[1], resolution)
    )
    regions = predict(np.c_[xx.ravel(), yy.ravel()]).reshape(xx.shape)
    extent = (mins[0], maxs[0], mins[1], maxs[1])
    ax.contourf(regions, extent=extent, levels=np.arange(n_regions + 1) - 0.5, cmap="Pastel2")
    ax.contour(regions, extent=extent, levels=np.arange(n_regions) + 0.5, linewidths=1, colors="k")
    plot_points(ax, X)


def label_axes(ax: Axes, x: bool = True, y: bool = True) -> None:
    """The chapter's $x_1$/$x_2$ axis labels, or no tick labels on a shared side."""
    if x:
        ax.set_xlabel("$x_1$")
    else:
        ax.tick_params(labelbottom=False)
    if y:
        ax.set_ylabel("$x_2$", rotation=0, labelpad=12)
    else:
        ax.tick_params(labelleft=False)
