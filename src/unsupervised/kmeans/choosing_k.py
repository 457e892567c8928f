"""Finding the number of clusters (2.2.11): one fit per k, then the elbow and silhouette
criteria."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import silhouette_score

from unsupervised.core.cluster_classes import purity
from unsupervised.core.elbow import elbow
from unsupervised.core.io import atomic_path
from unsupervised.kmeans.algorithm import check_k, kmeans_model


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
    silhouette_sample_size: int,
) -> KFit:
    """Fit K-Means (or mini-batch K-Means where full K-Means is too slow) with k clusters;
    the silhouette is computed on the fixed subsample of `silhouette_sample_size` points."""
    check_k(k, len(X), "k_range")
    model = kmeans_model(
        k,
        minibatch=estimator == "minibatch",
        n_init=n_init,
        random_state=random_state,
        batch_size=batch_size,
    )
    labels = model.fit_predict(X)
    sample = silhouette_sample(len(X), silhouette_sample_size, random_state)
    silhouette = (
        silhouette_score(X[sample], labels[sample])
        if k > 1 and len(set(labels)) > 1
        else float("nan")
    )
    return KFit(
        k,
        model.cluster_centers_,
        labels,
        float(model.inertia_),
        float(silhouette),
        purity(y, labels) if y is not None else float("nan"),
    )


def fit_ks(X: np.ndarray, y: np.ndarray | None, ks: Sequence[int], **settings: Any) -> list[KFit]:
    """fit_k for each of `ks`, in one process (a job per chunk of a sweep)."""
    return [fit_k(X, y, k, **settings) for k in ks]


def save_kfits(path: str | Path, fits: Sequence[KFit]) -> None:
    """Several clusterings of a sweep in one file, each k's arrays under its own names."""
    arrays: dict[str, Any] = {"ks": np.array([fit.k for fit in fits])}
    for fit in fits:
        arrays.update(
            {
                f"{name}_{fit.k}": getattr(fit, name)
                for name in ("centers", "labels", "inertia", "silhouette", "purity")
            }
        )
    with atomic_path(path) as tmp, open(tmp, "wb") as handle:
        np.savez(handle, **arrays)


def load_kfits(path: str | Path) -> list[KFit]:
    with np.load(path) as data:
        return [
            KFit(
                int(k),
                data[f"centers_{k}"],
                data[f"labels_{k}"],
                float(data[f"inertia_{k}"]),
                float(data[f"silhouette_{k}"]),
                float(data[f"purity_{k}"]),
            )
            for k in data["ks"]
        ]


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

    def metrics(self, report_k: Sequence[int]) -> dict[str, float]:
        metrics: dict[str, float] = {"elbow_k": self.elbow_k(), "silhouette_k": self.silhouette_k()}
        for k in report_k:
            fit = self.by_k(k)
            metrics[f"inertia_k{k}"] = fit.inertia
            for name in ("silhouette", "purity"):
                value = getattr(fit, name)
                if not np.isnan(value):
                    metrics[f"{name}_k{k}"] = value
        return metrics


def silhouette_blocks(coefficients: np.ndarray, labels: np.ndarray) -> list[np.ndarray]:
    """Per cluster, its samples' silhouette coefficients sorted in increasing order: the
    blocks a silhouette diagram draws."""
    return [np.sort(coefficients[labels == cluster]) for cluster in np.unique(labels)]
