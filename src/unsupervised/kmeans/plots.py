"""The K-Means section's figures, drawn from what its experiments computed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FixedFormatter, FixedLocator, FormatStrFormatter
from sklearn.metrics import silhouette_samples

from unsupervised.core.figures import new_figure
from unsupervised.core.plots_2d import label_axes, plot_centers, plot_decision_regions, plot_points
from unsupervised.kmeans.algorithm import nearest_centroid
from unsupervised.kmeans.choosing_k import KFit, Sweep, silhouette_blocks
from unsupervised.kmeans.fit_and_predict import FitReport
from unsupervised.kmeans.initialisation import InitDistribution


def plot_voronoi(
    ax: Axes,
    X: np.ndarray,
    centers: np.ndarray,
    resolution: int,
    show_centroids: bool = True,
    extra_points: np.ndarray | None = None,
) -> None:
    """The Voronoi regions of the centroids (each point's nearest centroid), data on top."""
    plot_decision_regions(
        ax, X, lambda grid: nearest_centroid(grid, centers), len(centers), resolution, extra_points
    )
    if show_centroids:
        plot_centers(ax, centers)


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


def plot_steps(
    X: np.ndarray, steps: list[np.ndarray], resolution: int, size: Sequence[float]
) -> Figure:
    """The chapter's step-by-step figure: each row moves the centroids (left), then labels
    the instances with the moved centroids (right)."""
    fig, axes = new_figure(*size, nrows=len(steps), ncols=2, sharex=True, sharey=True)
    for row, centers in enumerate(steps):
        left, right = axes[2 * row], axes[2 * row + 1]
        if row == 0:
            plot_points(left, X)
            plot_centers(left, centers, circle="r", cross="w")
            left.set_title("Update the centroids (initially randomly)")
            right.set_title("Label the instances")
        else:
            plot_voronoi(left, X, steps[row - 1], resolution, show_centroids=False)
            plot_centers(left, centers)
        plot_voronoi(right, X, centers, resolution)
        left.set_ylabel(f"iteration {row + 1}\n$x_2$")
        label_axes(right, x=row == len(steps) - 1, y=False)
        if row == len(steps) - 1:
            left.set_xlabel("$x_1$")
    return fig


def plot_clusterings(
    X: np.ndarray,
    centers: Sequence[np.ndarray],
    titles: Sequence[str],
    resolution: int,
    size: Sequence[float],
) -> Figure:
    """Several clusterings of the same data side by side, as Voronoi regions."""
    fig, axes = new_figure(*size, ncols=len(centers), sharey=True)
    for index, (ax, center, title) in enumerate(zip(axes, centers, titles, strict=True)):
        plot_voronoi(ax, X, center, resolution)
        ax.set_title(title)
        label_axes(ax, y=index == 0)
    return fig


def plot_init_distribution(dist: InitDistribution, size: Sequence[float]) -> Figure:
    """Cumulative share of single runs ending at or below each inertia, per initialisation."""
    fig, (ax,) = new_figure(*size)
    for method, color in (("random", "tab:red"), ("k-means++", "tab:blue")):
        values = np.sort(dist.inertias[method])
        rate = dist.hit_rate(method)
        ax.step(
            values,
            np.arange(1, len(values) + 1) / len(values),
            where="post",
            color=color,
            label=f'init="{method}": {rate.p_best:.0%} reach the best, '
            f"n_init={rate.runs_for_95} for 95%",
        )
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


def plot_algorithm_times(times: dict[str, dict[str, float]], size: Sequence[float]) -> Figure:
    """Median fit time of Elkan and Lloyd per dataset (bars), relative to Lloyd."""
    fig, axes = new_figure(*size, ncols=len(times))
    for ax, (dataset, by_algorithm) in zip(axes, times.items(), strict=True):
        bars = ax.bar(
            list(by_algorithm), list(by_algorithm.values()), color=["tab:orange", "tab:blue"]
        )
        ax.bar_label(bars, fmt="%.3g s")
        ax.set_title(
            f"{dataset}: elkan/lloyd = {by_algorithm['elkan'] / by_algorithm['lloyd']:.2f}"
        )
        ax.set_ylabel("Median fit time (s)")
        ax.margins(y=0.15)
    return fig


def plot_minibatch_vs_full(table: pd.DataFrame, size: Sequence[float]) -> Figure:
    """The chapter's figure, inertia and training time against k, plus the inertia ratio that
    shows mini-batch falling behind as k grows."""
    fig, (inertia, ratio, seconds) = new_figure(*size, ncols=3)
    for ax, column, title in (
        (inertia, "inertia", "Inertia (log scale)"),
        (seconds, "seconds", "Training time (s, median)"),
    ):
        ax.plot(table["k"], table[f"kmeans_{column}"], "r--", label="K-Means")
        ax.plot(table["k"], table[f"minibatch_{column}"], "b.-", label="Mini-batch K-Means")
        ax.set_title(title)
    inertia.set_yscale("log")
    inertia.legend()
    ratio.plot(table["k"], table["minibatch_inertia"] / table["kmeans_inertia"], "g.-")
    ratio.axhline(1, color="k", linewidth=0.8)
    ratio.set_title("Inertia: mini-batch / K-Means")
    for ax in (inertia, ratio, seconds):
        ax.set_xlabel("$k$")
    return fig


def plot_inertia(sweep: Sweep, size: Sequence[float]) -> Figure:
    fig, (ax,) = new_figure(*size)
    ax.plot(sweep.ks, sweep.inertias, "bo-")
    k = sweep.elbow_k()
    value = sweep.by_k(k).inertia
    ax.annotate(
        f"Elbow (k={k})",
        xy=(k, value),
        xytext=(0.5, 0.6),
        textcoords="axes fraction",
        fontsize=14,
        arrowprops={"facecolor": "black", "shrink": 0.05},
    )
    ax.set_xlabel("$k$")
    ax.set_ylabel("Inertia")
    ax.set_title("Elbow: farthest below the first-to-last chord of log(inertia)", fontsize=11)
    return fig


def plot_silhouette(sweep: Sweep, size: Sequence[float], sample_size: int) -> Figure:
    fig, (ax,) = new_figure(*size)
    defined = ~np.isnan(sweep.silhouettes)
    ax.plot(sweep.ks[defined], sweep.silhouettes[defined], "bo-")
    best = sweep.silhouette_k()
    ax.plot(best, sweep.by_k(best).silhouette, "r*", markersize=18, label=f"best: k={best}")
    ax.set_xlabel("$k$")
    ax.set_ylabel("Silhouette score")
    if sample_size:
        ax.set_title(f"Silhouette on a fixed random subsample of {sample_size} points", fontsize=11)
    ax.legend()
    return fig


def plot_silhouette_diagrams(
    X: np.ndarray, fits: Mapping[int, KFit], sample: np.ndarray, size: Sequence[float]
) -> Figure:
    """For each k, every sample's silhouette coefficient, sorted within its cluster; the red
    dashed line is the mean (the silhouette score)."""
    ncols = 2
    nrows = -(-len(fits) // ncols)
    fig, axes = new_figure(*size, nrows=nrows, ncols=ncols, sharex=True)
    for index, (ax, (k, fit)) in enumerate(zip(axes, sorted(fits.items()), strict=False)):
        coefficients = silhouette_samples(X[sample], fit.labels[sample])
        blocks = silhouette_blocks(coefficients, fit.labels[sample])
        padding = len(sample) // 30
        position, ticks = padding, []
        for cluster, block in enumerate(blocks):
            color = mpl.colormaps["Spectral"](cluster / len(blocks))
            ax.fill_betweenx(
                np.arange(position, position + len(block)),
                0,
                block,
                facecolor=color,
                edgecolor=color,
                alpha=0.7,
            )
            ticks.append(position + len(block) // 2)
            position += len(block) + padding
        ax.yaxis.set_major_locator(FixedLocator(ticks))
        ax.yaxis.set_major_formatter(FixedFormatter([str(i) for i in range(len(blocks))]))
        ax.axvline(coefficients.mean(), color="red", linestyle="--")
        ax.set_title(f"$k={k}$")
        ax.set_ylabel("Cluster")
        if index >= len(fits) - ncols:
            ax.set_xlabel("Silhouette coefficient")
    for ax in axes[len(fits) :]:
        ax.set_visible(False)
    return fig


def plot_segmentations(
    image: np.ndarray, segmented: dict[int, np.ndarray], size: tuple[float, float]
) -> Figure:
    """The original image then one panel per number of colours, three panels a row (the
    chapter's grid); `size` is that of a two-row grid."""
    panels = [("Original image", image)] + [
        (f"{n} colors", picture) for n, picture in segmented.items()
    ]
    ncols = 3
    nrows = -(-len(panels) // ncols)
    fig, axes = new_figure(size[0], size[1] * nrows / 2, nrows=nrows, ncols=ncols)
    for ax, (title, picture) in zip(axes, panels, strict=False):
        ax.imshow(np.clip(picture, 0, 1))
        ax.set_title(title)
    for ax in axes:
        ax.axis("off")
    return fig
