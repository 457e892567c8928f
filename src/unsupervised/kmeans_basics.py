"""K-Means on the chapter's 2-D sets: fit and predict, the algorithm step by step,
initialisation and its variability, and the ellipsoidal blobs where K-Means fails."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FormatStrFormatter

from unsupervised.kmeans import (
    HitRate,
    final_inertias,
    fit_kmeans,
    inertia,
    match_centroids,
)
from unsupervised.kmeans_plots import label_axes, plot_centroids, plot_points, plot_voronoi
from unsupervised.plotting import new_figure


@dataclass(frozen=True)
class FitReport:
    """K-Means fitted on blobs with known centers, and its predictions for new points."""

    centers: np.ndarray  # estimated, reordered to follow the true centers
    true_centers: np.ndarray
    inertia: float
    score: float  # the estimator's score(X): minus the inertia
    inertia_from_distances: float  # sum of squared transform() distances to own centroid
    new_points: np.ndarray
    new_point_blobs: np.ndarray  # for each new point, the true blob of its predicted cluster
    distances: np.ndarray  # transform(new_points): soft clustering
    distances_error: float  # max |transform - explicit Euclidean distance|

    @property
    def centroid_errors(self) -> np.ndarray:
        """Distance of each estimated centroid to its true center."""
        return np.linalg.norm(self.centers - self.true_centers, axis=1)

    def centroid_table(self) -> pd.DataFrame:
        return pd.DataFrame({
            "true_x1": self.true_centers[:, 0], "true_x2": self.true_centers[:, 1],
            "estimated_x1": self.centers[:, 0], "estimated_x2": self.centers[:, 1],
            "distance": self.centroid_errors,
        })

    def new_points_table(self) -> pd.DataFrame:
        table = pd.DataFrame(self.new_points, columns=["x1", "x2"])
        table["blob"] = self.new_point_blobs
        for blob in range(self.distances.shape[1]):
            table[f"distance_to_centroid_{blob}"] = self.distances[:, blob]
        return table

    def metrics(self, prefix: str) -> dict[str, float]:
        metrics = {
            f"{prefix}.inertia": self.inertia,
            f"{prefix}.score": self.score,
            f"{prefix}.inertia_from_distances": self.inertia_from_distances,
            f"{prefix}.max_centroid_error": float(self.centroid_errors.max()),
            f"{prefix}.transform_max_error": self.distances_error,
        }
        for i, blob in enumerate(self.new_point_blobs):
            metrics[f"{prefix}.new_point_{i}_blob"] = int(blob)
        return metrics


def fit_and_predict(
    X: np.ndarray, true_centers: np.ndarray, new_points: np.ndarray, k: int, n_init: int,
    random_state: int,
) -> FitReport:
    model = fit_kmeans(X, k, n_init=n_init, random_state=random_state, parameter="kmeans_fit.k")
    order, _ = match_centroids(model.cluster_centers_, true_centers)
    blob_of_cluster = np.argsort(order)  # cluster id -> index of its true center
    own = model.transform(X)[np.arange(len(X)), model.labels_]
    distances = model.transform(new_points)[:, order]
    explicit = np.linalg.norm(new_points[:, None, :] - model.cluster_centers_[order], axis=2)
    return FitReport(
        centers=model.cluster_centers_[order],
        true_centers=true_centers,
        inertia=float(model.inertia_),
        score=float(model.score(X)),
        inertia_from_distances=float(np.sum(own**2)),
        new_points=new_points,
        new_point_blobs=blob_of_cluster[model.predict(new_points)],
        distances=distances,
        distances_error=float(np.abs(distances - explicit).max()),
    )


def plot_data(X: np.ndarray, size: Sequence[float]) -> Figure:
    fig, (ax,) = new_figure(*size)
    plot_points(ax, X)
    label_axes(ax)
    ax.set_title(f"{len(X)} unlabelled points")
    return fig


def plot_fit(X: np.ndarray, report: FitReport, resolution: int, size: Sequence[float]) -> Figure:
    """Voronoi regions of the fitted centroids; true centers as red crosses, new points as stars."""
    fig, (ax,) = new_figure(*size)
    plot_voronoi(ax, X, report.centers, resolution, extra_points=report.new_points)
    ax.plot(*report.true_centers.T, "r+", markersize=14, mew=2, zorder=12, label="true centers")
    ax.plot(*report.new_points.T, "b*", markersize=12, zorder=12, label="new points")
    ax.legend(loc="lower right", fontsize=10)
    ax.set_title(f"K-Means, k={len(report.centers)}: inertia {report.inertia:.1f}")
    label_axes(ax)
    return fig


def step_inertias(X: np.ndarray, steps: list[np.ndarray]) -> list[float]:
    return [inertia(X, centers) for centers in steps]


def plot_steps(X: np.ndarray, steps: list[np.ndarray], resolution: int,
               size: Sequence[float]) -> Figure:
    """The chapter's step-by-step figure: each row moves the centroids (left), then labels
    the instances with the moved centroids (right)."""
    fig, axes = new_figure(*size, nrows=len(steps), ncols=2, sharex=True, sharey=True)
    for row, centers in enumerate(steps):
        left, right = axes[2 * row], axes[2 * row + 1]
        if row == 0:
            plot_points(left, X)
            plot_centroids(left, centers, circle="r", cross="w")
            left.set_title("Update the centroids (initially randomly)")
            right.set_title("Label the instances")
        else:
            plot_voronoi(left, X, steps[row - 1], resolution, show_centroids=False)
            plot_centroids(left, centers)
        plot_voronoi(right, X, centers, resolution)
        left.set_ylabel(f"iteration {row + 1}\n$x_2$")
        label_axes(right, x=row == len(steps) - 1, y=False)
        if row == len(steps) - 1:
            left.set_xlabel("$x_1$")
    return fig


def plot_clusterings(
    X: np.ndarray, centers: Sequence[np.ndarray], titles: Sequence[str], resolution: int,
    size: Sequence[float],
) -> Figure:
    """Several clusterings of the same data side by side, as Voronoi regions."""
    fig, axes = new_figure(*size, ncols=len(centers), sharey=True)
    for index, (ax, center, title) in enumerate(zip(axes, centers, titles, strict=True)):
        plot_voronoi(ax, X, center, resolution)
        ax.set_title(title)
        label_axes(ax, y=index == 0)
    return fig


@dataclass(frozen=True)
class InitDistribution:
    """Final inertia of single runs, per initialisation method, over many seeds."""

    inertias: dict[str, np.ndarray]  # method ("random", "k-means++") -> one inertia per seed
    best: float  # lowest inertia seen by any run
    rel_tol: float

    def hit_rate(self, method: str) -> HitRate:
        return HitRate.from_inertias(self.inertias[method], self.best, self.rel_tol)


def init_distribution(
    X: np.ndarray, k: int, seeds: Sequence[int], rel_tol: float, known_best: float
) -> InitDistribution:
    runs = {method: final_inertias(X, k, method, seeds) for method in ("random", "k-means++")}
    best = min(known_best, *(values.min() for values in runs.values()))
    return InitDistribution(runs, best, rel_tol)


def plot_init_distribution(dist: InitDistribution, size: Sequence[float]) -> Figure:
    """Cumulative share of single runs ending at or below each inertia, per initialisation."""
    fig, (ax,) = new_figure(*size)
    for method, color in (("random", "tab:red"), ("k-means++", "tab:blue")):
        values = np.sort(dist.inertias[method])
        rate = dist.hit_rate(method)
        ax.step(values, np.arange(1, len(values) + 1) / len(values), where="post", color=color,
                label=f'init="{method}": {rate.p_best:.0%} reach the best, '
                      f"n_init={rate.runs_for_95} for 95%")
    ax.axvline(dist.best, color="k", linestyle="--", label=f"best inertia {dist.best:.1f}")
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(FormatStrFormatter("%d"))
    ax.xaxis.set_minor_formatter(FormatStrFormatter("%d"))
    ax.set_xlabel("Final inertia of one run (n_init=1, log scale)")
    ax.set_ylabel("Share of runs at or below")
    ax.set_ylim(0, 1.02)
    ax.legend(loc="lower right", fontsize=10)
    ax.set_title(f"{len(next(iter(dist.inertias.values())))} seeds per initialisation")
    return fig
