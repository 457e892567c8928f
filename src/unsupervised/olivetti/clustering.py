"""Exercises 10 and 11: K-Means on the training faces for one k, judged three ways: by the
silhouette (exercise 10), against who is who (the adjusted Rand index with the person ids),
and by a random forest on the distances to the centroids, scored on the validation faces
(exercise 11)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import adjusted_rand_score, silhouette_score

from unsupervised.kmeans.algorithm import fit_kmeans
from unsupervised.olivetti.faces import Faces


def forest_accuracy(
    train: np.ndarray,
    train_ids: np.ndarray,
    scored: np.ndarray,
    scored_ids: np.ndarray,
    forest: Mapping[str, Any],
) -> float:
    """Accuracy on `scored` of the exercises' random forest fitted on `train`."""
    model = RandomForestClassifier(**forest).fit(train, train_ids)
    return float(model.score(scored, scored_ids))


def feature_sets(faces: Faces, centers: np.ndarray | None, part: str) -> dict[str, np.ndarray]:
    """The classifier's candidate features of one part: PCA, distances to the centroids,
    both side by side (only PCA without centroids)."""
    pca = faces.features[part]
    if centers is None:
        return {"pca": pca}
    distances = np.linalg.norm(pca[:, None, :] - centers[None, :, :], axis=2)
    return {"pca": pca, "distances": distances, "combined": np.hstack([pca, distances])}


def clustering_at_k(
    faces: Faces, k: int, *, n_init: int, random_state: int, forest: Mapping[str, Any]
) -> dict[str, Any]:
    """K-Means with k clusters on the training faces' PCA features: inertia, silhouette,
    agreement with the person ids, the labels, and the validation accuracy of the forest
    on the distances to the centroids."""
    X, ids = faces.features["train"], faces.ids["train"]
    model = fit_kmeans(X, k, n_init=n_init, random_state=random_state, setting="k_range")
    train, valid = (
        feature_sets(faces, model.cluster_centers_, part)["distances"]
        for part in ("train", "valid")
    )
    return {
        "k": k,
        "inertia": float(model.inertia_),
        "silhouette": float(silhouette_score(X, model.labels_)) if k > 1 else float("nan"),
        "ari": float(adjusted_rand_score(ids, model.labels_)),
        "distances_accuracy": forest_accuracy(train, ids, valid, faces.ids["valid"], forest),
        "labels": model.labels_.tolist(),
    }


def clustering_chunk(
    faces: Faces, ks: Sequence[int], *, n_init: int, random_state: int, forest: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """`clustering_at_k` for each k of one chunk of the sweep."""
    return [
        clustering_at_k(faces, k, n_init=n_init, random_state=random_state, forest=forest)
        for k in ks
    ]


FEATURE_SETS = ("pca", "distances", "combined")


def exercise_accuracies(
    faces: Faces, k: int, seed: int, *, n_init: int, forest: Mapping[str, Any]
) -> dict[str, float]:
    """Exercise 11's three validation accuracies, with K-Means (k clusters) and the forest
    both seeded by `seed`: the forest on the PCA features, on the distances to the
    centroids, and on both side by side."""
    centers = fit_kmeans(
        faces.features["train"], k, n_init=n_init, random_state=seed
    ).cluster_centers_
    train, valid = (feature_sets(faces, centers, part) for part in ("train", "valid"))
    seeded = {**forest, "random_state": seed}
    return {
        name: forest_accuracy(
            train[name], faces.ids["train"], valid[name], faces.ids["valid"], seeded
        )
        for name in FEATURE_SETS
    }
