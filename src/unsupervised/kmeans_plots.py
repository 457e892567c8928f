"""Drawing clusterings of 2-D data: points, centroids and Voronoi decision regions."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from unsupervised.kmeans import nearest_centroid


def plot_points(ax: Axes, X: np.ndarray, labels: np.ndarray | None = None) -> None:
    if labels is None:
        ax.plot(X[:, 0], X[:, 1], "k.", markersize=2)
    else:
        ax.scatter(X[:, 0], X[:, 1], c=labels, s=2, cmap="tab10")


def plot_centroids(ax: Axes, centers: np.ndarray, circle: str = "w", cross: str = "k") -> None:
    ax.scatter(centers[:, 0], centers[:, 1], marker="o", s=35, linewidths=8, color=circle,
               zorder=10, alpha=0.9)
    ax.scatter(centers[:, 0], centers[:, 1], marker="x", s=2, linewidths=12, color=cross,
               zorder=11, alpha=1)


def plot_voronoi(
    ax: Axes,
    X: np.ndarray,
    centers: np.ndarray,
    resolution: int,
    show_centroids: bool = True,
    extra_points: np.ndarray | None = None,
) -> None:
    """Regions of the plane closest to each centroid, with the data on top; the regions cover
    the data and any `extra_points` drawn later."""
    covered = X if extra_points is None else np.vstack([X, extra_points])
    mins, maxs = covered.min(axis=0) - 0.1, covered.max(axis=0) + 0.1
    xx, yy = np.meshgrid(np.linspace(mins[0], maxs[0], resolution),
                         np.linspace(mins[1], maxs[1], resolution))
    regions = nearest_centroid(np.c_[xx.ravel(), yy.ravel()], centers).reshape(xx.shape)
    extent = (mins[0], maxs[0], mins[1], maxs[1])
    ax.contourf(regions, extent=extent, levels=np.arange(len(centers) + 1) - 0.5,
                cmap="Pastel2")
    ax.contour(regions, extent=extent, levels=np.arange(len(centers)) + 0.5, linewidths=1,
               colors="k")
    plot_points(ax, X)
    if show_centroids:
        plot_centroids(ax, centers)


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
