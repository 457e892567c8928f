"""The section's experiments, one function per rule: each computes, draws and names its
metrics, and returns a Result for the workflow to write."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from unsupervised.core.results import Result
from unsupervised.kmeans.algorithm import fit_kmeans
from unsupervised.olivetti import plots
from unsupervised.olivetti.clustering import feature_sets, forest_accuracy
from unsupervised.olivetti.faces import PARTS, Faces

Size = Sequence[float]


def olivetti_faces(faces: Faces, *, eigenfaces: int, panel_size: Size) -> Result:
    """The shared split and PCA: the size of each part, the components kept and the variance
    they explain; the mean training face and the leading principal components."""
    explained = np.var(faces.features["train"], axis=0, ddof=1).sum() / np.var(
        faces.pixels["train"], axis=0, ddof=1).sum()
    metrics = {f"{part}_faces": len(faces.ids[part]) for part in PARTS} | {
        "pca_components": len(faces.components), "explained_variance": float(explained),
        "people_in_every_part": len(set.intersection(
            *(set(faces.ids[part].tolist()) for part in PARTS)))}
    shown = np.vstack([faces.mean, faces.components[:eigenfaces]])
    titles = ["mean face", *(f"component {index + 1}" for index in range(eigenfaces))]
    return Result(metrics, figures={"figure": plots.plot_faces(
        shown, titles, min(len(shown), 5), panel_size)})


def sweep_table(runs: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """One row per k of the chunks' results, sorted by k (labels left out)."""
    rows = [{key: value for key, value in run.items() if key != "labels"}
            for chunk in runs for run in chunk]
    return pd.DataFrame(rows).sort_values("k", kind="stable").reset_index(drop=True)


def best_k(table: pd.DataFrame, column: str) -> int:
    """The k with the highest value of `column`, the smallest such k on a tie."""
    return int(table["k"][table[column].idxmax()])


def useful_share(ids: np.ndarray, labels: np.ndarray) -> float:
    """The share of clusters the exercise calls useful: two faces or more, all of one person."""
    clusters = np.unique(labels)
    return float(np.mean([len(members) >= 2 and len(np.unique(members)) == 1
                          for members in (ids[labels == cluster] for cluster in clusters)]))


def olivetti_clustering(faces: Faces, runs: Sequence[Sequence[Mapping[str, Any]]], *,
                        clusters_shown: int, faces_per_cluster: int, figure_size: Size,
                        panel_size: Size) -> Result:
    """Exercise 10: the k of the best silhouette, the sweep's curves (and, beyond it, the
    agreement of each clustering with who is who), and the largest clusters of that k, face
    by face."""
    table = sweep_table(runs)
    silhouette_k, ari_k = best_k(table, "silhouette"), best_k(table, "ari")
    at_best = table[table["k"] == silhouette_k].iloc[0]
    labels = np.asarray(next(run["labels"] for chunk in runs for run in chunk
                             if run["k"] == silhouette_k))
    ids = faces.ids["train"]
    sizes = np.bincount(labels)
    shown = np.argsort(-sizes, kind="stable")[:clusters_shown]
    metrics = {
        "silhouette_k": silhouette_k, "best_silhouette": float(at_best["silhouette"]),
        "best_k_inertia": float(at_best["inertia"]), "best_k_ari": float(at_best["ari"]),
        "useful_cluster_share": useful_share(ids, labels),
        "ari_k": ari_k, "best_ari": float(table["ari"].max()),
        **{f"silhouette_k{row.k}": float(row.silhouette) for row in table.itertuples()},
        **{f"ari_k{row.k}": float(row.ari) for row in table.itertuples()},
    }
    return Result(metrics, tables={"table": table[["k", "inertia", "silhouette", "ari"]]},
                  figures={
                      "sweep": plots.plot_k_sweep(table, silhouette_k, ari_k, figure_size),
                      "clusters": plots.plot_clusters(faces.pixels["train"], ids, labels,
                                                      shown, faces_per_cluster, panel_size)})


def olivetti_classifier(faces: Faces, runs: Sequence[Sequence[Mapping[str, Any]]], *,
                        n_init: int, random_state: int,
                        forest: Mapping[str, Any], figure_size: Size) -> Result:
    """Exercise 11: the forest's validation accuracy on the PCA features, on the distances
    to the centroids of the silhouette's best k, on those of the best k by accuracy, and on
    both feature sets side by side; then the best of the three choices, scored once on the
    test faces (K-Means refitted at its k: the same fit, deterministic)."""
    table = sweep_table(runs)
    silhouette_k = best_k(table, "silhouette")
    ids = faces.ids
    at = table.set_index("k")
    choices = pd.DataFrame([
        {"features": "pca", "k": 0, "validation_accuracy": forest_accuracy(
            faces.features["train"], ids["train"], faces.features["valid"], ids["valid"],
            forest)},
        *({"features": name, "k": best_k(table, f"{name}_accuracy"),
           "validation_accuracy": float(table[f"{name}_accuracy"].max())}
          for name in ("distances", "combined"))])
    final = choices.loc[choices["validation_accuracy"].idxmax()]  # a tie: fewer features
    centers = None if final["features"] == "pca" else fit_kmeans(
        faces.features["train"], int(final["k"]), n_init=n_init,
        random_state=random_state).cluster_centers_
    train, test = (feature_sets(faces, centers, part)[final["features"]]
                   for part in ("train", "test"))
    test_accuracy = forest_accuracy(train, ids["train"], test, ids["test"], forest)
    choices["test_accuracy"] = np.where(choices.index == final.name, test_accuracy, np.nan)
    pca_accuracy = float(choices["validation_accuracy"][0])
    metrics = {
        "pca_accuracy": pca_accuracy,
        **{f"{name}_accuracy_at_best_silhouette": float(at.loc[silhouette_k,
                                                               f"{name}_accuracy"])
           for name in ("distances", "combined")},
        **{f"best_{row.features}_k": int(row.k) for row in choices.iloc[1:].itertuples()},
        **{f"best_{row.features}_accuracy": float(row.validation_accuracy)
           for row in choices.iloc[1:].itertuples()},
        "final_k": int(final["k"]), "test_accuracy": test_accuracy,
    }
    return Result(metrics, tables={"choices": choices, "table": table[
        ["k", "distances_accuracy", "combined_accuracy"]]}, figures={
        "figure": plots.plot_classifier_sweep(table, pca_accuracy, figure_size)})
