"""Labels from few: clusters and their representatives, labels propagated within clusters,
graph-based label spreading."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.neighbors import NearestNeighbors
from sklearn.semi_supervised import LabelPropagation, LabelSpreading

from unsupervised.core.io import atomic_path
from unsupervised.core.settings import SettingError
from unsupervised.kmeans.algorithm import kmeans_model

UNLABELLED = -1


def check_percentile(percentile: float, setting: str = "percentile") -> None:
    if not 0 < percentile <= 100:
        raise SettingError(setting, percentile, "a percentile must lie in (0, 100]")


@dataclass(frozen=True)
class Clustering:
    """A clustering of the training set and each cluster's representative instance."""

    labels: np.ndarray  # cluster of each training instance
    distance: np.ndarray  # distance of each instance to its own centroid
    representatives: np.ndarray  # per cluster, the index of the instance closest to its centroid

    def save(self, path: str | Path) -> None:
        with atomic_path(path) as tmp, open(tmp, "wb") as handle:
            np.savez(handle, labels=self.labels, distance=self.distance,
                     representatives=self.representatives)

    @classmethod
    def load(cls, path: str | Path) -> Clustering:
        with np.load(path) as data:
            return cls(data["labels"], data["distance"], data["representatives"])


def cluster(X: np.ndarray, k: int, *, random_state: int, n_init: int,
            minibatch: bool = False) -> Clustering:
    """K-Means (or mini-batch K-Means, for large sets) with k clusters and their representatives."""
    model = kmeans_model(k, minibatch=minibatch, n_init=n_init, random_state=random_state,
                         batch_size=4096)
    distances = model.fit_transform(X)
    labels = model.labels_
    return Clustering(labels, distances[np.arange(len(X)), labels], distances.argmin(axis=0))


def largest_clusters(clustering: Clustering, n: int) -> np.ndarray:
    """Ids of the `n` largest clusters (whose representatives get labelled), largest first."""
    sizes = np.bincount(clustering.labels, minlength=len(clustering.representatives))
    return np.argsort(-sizes, kind="stable")[:n]


def propagate(clustering: Clustering, representative_labels: np.ndarray,
              percentile: float = 100) -> np.ndarray:
    """Give every instance its cluster's representative label (UNLABELLED for a cluster whose
    representative has none), keeping only the `percentile` closest to the centroid of each
    cluster; the others are UNLABELLED."""
    check_percentile(percentile)
    y = np.asarray(representative_labels, dtype=np.int64)[clustering.labels]
    for cluster_id in range(len(clustering.representatives)):
        members = clustering.labels == cluster_id
        if not members.any():
            continue
        cutoff = np.percentile(clustering.distance[members], percentile)
        y[members & (clustering.distance > cutoff)] = UNLABELLED
    return y


def knn_graph(X: np.ndarray, n_neighbors: int) -> sparse.csr_matrix:
    """The k-NN connectivity graph scikit-learn's label spreading and propagation build with
    kernel="knn": each instance linked to itself and its `n_neighbors` - 1 nearest others."""
    return NearestNeighbors(n_neighbors=n_neighbors).fit(X).kneighbors_graph(
        X, n_neighbors, mode="connectivity")


def save_graph(path: str | Path, graph: sparse.spmatrix) -> None:
    with atomic_path(path) as tmp, open(tmp, "wb") as handle:
        sparse.save_npz(handle, graph)


def load_graph(path: str | Path) -> sparse.csr_matrix:
    return sparse.load_npz(path).tocsr()


def graph_model(graph: sparse.spmatrix, *, alpha: float = 0.2, max_iter: int = 100,
                spreading: bool = True) -> LabelSpreading | LabelPropagation:
    """scikit-learn's label spreading (or propagation) over a precomputed graph of the
    training set, given through its kernel: fitted, it equals the model with kernel="knn"
    whose graph this is. It labels the training set only (its `transduction_`)."""
    def kernel(_X: np.ndarray, _Y: np.ndarray) -> sparse.spmatrix:
        return graph.copy()  # label propagation normalises the matrix it gets in place

    if spreading:
        return LabelSpreading(kernel=kernel, alpha=alpha, max_iter=max_iter)
    return LabelPropagation(kernel=kernel, max_iter=max_iter)


def spread_labels(X: np.ndarray, y_partial: np.ndarray, graph: sparse.spmatrix, *,
                  alpha: float = 0.2, max_iter: int = 100, spreading: bool = True
                  ) -> np.ndarray:
    """The label of every training instance after spreading (or propagating) the labelled
    subset of `y_partial` over `graph`, the k-NN graph of `X`."""
    if graph.shape != (len(X), len(X)):
        raise ValueError(f"a graph of {graph.shape[0]} instances cannot spread labels over "
                         f"{len(X)}: build it from the same training set")
    model = graph_model(graph, alpha=alpha, max_iter=max_iter, spreading=spreading)
    with np.errstate(divide="ignore", invalid="ignore"):  # isolated points get no label mass
        return model.fit(X, y_partial).transduction_
