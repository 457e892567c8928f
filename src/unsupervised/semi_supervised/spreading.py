"""Graph-based label spreading: the k-NN graph of a training set, built once and saved, and
scikit-learn's label spreading (or propagation) over it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.neighbors import NearestNeighbors
from sklearn.semi_supervised import LabelPropagation, LabelSpreading

from unsupervised.core.io import atomic_path


def knn_graph(X: np.ndarray, n_neighbors: int) -> sparse.csr_matrix:
    """The k-NN connectivity graph scikit-learn's label spreading and propagation build with
    kernel="knn": each instance linked to itself and its `n_neighbors` - 1 nearest others."""
    return (
        NearestNeighbors(n_neighbors=n_neighbors)
        .fit(X)
        .kneighbors_graph(X, n_neighbors, mode="connectivity")
    )


def save_graph(path: str | Path, graph: sparse.spmatrix) -> None:
    with atomic_path(path) as tmp, open(tmp, "wb") as handle:
        sparse.save_npz(handle, graph)


def load_graph(path: str | Path) -> sparse.csr_matrix:
    return sparse.load_npz(path).tocsr()


def graph_model(
    graph: sparse.spmatrix, *, alpha: float = 0.2, max_iter: int = 100, spreading: bool = True
) -> LabelSpreading | LabelPropagation:
    """scikit-learn's label spreading (or propagation) over a precomputed graph of the
    training set, given through its kernel: fitted, it equals the model with kernel="knn"
    whose graph this is. It labels the training set only (its `transduction_`)."""

    def kernel(_X: np.ndarray, _Y: np.ndarray) -> sparse.spmatrix:
        return graph.copy()  # label propagation normalises the matrix it gets in place

    if spreading:
        return LabelSpreading(kernel=kernel, alpha=alpha, max_iter=max_iter)
    return LabelPropagation(kernel=kernel, max_iter=max_iter)


def spread_labels(
    X: np.ndarray,
    y_partial: np.ndarray,
    graph: sparse.spmatrix,
    *,
    alpha: float = 0.2,
    max_iter: int = 100,
    spreading: bool = True,
) -> np.ndarray:
    """The label of every training instance after spreading (or propagating) the labelled
    subset of `y_partial` over `graph`, the k-NN graph of `X`."""
    if graph.shape != (len(X), len(X)):
        raise ValueError(
            f"a graph of {graph.shape[0]} instances cannot spread labels over "
            f"{len(X)}: build it from the same training set"
        )
    model = graph_model(graph, alpha=alpha, max_iter=max_iter, spreading=spreading)
    with np.errstate(divide="ignore", invalid="ignore"):  # isolated points get no label mass
        return model.fit(X, y_partial).transduction_
