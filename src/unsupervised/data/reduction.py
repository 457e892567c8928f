"""Dimensionality reduction before clustering."""

from __future__ import annotations

import numpy as np
from sklearn.decomposition import PCA


def pca_keeping(X: np.ndarray, variance: float, chunk_size: int = 10_000) -> tuple[np.ndarray, PCA]:
    """Project `X` on the fewest principal components that keep `variance` of its variance
    (all of them at 1).

    `X` may be a memory map of integers: it is converted to float64 once for the fit, and the
    projection is computed chunk by chunk. float64 keeps the downstream clusterings and
    classifiers from flipping near-ties on the round-off of one CPU's BLAS kernels. Tall
    data is decomposed through its covariance matrix (MNIST: 784 x 784), wide data by a
    full SVD (the faces: 280 images of 4,096 pixels).
    """
    data = np.asarray(X, dtype=np.float64)
    solver = "covariance_eigh" if len(data) >= data.shape[1] else "full"
    pca = PCA(n_components=None if variance == 1 else variance, svd_solver=solver).fit(data)
    reduced = np.concatenate(
        [
            pca.transform(data[start : start + chunk_size])
            for start in range(0, len(data), chunk_size)
        ]
    )
    return reduced, pca


def pca_summary(pca: PCA) -> dict[str, float]:
    """How many components a fitted PCA kept and the share of variance they explain."""
    return {
        "n_components": int(pca.n_components_),
        "explained_variance": float(pca.explained_variance_ratio_.sum()),
    }
