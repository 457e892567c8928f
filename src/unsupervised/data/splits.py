"""Train/test splits of the classification datasets, as features ready for the models."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.model_selection import train_test_split

from unsupervised.data.reduction import pca_keeping


@dataclass(frozen=True)
class Split:
    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray

    def save(self, path: str | Path) -> None:
        with open(path, "wb") as handle:
            np.savez(
                handle,
                X_train=self.X_train,
                X_test=self.X_test,
                y_train=self.y_train,
                y_test=self.y_test,
            )

    @classmethod
    def load(cls, path: str | Path) -> Split:
        with np.load(path) as data:
            return cls(data["X_train"], data["X_test"], data["y_train"], data["y_test"])


def random_split(X: np.ndarray, y: np.ndarray, random_state: int) -> Split:
    """scikit-learn's default 75/25 shuffled split (the chapter's digits split)."""
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=random_state)
    return Split(X_train, X_test, y_train, y_test)


def ordered_split_with_pca(
    X: np.ndarray, y: np.ndarray, train_rows: int, n_train: int, variance: float
) -> Split:
    """Rows before `train_rows` train, the rest test (MNIST's standard 60,000/10,000 split);
    only the first `n_train` training rows are kept. Pixels are scaled to [0, 1] and projected
    on the principal components of the training set that keep `variance` of its variance."""
    if not 0 < n_train <= train_rows < len(X):
        raise ValueError(
            f"n_train={n_train}: must lie in 1..train_rows={train_rows}, and "
            f"train_rows below the {len(X)} rows"
        )
    train = np.asarray(X[:n_train], dtype=np.float64) / 255
    reduced_train, pca = pca_keeping(train, variance)
    test = pca.transform(np.asarray(X[train_rows:], dtype=np.float64) / 255)
    return Split(reduced_train, test, np.asarray(y[:n_train]), np.asarray(y[train_rows:]))


def model_ready_split(
    X: np.ndarray,
    y: np.ndarray,
    *,
    split_random_state: int,
    train_rows: int | None,
    n_train: int | None,
    pca_variance: float | None,
) -> Split:
    """The split a dataset's experiments share: with `train_rows`, the ordered split with PCA
    features (MNIST); without, the chapter's shuffled 75/25 split of the raw features."""
    if train_rows is None:
        return random_split(X, y, split_random_state)
    return ordered_split_with_pca(X, y, train_rows, n_train, pca_variance)
