"""The section's figures: density contours and decision boundaries of a mixture, anomalies,
and BIC/AIC against the number of components."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from sklearn.mixture import GaussianMixture

from unsupervised.core.figures import new_figure
from unsupervised.core.plots_2d import label_axes, plot_centers, plot_points

# The chapter's contour levels of the negative log-density.
LEVELS = np.logspace(0, 2, 12)
NORM = LogNorm(vmin=1.0, vmax=30.0)


def plot_mixture(ax, model: GaussianMixture, X: np.ndarray, resolution: int,
                 ylabel: bool = True) -> None:
    """Filled contours of -log density, decision boundaries (red, dashed), data, means."""
    mins, maxs = X.min(axis=0) - 0.1, X.max(axis=0) + 0.1
    xx, yy = np.meshgrid(np.linspace(mins[0], maxs[0], resolution),
                         np.linspace(mins[1], maxs[1], resolution))
    grid = np.c_[xx.ravel(), yy.ravel()]
    neg_log_density = -model.score_samples(grid).reshape(xx.shape)
    ax.contourf(xx, yy, neg_log_density, norm=NORM, levels=LEVELS)
    ax.contour(xx, yy, neg_log_density, norm=NORM, levels=LEVELS, linewidths=1, colors="k")
    components = model.predict(grid).reshape(xx.shape)
    ax.contour(xx, yy, components, levels=np.arange(model.n_components) + 0.5, linewidths=2,
               colors="r", linestyles="dashed")
    plot_points(ax, X)
    plot_centers(ax, model.means_)
    label_axes(ax, y=ylabel)


def plot_fit(model: GaussianMixture, X: np.ndarray, resolution: int, figure_size: Sequence[float]
             ) -> Figure:
    fig, (ax,) = new_figure(*figure_size)
    plot_mixture(ax, model, X, resolution)
    return fig


def plot_covariance_types(models: Mapping[str, GaussianMixture], scores: pd.DataFrame,
                          X: np.ndarray, resolution: int, figure_size: Sequence[float]) -> Figure:
    """One panel per covariance type, titled with its BIC and AIC."""
    columns = 2
    rows = -(-len(models) // columns)
    fig, axes = new_figure(*figure_size, rows, columns)
    for index, (ax, (name, model)) in enumerate(zip(axes, models.items(), strict=False)):
        plot_mixture(ax, model, X, resolution, ylabel=index % columns == 0)
        row = scores.set_index("covariance_type").loc[name]
        ax.set_title(f'covariance_type="{name}"\nBIC {row["bic"]:.0f}, AIC {row["aic"]:.0f}')
    for ax in axes[len(models):]:
        ax.set_axis_off()
    return fig


def plot_anomalies(model: GaussianMixture, X: np.ndarray, anomalies: np.ndarray,
                   resolution: int, figure_size: Sequence[float]) -> Figure:
    fig, (ax,) = new_figure(*figure_size)
    plot_mixture(ax, model, X, resolution)
    ax.scatter(anomalies[:, 0], anomalies[:, 1], color="r", marker="*", s=60, zorder=12,
               label=f"{len(anomalies)} anomalies")
    ax.legend(loc="upper left")
    return fig


def plot_criteria(fits: pd.DataFrame, covariance_type: str, figure_size: Sequence[float]
                  ) -> Figure:
    """Left: BIC and AIC against k for one covariance type, minima marked. Right: BIC against
    k for every covariance type."""
    fig, (left, right) = new_figure(*figure_size, 1, 2)
    chosen = fits[fits["covariance_type"] == covariance_type].sort_values("k")
    for criterion, style in (("bic", "bo-"), ("aic", "go--")):
        left.plot(chosen["k"], chosen[criterion], style, label=criterion.upper())
        best = chosen.loc[chosen[criterion].idxmin()]
        left.plot(best["k"], best[criterion], "r*", markersize=14)
    left.set_xlabel("$k$")
    left.set_ylabel("Information criterion")
    left.set_title(f'covariance_type="{covariance_type}"')
    left.legend()
    for name, rows in fits.groupby("covariance_type", sort=False):
        rows = rows.sort_values("k")
        right.plot(rows["k"], rows["bic"], "o-", label=name)
    right.set_xlabel("$k$")
    right.set_ylabel("BIC")
    for ax in (left, right):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    right.set_title("BIC by covariance type")
    right.legend()
    return fig
