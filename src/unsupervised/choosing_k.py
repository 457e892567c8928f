"""Choosing the number of clusters: one fit per k, then the elbow and silhouette criteria."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FixedFormatter, FixedLocator
from sklearn.metrics import silhouette_samples, silhouette_score

from unsupervised.kmeans import check_k, kmeans_model, purity
from unsupervised.model_selection import elbow, silhouette_blocks
from unsupervised.plotting import new_figure


@dataclass(frozen=True)
class KFit:
    """One clustering of a sweep over k."""

    k: int
    centers: np.ndarray
    labels: np.ndarray
    inertia: float
    silhouette: float  # nan for k = 1 (undefined)
    purity: float  # against the true classes; nan when there are none


def silhouette_sample(n_samples: int, size: int, random_state: int) -> np.ndarray:
    """Indices of the fixed subsample the silhouette is computed on (all when size is 0)."""
    if size == 0 or size >= n_samples:
        return np.arange(n_samples)
    return np.sort(np.random.default_rng(random_state).choice(n_samples, size, replace=False))


def fit_k(
    X: np.ndarray,
    y: np.ndarray | None,
    k: int,
    *,
    estimator: str,
    n_init: int,
    random_state: int,
    batch_size: int,
    sample: np.ndarray,
    parameter: str = "k",
) -> KFit:
    """Fit K-Means (or mini-batch K-Means where full K-Means is too slow) with k clusters;
    `parameter` names the setting k comes from in error messages."""
    check_k(k, len(X), parameter)
    model = kmeans_model(k, minibatch=estimator == "minibatch", n_init=n_init,
                         random_state=random_state, batch_size=batch_size)
    labels = model.fit_predict(X)
    silhouette = (silhouette_score(X[sample], labels[sample]) if k > 1 and len(set(labels)) > 1
                  else float("nan"))
    return KFit(k, model.cluster_centers_, labels, float(model.inertia_), float(silhouette),
                purity(y, labels) if y is not None else float("nan"))


def save_kfit(path, fit: KFit) -> None:
    np.savez(path, k=fit.k, centers=fit.centers, labels=fit.labels, inertia=fit.inertia,
             silhouette=fit.silhouette, purity=fit.purity)


def load_kfit(path) -> KFit:
    with np.load(path) as data:
        return KFit(int(data["k"]), data["centers"], data["labels"], float(data["inertia"]),
                    float(data["silhouette"]), float(data["purity"]))


@dataclass(frozen=True)
class Sweep:
    fits: list[KFit]  # sorted by k

    @property
    def ks(self) -> np.ndarray:
        return np.array([fit.k for fit in self.fits])

    @property
    def inertias(self) -> np.ndarray:
        return np.array([fit.inertia for fit in self.fits])

    @property
    def silhouettes(self) -> np.ndarray:
        return np.array([fit.silhouette for fit in self.fits])

    def by_k(self, k: int) -> KFit:
        return next(fit for fit in self.fits if fit.k == k)

    def elbow_k(self) -> int:
        return elbow(self.ks, self.inertias, log=True)

    def silhouette_k(self) -> int:
        defined = ~np.isnan(self.silhouettes)
        return int(self.ks[defined][np.argmax(self.silhouettes[defined])])

    def metrics(self, prefix: str, report_k: Sequence[int]) -> dict[str, float]:
        metrics: dict[str, float] = {f"{prefix}.elbow_k": self.elbow_k(),
                                     f"{prefix}.silhouette_k": self.silhouette_k()}
        for k in report_k:
            fit = self.by_k(k)
            metrics[f"{prefix}.inertia_k{k}"] = fit.inertia
            for name in ("silhouette", "purity"):
                value = getattr(fit, name)
                if not np.isnan(value):
                    metrics[f"{prefix}.{name}_k{k}"] = value
        return metrics


def plot_inertia(sweep: Sweep, size: Sequence[float]) -> Figure:
    fig, (ax,) = new_figure(*size)
    ax.plot(sweep.ks, sweep.inertias, "bo-")
    k = sweep.elbow_k()
    value = sweep.by_k(k).inertia
    ax.annotate(f"Elbow (k={k})", xy=(k, value), xytext=(0.5, 0.6), textcoords="axes fraction",
                fontsize=14, arrowprops={"facecolor": "black", "shrink": 0.05})
    ax.set_xlabel("$k$")
    ax.set_ylabel("Inertia")
    ax.set_title("Elbow: farthest below the first-to-last chord of log(inertia)", fontsize=11)
    return fig


def plot_silhouette(sweep: Sweep, size: Sequence[float], sample_size: int) -> Figure:
    fig, (ax,) = new_figure(*size)
    defined = ~np.isnan(sweep.silhouettes)
    ax.plot(sweep.ks[defined], sweep.silhouettes[defined], "bo-")
    best = sweep.silhouette_k()
    ax.plot(best, sweep.by_k(best).silhouette, "r*", markersize=18,
            label=f"best: k={best}")
    ax.set_xlabel("$k$")
    ax.set_ylabel("Silhouette score")
    if sample_size:
        ax.set_title(f"Silhouette on a fixed random subsample of {sample_size} points",
                     fontsize=11)
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
            ax.fill_betweenx(np.arange(position, position + len(block)), 0, block,
                             facecolor=color, edgecolor=color, alpha=0.7)
            ticks.append(position + len(block) // 2)
            position += len(block) + padding
        ax.yaxis.set_major_locator(FixedLocator(ticks))
        ax.yaxis.set_major_formatter(FixedFormatter([str(i) for i in range(len(blocks))]))
        ax.axvline(coefficients.mean(), color="red", linestyle="--")
        ax.set_title(f"$k={k}$")
        ax.set_ylabel("Cluster")
        if index >= len(fits) - ncols:
            ax.set_xlabel("Silhouette coefficient")
    for ax in axes[len(fits):]:
        ax.set_visible(False)
    return fig
