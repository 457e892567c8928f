"""The section's figures: density contours and decision boundaries of a mixture, anomalies,
BIC/AIC against the number of components, and the contest of anomaly detectors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from sklearn.mixture import GaussianMixture

from unsupervised.core.figures import new_figure
from unsupervised.core.plots_2d import label_axes, plot_centers, plot_points

# The chapter's contour levels of the negative log-density.
LEVELS = np.logspace(0, 2, 12)
NORM = LogNorm(vmin=1.0, vmax=30.0)


def plot_mixture(ax, model: Any, X: np.ndarray, resolution: int, ylabel: bool = True) -> None:
    """Filled contours of -log density, decision boundaries (red, dashed), data, means."""
    mins, maxs = X.min(axis=0) - 0.1, X.max(axis=0) + 0.1
    xx, yy = np.meshgrid(
        np.linspace(mins[0], maxs[0], resolution), np.linspace(mins[1], maxs[1], resolution)
    )
    grid = np.c_[xx.ravel(), yy.ravel()]
    neg_log_density = -model.score_samples(grid).reshape(xx.shape)
    ax.contourf(xx, yy, neg_log_density, norm=NORM, levels=LEVELS)
    ax.contour(xx, yy, neg_log_density, norm=NORM, levels=LEVELS, linewidths=1, colors="k")
    components = model.predict(grid).reshape(xx.shape)
    ax.contour(
        xx,
        yy,
        components,
        levels=np.arange(model.n_components) + 0.5,
        linewidths=2,
        colors="r",
        linestyles="dashed",
    )
    plot_points(ax, X)
    # as in the chapter, the means of components with a tenth of the largest weight or more
    plot_centers(ax, model.means_[model.weights_ > model.weights_.max() / 10])
    label_axes(ax, y=ylabel)


def plot_fit(
    model: GaussianMixture, X: np.ndarray, resolution: int, figure_size: Sequence[float]
) -> Figure:
    fig, (ax,) = new_figure(*figure_size)
    plot_mixture(ax, model, X, resolution)
    return fig


def plot_covariance_types(
    models: Mapping[str, GaussianMixture],
    scores: pd.DataFrame,
    X: np.ndarray,
    resolution: int,
    figure_size: Sequence[float],
) -> Figure:
    """One panel per covariance type, titled with its BIC and AIC."""
    columns = 2
    rows = -(-len(models) // columns)
    fig, axes = new_figure(*figure_size, rows, columns)
    for index, (ax, (name, model)) in enumerate(zip(axes, models.items(), strict=False)):
        plot_mixture(ax, model, X, resolution, ylabel=index % columns == 0)
        row = scores.set_index("covariance_type").loc[name]
        ax.set_title(f'covariance_type="{name}"\nBIC {row["bic"]:.0f}, AIC {row["aic"]:.0f}')
    for ax in axes[len(models) :]:
        ax.set_axis_off()
    return fig


def plot_anomalies(
    model: GaussianMixture,
    X: np.ndarray,
    anomalies: np.ndarray,
    resolution: int,
    figure_size: Sequence[float],
) -> Figure:
    fig, (ax,) = new_figure(*figure_size)
    plot_mixture(ax, model, X, resolution)
    ax.scatter(
        anomalies[:, 0],
        anomalies[:, 1],
        color="r",
        marker="*",
        s=60,
        zorder=12,
        label=f"{len(anomalies)} anomalies",
    )
    ax.legend(loc="upper left")
    return fig


def plot_criteria(fits: pd.DataFrame, covariance_type: str, figure_size: Sequence[float]) -> Figure:
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


def plot_priors(
    models: Mapping[float, Any], X: np.ndarray, resolution: int, figure_size: Sequence[float]
) -> Figure:
    """The same Bayesian mixture on a few instances under each weight-concentration prior."""
    fig, axes = new_figure(*figure_size, 1, len(models))
    for index, (ax, (prior, model)) in enumerate(zip(axes, models.items(), strict=True)):
        plot_mixture(ax, model, X, resolution, ylabel=index == 0)
        ax.set_title(f"weight_concentration_prior = {prior:g}")
    return fig


def plot_moons(model: Any, X: np.ndarray, resolution: int, figure_size: Sequence[float]) -> Figure:
    """The moons as they are, and the Bayesian mixture's components over them."""
    fig, (data, mixture) = new_figure(*figure_size, 1, 2)
    plot_points(data, X)
    label_axes(data)
    data.set_title("The moons")
    plot_mixture(mixture, model, X, resolution, ylabel=False)
    mixture.set_title("BayesianGaussianMixture")
    return fig


def plot_likelihood(
    xs: np.ndarray,
    thetas: np.ndarray,
    surface: np.ndarray,
    x_index: int,
    theta_index: int,
    figure_size: Sequence[float],
) -> Figure:
    """The chapter's four panels: the model f(x; theta), the likelihood of theta given
    x, one PDF with the probability of an interval shaded, and the log-likelihood."""
    fig, (model_ax, like_ax, pdf_ax, log_ax) = new_figure(*figure_size, 2, 2)
    x, theta = xs[x_index], thetas[theta_index]
    model_ax.contourf(xs, thetas, surface, cmap="GnBu")
    model_ax.axhline(theta, color="k", linewidth=2)
    model_ax.axvline(x, color="b", linewidth=2)
    model_ax.set_xlabel("$x$")
    model_ax.set_ylabel(r"$\theta$", rotation=0, labelpad=10)
    model_ax.set_title(r"Model $f(x; \theta)$")
    for ax, values, name in (
        (like_ax, surface[:, x_index], r"\mathcal{L}"),
        (log_ax, np.log(surface[:, x_index]), r"\log\,\mathcal{L}"),
    ):
        best = int(values.argmax())
        ax.plot(thetas, values, "b-")
        ax.plot(thetas[best], values[best], "r.", markersize=10)
        ax.axvline(thetas[best], color="r", linestyle=":")
        ax.axhline(values[best], color="r", linestyle=":")
        ax.annotate(
            rf"$\hat{{\theta}}$ = {thetas[best]:.2f}",
            (thetas[best], values.min()),
            xytext=(5, 5),
            textcoords="offset points",
        )
        ax.set_xlabel(r"$\theta$")
        ax.set_title(rf"${name}(\theta|x={x:g})$")
        ax.grid(True)
    pdf_ax.plot(xs, surface[theta_index], "k-")
    pdf_ax.fill_between(
        xs, surface[theta_index], where=(xs >= -2) & (xs <= 2), color="0.9", edgecolor="0.5"
    )
    pdf_ax.set_xlabel("$x$")
    pdf_ax.set_title(rf"PDF $f(x; \theta={theta:g})$")
    pdf_ax.grid(True)
    return fig


def plot_detector_contest(
    runs: Sequence[Mapping[str, Any]],
    table: pd.DataFrame,
    titles: Mapping[str, str],
    percentile: float,
    figure_size: Sequence[float],
) -> Figure:
    """One column per problem. Top: each detector's ROC curve on the first seed, its
    operating point at the percentile threshold marked. Bottom: its ROC AUC on every seed
    (dots) and the median (bar), detectors by decreasing median."""
    first_seed = min(run["seed"] for run in runs)
    problems = list(dict.fromkeys(table["problem"]))
    detectors = sorted(set(table["detector"]))
    colours = dict(zip(detectors, colormaps["tab10"].colors, strict=False))
    fig, axes = new_figure(*figure_size, 2, len(problems))
    for column, problem in enumerate(problems):
        curves, spread = axes[column], axes[len(problems) + column]
        ranked = table[table["problem"] == problem]
        shown = [run for run in runs if run["problem"] == problem and run["seed"] == first_seed]
        for run in sorted(shown, key=lambda run: -run["roc_auc"]):
            colour = colours[run["detector"]]
            curves.plot(
                run["fpr"],
                run["tpr"],
                color=colour,
                linewidth=1.5,
                label=f"{run['detector']} ({run['roc_auc']:.3f})",
            )
            curves.plot(run["flagged_fpr"], run["recall"], "o", color=colour, markersize=6)
        curves.plot([0, 1], [0, 1], "k:", linewidth=1)
        curves.set_xlabel("False positive rate")
        curves.set_ylabel("True positive rate")
        curves.set_title(
            f"{titles[problem]}\nROC, seed {first_seed}; dots: the "
            f"{percentile:g}% most anomalous flagged",
            fontsize=11,
        )
        curves.legend(title="detector (ROC AUC)", fontsize=9, title_fontsize=9, loc="lower right")
        plot_spread(
            spread,
            {
                detector: [
                    run["roc_auc"]
                    for run in runs
                    if run["problem"] == problem and run["detector"] == detector
                ]
                for detector in ranked["detector"]
            },
            colours,
        )
        spread.set_xlabel(f"ROC AUC over {int(ranked['seeds'].max())} seeds (bar: median)")
    return fig


def plot_spread(
    ax, values: Mapping[str, Sequence[float]], colours: Mapping[str, Any] | None = None
) -> None:
    """One row per group, top to bottom: its values as dots and their median as a bar."""
    for position, (name, group) in enumerate(values.items()):
        colour = (colours or {}).get(name, f"C{position}")
        ax.plot([np.median(group)] * 2, [position - 0.3, position + 0.3], color=colour, linewidth=3)
        ax.plot(group, [position] * len(group), "o", color=colour, alpha=0.6, markersize=4)
    ax.set_yticks(range(len(values)), list(values), fontsize=10)
    ax.set_ylim(len(values) - 0.5, -0.5)
    ax.grid(axis="x", alpha=0.3)


def plot_init_params(runs: pd.DataFrame, figure_size: Sequence[float]) -> Figure:
    """Per initialisation, over seeds: EM iterations, and the log-likelihood reached below
    the best of all fits."""
    fig, (iterations, gap) = new_figure(*figure_size, 1, 2)
    groups = dict(list(runs.groupby("init_params", sort=False)))
    best = runs["log_likelihood"].max()
    plot_spread(iterations, {init: fits["n_iter"].tolist() for init, fits in groups.items()})
    iterations.set_xlabel("EM iterations (bar: median)")
    plot_spread(
        gap, {init: (best - fits["log_likelihood"]).tolist() for init, fits in groups.items()}
    )
    gap.set_xlabel("Average log-likelihood below the best fit")
    gap.set_xscale("symlog", linthresh=1e-3)  # the gaps within EM's tolerance, and beyond
    gap.set_xlim(0, max(3 * (best - runs["log_likelihood"]).max(), 1e-2))
    gap.set_yticklabels([])
    fig.suptitle(
        f"GaussianMixture(n_init=1) from each init_params, {runs['seed'].nunique()} seeds",
        fontsize=13,
    )
    return fig
