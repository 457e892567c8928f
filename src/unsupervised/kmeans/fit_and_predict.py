"""Fit and predict (2.2.1 to 2.2.3): K-Means on blobs with known centers, hard and soft
clustering of new points."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from unsupervised.kmeans.algorithm import fit_kmeans, match_centroids


@dataclass(frozen=True)
class FitReport:
    """K-Means fitted on blobs with known centers, and its predictions for new points."""

    centers: np.ndarray  # estimated, reordered to follow the true centers
    true_centers: np.ndarray
    inertia: float
    score: float  # the estimator's score(X): minus the inertia
    inertia_from_distances: float  # sum of squared transform() distances to own centroid
    new_points: np.ndarray
    new_point_blobs: np.ndarray  # for each new point, the true blob of its predicted cluster
    distances: np.ndarray  # transform(new_points): soft clustering
    distances_error: float  # max |transform - explicit Euclidean distance|

    @property
    def centroid_errors(self) -> np.ndarray:
        """Distance of each estimated centroid to its true center."""
        return np.linalg.norm(self.centers - self.true_centers, axis=1)

    def centroid_table(self) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "true_x1": self.true_centers[:, 0],
                "true_x2": self.true_centers[:, 1],
                "estimated_x1": self.centers[:, 0],
                "estimated_x2": self.centers[:, 1],
                "distance": self.centroid_errors,
            }
        )

    def new_points_table(self) -> pd.DataFrame:
        table = pd.DataFrame(self.new_points, columns=["x1", "x2"])
        table["blob"] = self.new_point_blobs
        for blob in range(self.distances.shape[1]):
            table[f"distance_to_centroid_{blob}"] = self.distances[:, blob]
        return table

    def metrics(self) -> dict[str, float]:
        metrics = {
            "inertia": self.inertia,
            "score": self.score,
            "inertia_from_distances": self.inertia_from_distances,
            "max_centroid_error": float(self.centroid_errors.max()),
            "transform_max_error": self.distances_error,
        }
        for i, blob in enumerate(self.new_point_blobs):
            metrics[f"new_point_{i}_blob"] = int(blob)
        return metrics


def fit_and_predict(
    X: np.ndarray,
    true_centers: np.ndarray,
    new_points: np.ndarray,
    k: int,
    n_init: int,
    random_state: int,
) -> FitReport:
    model = fit_kmeans(X, k, n_init=n_init, random_state=random_state)
    order, _ = match_centroids(model.cluster_centers_, true_centers)
    blob_of_cluster = np.argsort(order)  # cluster id -> index of its true center
    own = model.transform(X)[np.arange(len(X)), model.labels_]
    distances = model.transform(new_points)[:, order]
    explicit = np.linalg.norm(new_points[:, None, :] - model.cluster_centers_[order], axis=2)
    return FitReport(
        centers=model.cluster_centers_[order],
        true_centers=true_centers,
        inertia=float(model.inertia_),
        score=float(model.score(X)),
        inertia_from_distances=float(np.sum(own**2)),
        new_points=new_points,
        new_point_blobs=blob_of_cluster[model.predict(new_points)],
        distances=distances,
        distances_error=float(np.abs(distances - explicit).max()),
    )
