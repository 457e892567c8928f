"""The section's figures: DBSCAN's cores, borders and noise, the classifier trained on its
cores, the choice of eps, spectral clustering's affinities, dendrograms and the course
notes' clusterings, the contest, the scaling study and the benchmark suite."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter, NullLocator
from scipy.cluster.hierarchy import dendrogram
from sklearn.cluster import DBSCAN, SpectralClustering
from sklearn.neighbors import KNeighborsClassifier

from unsupervised.clustering_algorithms.claims import (
    PROPERTY_WORDS,
    SUITE_COMPARISONS,
    SUITE_CORRELATIONS,
)
from unsupervised.clustering_algorithms.dbscan import Knee, n_clusters, point_kinds
from unsupervised.core.figures import new_figure
from unsupervised.core.plots_2d import label_axes, plot_decision_regions
from unsupervised.data.datasets import NOISE_LABEL

# The chapter draws each core as a disc whose area grows with eps: points^2 per unit of eps.
CORE_AREA_PER_EPS = 3000


def plot_dbscan(ax, model: DBSCAN, X: np.ndarray, ylabel: bool = True) -> None:
    """Cores (discs and stars in their cluster's colour), borders (dots), noise (red x)."""
    kinds = point_kinds(model.labels_, model.core_sample_indices_)
    labels = model.labels_
    cores = X[kinds.core]
    ax.scatter(
        cores[:, 0],
        cores[:, 1],
        c=labels[kinds.core],
        marker="o",
        s=CORE_AREA_PER_EPS * model.eps,
        cmap="Paired",
    )
    ax.scatter(cores[:, 0], cores[:, 1], c=labels[kinds.core], marker="*", s=20)
    ax.scatter(X[kinds.noise, 0], X[kinds.noise, 1], c="r", marker="x", s=100)
    ax.scatter(X[kinds.border, 0], X[kinds.border, 1], c=labels[kinds.border], marker=".")
    ax.set_title(
        f"eps={model.eps:.2f}, min_samples={model.min_samples}\n"
        f"{n_clusters(labels)} clusters, {kinds.core.sum()} cores, "
        f"{kinds.noise.sum()} anomalies (x)",
        fontsize=12,
    )
    label_axes(ax, y=ylabel)


def plot_dbscans(
    models: Mapping[float, DBSCAN], X: np.ndarray, figure_size: Sequence[float]
) -> Figure:
    fig, axes = new_figure(*figure_size, 1, len(models), sharey=True)
    for index, (ax, model) in enumerate(zip(axes, models.values(), strict=True)):
        plot_dbscan(ax, model, X, ylabel=index == 0)
    return fig


def plot_core_classifier(
    classifier: KNeighborsClassifier,
    X: np.ndarray,
    new: np.ndarray,
    resolution: int,
    figure_size: Sequence[float],
) -> Figure:
    """The regions where the classifier trained on DBSCAN's cores predicts each cluster, and
    the new instances (blue +)."""
    fig, (ax,) = new_figure(*figure_size)
    plot_decision_regions(
        ax, X, classifier.predict, len(classifier.classes_), resolution, extra_points=new
    )
    ax.scatter(new[:, 0], new[:, 1], c="b", marker="+", s=200, zorder=10, label="new instances")
    ax.legend(loc="lower left", fontsize=10)
    label_axes(ax)
    ax.set_title(
        f"KNeighborsClassifier(n_neighbors={classifier.n_neighbors}) on the cores", fontsize=12
    )
    return fig


def plot_eps_choice(
    knees: Mapping[int, Knee],
    eps_grid: np.ndarray,
    sweeps: Mapping[int, np.ndarray],
    chapter_eps: float,
    figure_size: Sequence[float],
) -> Figure:
    """Left: each min_samples' k-distance curve, its knee starred. Right: DBSCAN's adjusted
    Rand index against the generating labels over eps, the knees dashed."""
    fig, (curves, sweep) = new_figure(*figure_size, 1, 2)
    for index, (count, found) in enumerate(knees.items()):
        colour = f"C{index}"
        curves.plot(
            found.distances, color=colour, label=f"min_samples={count}: knee at eps {found.eps:.3f}"
        )
        curves.plot(found.rank, found.eps, "*", color=colour, markersize=14)
        sweep.plot(
            eps_grid, sweeps[count], "o-", color=colour, markersize=3, label=f"min_samples={count}"
        )
        sweep.axvline(found.eps, color=colour, linestyle="--")
    sweep.axvline(chapter_eps, color="k", linestyle=":", label=f"the chapter's eps={chapter_eps:g}")
    curves.set_xlabel("Instances, by decreasing k-distance")
    curves.set_ylabel("k-distance (k = min_samples − 1)")
    curves.set_title("k-distance curve and its knee")
    curves.legend(fontsize=10)
    sweep.set_xlabel("eps")
    sweep.set_ylabel("Adjusted Rand index (moons)")
    sweep.set_title("DBSCAN over eps (dashed: the knees)")
    sweep.set_ylim(-0.05, 1.05)
    sweep.legend(fontsize=10, loc="lower right")
    return fig


def plot_spectral(
    models: Mapping[float, SpectralClustering], X: np.ndarray, figure_size: Sequence[float]
) -> Figure:
    """The chapter's view: each instance in its cluster's colour over a grey halo whose width
    shows how far its RBF affinity reaches."""
    fig, axes = new_figure(*figure_size, 1, len(models), sharey=True)
    for index, (ax, (gamma, model)) in enumerate(zip(axes, models.items(), strict=True)):
        # the chapter's halos: 500 points^2 at gamma 100, 4000 at gamma 1, fainter as they grow
        ax.scatter(
            X[:, 0],
            X[:, 1],
            marker="o",
            s=5000 / gamma**0.5,
            c="gray",
            alpha=min(0.1, 0.01 * gamma**0.5),
        )
        ax.scatter(X[:, 0], X[:, 1], marker="o", s=30, c="w")
        ax.scatter(X[:, 0], X[:, 1], marker=".", s=10, c=model.labels_, cmap="Paired")
        ax.set_title(f"RBF gamma={gamma:g}")
        label_axes(ax, y=index == 0)
    return fig


def plot_dendrogram(
    tree: np.ndarray,
    leaves: Sequence[str],
    linkage_name: str,
    title: str,
    figure_size: Sequence[float],
) -> Figure:
    fig, (ax,) = new_figure(*figure_size)
    dendrogram(tree, labels=list(leaves), ax=ax, leaf_font_size=12)
    ax.set_ylabel(f"Merge distance ({linkage_name} linkage)")
    ax.set_title(title, fontsize=12)
    return fig


# tab10 without its grey, which the contest's grid keeps for noise.
CLUSTER_COLOURS = [colour for index, colour in enumerate(colormaps["tab10"].colors) if index != 7]

NOTES_TITLES = {
    "kmeans": "K-Means",
    "agglomerative": "Agglomerative",
    "dbscan": "DBSCAN",
    "gaussian_mixture": "Gaussian mixture",
}


def plot_course_notes(
    sets: Mapping[str, tuple[np.ndarray, np.ndarray]],
    labels: Mapping[str, np.ndarray],
    metrics: Mapping[str, float],
    figure_size: Sequence[float],
) -> Figure:
    """One panel per clustering of the course notes, titled with its silhouette."""
    fig, axes = new_figure(*figure_size, 2, 2)
    for ax, (name, found) in zip(axes, labels.items(), strict=True):
        X = sets[name][0]
        ax.scatter(X[:, 0], X[:, 1], c=found, cmap="tab10", s=25, vmin=0, vmax=9)
        ax.set_title(
            f"{NOTES_TITLES[name]} ({len(X)} instances)\nsilhouette "
            f"{metrics[f'{name}_silhouette']:.4f}, {n_clusters(found)} clusters",
            fontsize=12,
        )
        label_axes(ax)
    return fig


def plot_contest(
    sets: Mapping[str, tuple[np.ndarray, np.ndarray]],
    results: Sequence[Mapping[str, Any]],
    table: pd.DataFrame,
    panel_size: Sequence[float],
) -> Figure:
    """Rows: the sets; columns: the algorithms. Each panel shows one clustering of the set's
    own draw (noise in grey), titled with its adjusted Rand index and fit time."""
    datasets, algorithms = list(sets), list(dict.fromkeys(table["algorithm"]))
    fig, axes = new_figure(
        panel_size[0] * len(algorithms),
        panel_size[1] * len(datasets),
        len(datasets),
        len(algorithms),
    )
    labels = {
        (result["dataset"], result["algorithm"]): np.asarray(result["labels"]) for result in results
    }
    scored = table.set_index(["dataset", "algorithm"])
    for row, dataset in enumerate(datasets):
        X = sets[dataset][0]
        for column, algorithm in enumerate(algorithms):
            ax = axes[row * len(algorithms) + column]
            found = labels[dataset, algorithm]
            noise = found == NOISE_LABEL
            ax.scatter(X[noise, 0], X[noise, 1], s=2, c="0.75")
            ax.scatter(
                X[~noise, 0],
                X[~noise, 1],
                s=2,
                c=[CLUSTER_COLOURS[label % len(CLUSTER_COLOURS)] for label in found[~noise]],
            )
            score = scored.loc[(dataset, algorithm)]
            title = f"ARI {score['ari']:.2f}, {score['fit_seconds']:.2g} s"
            if row == 0:
                title = algorithm.replace("_", "\n") + "\n" + title
            ax.set_title(title, fontsize=10)
            ax.set_xticks([])
            ax.set_yticks([])
            if column == 0:
                ax.set_ylabel(dataset.replace("_", " "), fontsize=12)
    return fig


def plot_scaling(
    table: pd.DataFrame, memory_limit_mb: float, figure_size: Sequence[float]
) -> Figure:
    """Against the number of instances, log-log: each algorithm's fit time, its job's peak
    memory (the sizes skipped for memory at their estimate, hollow, under the limit's dashed
    line) and its adjusted Rand index against the digits."""
    fig, (times, memory, agreement) = new_figure(*figure_size, 1, 3)
    for index, (algorithm, rows) in enumerate(table.groupby("algorithm", sort=False)):
        colour = CLUSTER_COLOURS[index % len(CLUSTER_COLOURS)]
        style = "o-" if index < len(CLUSTER_COLOURS) else "s--"
        fitted = rows[rows["status"] == "fitted"]
        times.plot(
            fitted["size"],
            fitted["fit_seconds"],
            style,
            color=colour,
            markersize=4,
            label=algorithm.replace("_", " "),
        )
        memory.plot(fitted["size"], fitted["peak_rss_mb"], style, color=colour, markersize=4)
        agreement.plot(fitted["size"], fitted["ari"], style, color=colour, markersize=4)
        too_big = rows[rows["reason"].fillna("").str.contains("memory")]
        memory.plot(
            too_big["size"],
            too_big["estimated_mb"],
            "o",
            color=colour,
            markerfacecolor="none",
            markersize=7,
        )
    memory.axhline(memory_limit_mb, color="k", linestyle="--", linewidth=1)
    memory.annotate(
        f"job limit {memory_limit_mb:,.0f} MB\n(hollow: estimated, skipped)",
        (0.02, memory_limit_mb),
        xycoords=("axes fraction", "data"),
        xytext=(0, 4),
        textcoords="offset points",
        fontsize=9,
        va="bottom",
    )
    sizes = sorted(table["size"].unique())
    plain = FuncFormatter(lambda value, _: f"{value:,.{0 if value >= 1 else 2}f}")
    for ax, label in (
        (times, "Fit time (s)"),
        (memory, "Peak memory of the job (MB)"),
        (agreement, "ARI against the digits"),
    ):
        ax.set_xscale("log")
        ax.set_xticks(sizes, [f"{size:,}" for size in sizes], rotation=45)
        ax.xaxis.set_minor_locator(NullLocator())
        ax.set_xlabel("MNIST images")
        ax.set_ylabel(label)
        ax.grid(True, which="both", alpha=0.2)
    for ax in (times, memory):
        ax.set_yscale("log")
        ax.yaxis.set_major_locator(LogLocator(subs=(1, 2, 5)))
        ax.yaxis.set_major_formatter(plain)
        ax.yaxis.set_minor_formatter(NullFormatter())
    fig.legend(loc="outside right center", fontsize=10)
    return fig


def plot_benchmark_scores(scores: pd.DataFrame, figure_size: Sequence[float]) -> Figure:
    """Datasets (rows, grouped by battery) x algorithms (columns, best mean first): each
    algorithm's normalised clustering accuracy on each dataset, skipped pairs crossed out."""
    table = scores.pivot_table(
        index=["battery", "dataset"], columns="algorithm", values="nca", sort=False
    )
    algorithms = table.mean().sort_values(ascending=False).index
    table = table[algorithms]
    skipped = scores[scores["status"] == "skipped"]
    fig, (ax,) = new_figure(*figure_size)
    image = ax.imshow(
        table.to_numpy(), aspect="auto", cmap="viridis", vmin=0, vmax=1, interpolation="nearest"
    )
    rows = {key: row for row, key in enumerate(table.index)}
    for pair in skipped.itertuples():
        ax.text(
            list(algorithms).index(pair.algorithm),
            rows[pair.battery, pair.dataset],
            "×",
            ha="center",
            va="center",
            color="0.3",
            fontsize=12,
        )
    ax.set_xticks(
        range(len(algorithms)),
        [name.replace("_", " ") for name in algorithms],
        rotation=60,
        ha="right",
    )
    ax.set_yticks(range(len(table)), [dataset for _, dataset in table.index], fontsize=7)
    batteries = table.index.get_level_values("battery")
    starts = [
        row for row in range(len(batteries)) if row == 0 or batteries[row] != batteries[row - 1]
    ]
    for start in starts[1:]:
        ax.axhline(start - 0.5, color="w", linewidth=2)
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(batteries)
        ax.annotate(
            batteries[start],
            (1.01, (start + end - 1) / 2),
            xycoords=("axes fraction", "data"),
            va="center",
            fontsize=11,
            fontweight="bold",
        )
    fig.colorbar(
        image,
        ax=ax,
        location="top",
        shrink=0.6,
        pad=0.02,
        label="normalised clustering accuracy (× skipped)",
    )
    return fig


def plot_score_distribution(
    scores: pd.DataFrame, baseline: str, figure_size: Sequence[float]
) -> Figure:
    """Each algorithm's scores over the datasets it was fitted on (box: quartiles, line:
    median, points: datasets), best median first; `baseline` in another colour."""
    fitted = scores[scores["status"] == "fitted"]
    fig, axes = new_figure(*figure_size, 1, 2)
    for ax, score, name in zip(
        axes, ("nca", "ari"), ("Normalised clustering accuracy", "Adjusted Rand index"), strict=True
    ):
        by_algorithm = {
            algorithm: rows[score].to_numpy()
            for algorithm, rows in fitted.groupby("algorithm", sort=False)
        }
        order = sorted(by_algorithm, key=lambda algorithm: -np.median(by_algorithm[algorithm]))
        boxes = ax.boxplot(
            [by_algorithm[algorithm] for algorithm in order],
            vert=False,
            patch_artist=True,
            widths=0.6,
            showfliers=False,
            medianprops={"color": "k", "linewidth": 1.5},
        )
        for patch, algorithm in zip(boxes["boxes"], order, strict=True):
            patch.set_facecolor("tab:orange" if algorithm == baseline else "tab:blue")
            patch.set_alpha(0.5)
        for row, algorithm in enumerate(order, start=1):
            ax.plot(
                by_algorithm[algorithm],
                np.full(len(by_algorithm[algorithm]), row)
                + np.linspace(-0.2, 0.2, len(by_algorithm[algorithm])),
                ".",
                color="k",
                markersize=2,
            )
        ax.set_yticks(range(1, len(order) + 1), [name.replace("_", " ") for name in order])
        ax.invert_yaxis()
        ax.set_xlabel(f"{name} ({len(fitted.groupby(['battery', 'dataset']))} datasets)")
        ax.grid(True, axis="x", alpha=0.3)
    return fig


def plot_suite_claims(
    scores: pd.DataFrame,
    properties: pd.DataFrame,
    statistics: Mapping[str, float],
    panel_size: Sequence[float],
) -> Figure:
    """What the chapter's claims on the suite read, one panel per statistic: an algorithm's
    accuracy against a property of the reference partitions (Spearman's rho), then two
    algorithms' accuracies on a group of datasets (wins and losses above and below the
    diagonal)."""
    columns = max(len(SUITE_CORRELATIONS), len(SUITE_COMPARISONS))
    fig, axes = new_figure(panel_size[0] * columns, panel_size[1] * 2, 2, columns)
    fitted = scores[scores["status"] == "fitted"].merge(properties, on=["battery", "dataset"])
    accuracy = fitted.pivot_table(index=["battery", "dataset"], columns="algorithm", values="nca")
    for ax, (name, (algorithm, quantity)) in zip(
        axes[:columns], SUITE_CORRELATIONS.items(), strict=False
    ):
        own = fitted[fitted["algorithm"] == algorithm]
        ax.scatter(own[quantity], own["nca"], s=14, alpha=0.7)
        if quantity.endswith("_ratio"):
            ax.set_xscale("log")
            ax.xaxis.set_major_locator(LogLocator(subs=(1, 2, 5)))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
            ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_xlabel(textwrap.fill(PROPERTY_WORDS[quantity], 34), fontsize=8)
        ax.set_ylabel(f"{_words(algorithm)}'s accuracy", fontsize=8)
        ax.set_title(
            f"{_words(algorithm)} and {_words(quantity)}\n"
            f"rho = {statistics[f'{name}_rho']:.2f}, "
            f"p = {statistics[f'{name}_p']:.2g}",
            fontsize=9,
        )
    for ax, (name, (algorithm, baseline, group)) in zip(
        axes[columns:], SUITE_COMPARISONS.items(), strict=False
    ):
        chosen = properties.loc[properties[group], ["battery", "dataset"]]
        pairs = accuracy.join(chosen.set_index(["battery", "dataset"]), how="inner")
        ax.scatter(pairs[baseline], pairs[algorithm], s=14, alpha=0.7, color="tab:green")
        ax.plot([0, 1], [0, 1], color="0.5", linewidth=0.8)
        ax.set_xlim(-0.05, 1.05)
        ax.set_xlabel(f"{_words(baseline)}'s accuracy", fontsize=8)
        ax.set_ylabel(f"{_words(algorithm)}'s accuracy", fontsize=8)
        ax.set_title(
            f"{len(pairs)} {_words(group)} datasets\n"
            f"{statistics[f'{name}_wins']:.0f} wins, "
            f"{statistics[f'{name}_losses']:.0f} losses, "
            f"p = {statistics[f'{name}_p']:.2g}",
            fontsize=9,
        )
    for ax in axes:
        ax.tick_params(labelsize=8)
        ax.grid(True, alpha=0.3)
        if ax.get_ylabel():
            ax.set_ylim(-0.05, 1.05)
    for ax in axes[len(SUITE_CORRELATIONS) : columns]:
        ax.set_axis_off()
    return fig


def _words(name: str) -> str:
    return name.replace("_", " ")
