"""Timing experiments: Elkan vs Lloyd, and mini-batch vs full K-Means across k."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from sklearn.cluster import KMeans, MiniBatchKMeans

from unsupervised.kmeans import check_k
from unsupervised.plotting import new_figure
from unsupervised.timing import median_seconds

ALGORITHMS = ("elkan", "lloyd")


def time_algorithms(
    X: np.ndarray, k: int, n_init: int, random_state: int, repeats: int
) -> dict[str, float]:
    """Median fit time of each K-Means algorithm on the same data and initialisations."""
    check_k(k, len(X), "k")
    return {
        algorithm: median_seconds(
            lambda algorithm=algorithm: KMeans(n_clusters=k, n_init=n_init, algorithm=algorithm,
                                               random_state=random_state).fit(X),
            repeats,
        )
        for algorithm in ALGORITHMS
    }


def minibatch_vs_full(
    X: np.ndarray,
    ks: Sequence[int],
    *,
    kmeans_n_init: int,
    minibatch_n_init: int,
    random_state: int,
    repeats: int,
) -> pd.DataFrame:
    """Per k: inertia and median fit time of K-Means and of mini-batch K-Means."""
    rows = []
    for k in ks:
        check_k(k, len(X), "k_range")
        full = KMeans(n_clusters=k, n_init=kmeans_n_init, random_state=random_state)
        mini = MiniBatchKMeans(n_clusters=k, n_init=minibatch_n_init, random_state=random_state)
        rows.append({
            "k": k,
            "kmeans_seconds": median_seconds(lambda model=full: model.fit(X), repeats),
            "minibatch_seconds": median_seconds(lambda model=mini: model.fit(X), repeats),
            "kmeans_inertia": full.inertia_,
            "minibatch_inertia": mini.inertia_,
        })
    return pd.DataFrame(rows)


def plot_minibatch_vs_full(table: pd.DataFrame, size: Sequence[float]) -> Figure:
    """The chapter's figure, inertia and training time against k, plus the inertia ratio that
    shows mini-batch falling behind as k grows."""
    fig, (inertia, ratio, seconds) = new_figure(*size, ncols=3)
    for ax, column, title in ((inertia, "inertia", "Inertia (log scale)"),
                              (seconds, "seconds", "Training time (s, median)")):
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


def plot_algorithm_times(times: dict[str, dict[str, float]], size: Sequence[float]) -> Figure:
    """Median fit time of Elkan and Lloyd per dataset (bars), relative to Lloyd."""
    fig, axes = new_figure(*size, ncols=len(times))
    for ax, (dataset, by_algorithm) in zip(axes, times.items(), strict=True):
        bars = ax.bar(list(by_algorithm), list(by_algorithm.values()),
                      color=["tab:orange", "tab:blue"])
        ax.bar_label(bars, fmt="%.3g s")
        ax.set_title(f"{dataset}: elkan/lloyd = "
                     f"{by_algorithm['elkan'] / by_algorithm['lloyd']:.2f}")
        ax.set_ylabel("Median fit time (s)")
        ax.margins(y=0.15)
    return fig
