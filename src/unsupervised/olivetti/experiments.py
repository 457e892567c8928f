"""The section's experiments, one function per rule: each computes, draws and names its
metrics, and returns a Result for the workflow to write. The exercises' first, then those
beyond them: exercise 11 over splits and seeds, and the detection of altered faces."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from unsupervised.core.lazy import lazy_import
from unsupervised.core.results import Result
from unsupervised.gaussian_mixtures.mixtures import fit_mixture
from unsupervised.kmeans.algorithm import fit_kmeans
from unsupervised.olivetti.anomalies import DETECTORS, detection_aucs, scored_faces
from unsupervised.olivetti.clustering import (
    FEATURE_SETS,
    exercise_accuracies,
    feature_sets,
    forest_accuracy,
)
from unsupervised.olivetti.faces import PARTS, Faces
from unsupervised.olivetti.spread import DIFFERENCES, accuracy_cells, spread_table
from unsupervised.olivetti.transformations import Alterations, altered_faces

plots = lazy_import("unsupervised.olivetti.plots")

Size = Sequence[float]


def olivetti_faces(faces: Faces, *, eigenfaces: int, panel_size: Size) -> Result:
    """The shared split and PCA: the size of each part, the components kept and the variance
    they explain; the mean training face and the leading principal components."""
    metrics = {f"{part}_faces": len(faces.ids[part]) for part in PARTS} | {
        "pca_components": len(faces.components),
        "explained_variance": faces.explained_variance,
        "people_in_every_part": len(
            set.intersection(*(set(faces.ids[part].tolist()) for part in PARTS))
        ),
    }
    shown = np.vstack([faces.mean, faces.components[:eigenfaces]])
    titles = ["mean face", *(f"component {index + 1}" for index in range(eigenfaces))]
    return Result(
        metrics,
        figures={
            "figure": lambda: plots.plot_faces(
                shown, titles, min(len(shown), 5), panel_size, brightness=None
            )
        },
    )


def sweep_table(runs: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """One row per k of the chunks' results, sorted by k (labels left out)."""
    rows = [
        {key: value for key, value in run.items() if key != "labels"}
        for chunk in runs
        for run in chunk
    ]
    return pd.DataFrame(rows).sort_values("k", kind="stable").reset_index(drop=True)


def best_k(table: pd.DataFrame, column: str) -> int:
    """The k with the highest value of `column`, the smallest such k on a tie."""
    return int(table["k"][table[column].idxmax()])


def useful_share(ids: np.ndarray, labels: np.ndarray) -> float:
    """The share of clusters the exercise calls useful: two faces or more, all of one person."""
    clusters = np.unique(labels)
    return float(
        np.mean(
            [
                len(members) >= 2 and len(np.unique(members)) == 1
                for members in (ids[labels == cluster] for cluster in clusters)
            ]
        )
    )


def olivetti_clustering(
    faces: Faces,
    runs: Sequence[Sequence[Mapping[str, Any]]],
    *,
    clusters_shown: int,
    faces_per_cluster: int,
    figure_size: Size,
    panel_size: Size,
) -> Result:
    """Exercise 10: the k of the best silhouette, the sweep's curves (and, beyond it, the
    agreement of each clustering with who is who), and the largest clusters of that k, face
    by face."""
    table = sweep_table(runs)
    silhouette_k, ari_k = best_k(table, "silhouette"), best_k(table, "ari")
    at_best = table[table["k"] == silhouette_k].iloc[0]
    labels = np.asarray(
        next(run["labels"] for chunk in runs for run in chunk if run["k"] == silhouette_k)
    )
    ids = faces.ids["train"]
    sizes = np.bincount(labels)
    shown = np.argsort(-sizes, kind="stable")[:clusters_shown]
    metrics = {
        "silhouette_k": silhouette_k,
        "best_silhouette": float(at_best["silhouette"]),
        "best_k_inertia": float(at_best["inertia"]),
        "best_k_ari": float(at_best["ari"]),
        "useful_cluster_share": useful_share(ids, labels),
        "ari_k": ari_k,
        "best_ari": float(table["ari"].max()),
        **{f"silhouette_k{row.k}": float(row.silhouette) for row in table.itertuples()},
        **{f"ari_k{row.k}": float(row.ari) for row in table.itertuples()},
    }
    return Result(
        metrics,
        tables={"table": table[["k", "inertia", "silhouette", "ari"]]},
        figures={
            "sweep": lambda: plots.plot_k_sweep(table, silhouette_k, ari_k, figure_size),
            "clusters": lambda: plots.plot_clusters(
                faces.pixels["train"], ids, labels, shown, faces_per_cluster, panel_size
            ),
        },
    )


def olivetti_classifier(
    faces: Faces,
    runs: Sequence[Sequence[Mapping[str, Any]]],
    *,
    n_init: int,
    random_state: int,
    forest: Mapping[str, Any],
    figure_size: Size,
) -> Result:
    """Exercise 11: the forest's validation accuracy on the PCA features, on the distances
    to the centroids of each k (the silhouette's best k, and the best k for the forest), and
    on the PCA features beside the distances of the silhouette's best k; then the best of
    the three choices, scored once on the test faces. K-Means is refitted where a choice
    needs its centroids (once per k): the same fit as the sweep's, deterministic."""
    table = sweep_table(runs)
    silhouette_k, distances_k = best_k(table, "silhouette"), best_k(table, "distances_accuracy")
    train, valid, ids = faces.features["train"], faces.features["valid"], faces.ids

    @cache
    def centers(k: int) -> np.ndarray | None:
        return (
            None
            if k == 0
            else fit_kmeans(train, k, n_init=n_init, random_state=random_state).cluster_centers_
        )

    def features(name: str, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return tuple(feature_sets(faces, centers(k), part)[name] for part in PARTS)

    combined = features("combined", silhouette_k)
    choices = pd.DataFrame(
        [
            {
                "features": "pca",
                "k": 0,
                "validation_accuracy": forest_accuracy(
                    train, ids["train"], valid, ids["valid"], forest
                ),
            },
            {
                "features": "distances",
                "k": distances_k,
                "validation_accuracy": float(table["distances_accuracy"].max()),
            },
            {
                "features": "combined",
                "k": silhouette_k,
                "validation_accuracy": forest_accuracy(
                    combined[0], ids["train"], combined[1], ids["valid"], forest
                ),
            },
        ]
    )
    final = choices.loc[choices["validation_accuracy"].idxmax()]  # a tie: fewer features
    final_train, _, final_test = features(final["features"], int(final["k"]))
    test_accuracy = forest_accuracy(final_train, ids["train"], final_test, ids["test"], forest)
    choices["test_accuracy"] = np.where(choices.index == final.name, test_accuracy, np.nan)
    pca_accuracy, _, combined_accuracy = choices["validation_accuracy"]
    metrics = {
        "pca_accuracy": pca_accuracy,
        "distances_accuracy_at_best_silhouette": float(
            table.set_index("k").loc[silhouette_k, "distances_accuracy"]
        ),
        "combined_accuracy_at_best_silhouette": combined_accuracy,
        "best_distances_k": distances_k,
        "best_distances_accuracy": float(table["distances_accuracy"].max()),
        "final_k": int(final["k"]),
        "test_accuracy": test_accuracy,
    }
    return Result(
        metrics,
        tables={"choices": choices, "table": table[["k", "distances_accuracy"]]},
        figures={
            "figure": lambda: plots.plot_classifier_sweep(
                table, pca_accuracy, silhouette_k, combined_accuracy, figure_size
            )
        },
    )


def per_kind_index(kinds: Sequence[str]) -> list[int]:
    """Each item's rank among the items of its kind: [a, a, b, a] -> [0, 1, 0, 2]."""
    return [kinds[:position].count(kind) for position, kind in enumerate(kinds)]


def olivetti_mixture(
    faces: Faces,
    *,
    n_components: int,
    random_state: int,
    n_generated: int,
    altered: Mapping[str, int],
    alterations: Mapping[str, Any],
    normal_shown: int,
    panel_size: Size,
) -> Result:
    """Exercise 12: a Gaussian mixture of the training faces' PCA features; faces it
    generates, mapped back to pixels; the log density it gives altered training faces
    against the first normal ones."""
    mixture = fit_mixture(
        faces.features["train"], n_components, n_init=1, random_state=random_state
    )
    generated, components = mixture.sample(n_generated)
    bad, kinds = altered_faces(faces.pixels["train"], altered, Alterations(**alterations))
    bad_scores = mixture.score_samples(faces.project(bad))
    normal_scores = mixture.score_samples(faces.features["train"][:normal_shown])
    metrics = {
        f"{kind}_{index}_score": float(score)
        for kind, index, score in zip(kinds, per_kind_index(kinds), bad_scores, strict=True)
    }
    metrics |= {f"normal_{index}_score": float(score) for index, score in enumerate(normal_scores)}
    metrics |= {
        "altered_max_score": float(bad_scores.max()),
        "normal_min_score": float(normal_scores.min()),
    }
    return Result(
        metrics,
        figures={
            "generated": lambda: plots.plot_faces(
                faces.reconstruct(generated), [f"component {c}" for c in components], 5, panel_size
            ),
            "altered": lambda: plots.plot_faces(
                bad,
                [f"{kind}\n{score:.2g}" for kind, score in zip(kinds, bad_scores, strict=True)],
                5,
                panel_size,
            ),
        },
    )


def olivetti_reconstruction(
    faces: Faces, *, altered: Mapping[str, int], alterations: Mapping[str, Any], panel_size: Size
) -> Result:
    """Exercise 13: the PCA's mean squared reconstruction error of the training faces and of
    the altered ones, and the altered faces above their reconstructions."""
    bad, kinds = altered_faces(faces.pixels["train"], altered, Alterations(**alterations))
    bad_errors = faces.reconstruction_errors(bad)
    train_errors = faces.reconstruction_errors(faces.pixels["train"])
    metrics = {
        "train_error": float(train_errors.mean()),
        "altered_error": float(bad_errors.mean()),
        "train_max_error": float(train_errors.max()),
        "altered_min_error": float(bad_errors.min()),
    }
    titles = [*kinds, *(f"rebuilt, MSE {error:.4f}" for error in bad_errors)]
    rebuilt = faces.reconstruct(faces.project(bad))
    return Result(
        metrics,
        figures={
            "figure": lambda: plots.plot_faces(
                np.vstack([bad, rebuilt]), titles, len(bad), panel_size
            )
        },
    )


def olivetti_accuracy(
    faces: Faces, *, k: int, model_seeds: Sequence[int], n_init: int, forest: Mapping[str, Any]
) -> Result:
    """Exercise 11's three validation accuracies on one split, for each seed of K-Means and
    the forest, and their means over the seeds."""
    runs = {
        seed: exercise_accuracies(faces, k, seed, n_init=n_init, forest=forest)
        for seed in model_seeds
    }
    metrics: dict[str, float | int] = {"k": k}
    for name in FEATURE_SETS:
        metrics |= {f"seed_{seed}_{name}_accuracy": run[name] for seed, run in runs.items()}
        metrics[f"{name}_accuracy"] = float(np.mean([run[name] for run in runs.values()]))
    return Result(metrics)


def olivetti_accuracy_spread(
    runs: Sequence[Mapping[str, float]],
    *,
    split_seeds: Sequence[int],
    model_seeds: Sequence[int],
    figure_size: Size,
) -> Result:
    """Exercise 11's comparison with error bars: the accuracies of every (split, model seed)
    cell (`runs` the accuracy runs of `split_seeds`, the exercises' split first), the paired
    differences between feature sets, and where their spread comes from."""
    cells = accuracy_cells(dict(zip(split_seeds, runs, strict=True)), model_seeds)
    table = spread_table(cells)
    metrics: dict[str, float | int] = {"cells": len(cells), "splits": len(runs)}
    for row in table.itertuples():
        metrics |= {
            f"{row.quantity}_mean": float(row.mean),
            f"{row.quantity}_std": float(row.std),
            f"{row.quantity}_std_over_splits": float(row.std_over_splits),
        }
        if row.quantity in DIFFERENCES:
            metrics[f"{row.quantity}_share_above_zero"] = row.share_above_zero
    exercise = cells.iloc[0]  # the exercises' split and seed come first
    return Result(
        metrics,
        tables={"table": table, "cells": cells},
        figures={
            "figure": lambda: plots.plot_accuracy_spread(
                cells, FEATURE_SETS, tuple(DIFFERENCES), exercise, figure_size
            )
        },
    )


def olivetti_anomalies(
    faces: Faces,
    *,
    n_components: int,
    random_state: int,
    alterations: Mapping[str, Any],
    figure_size: Size,
) -> Result:
    """Every training and validation face altered by each transformation, scored by
    exercise 12's mixture and exercise 13's reconstruction error: the ROC AUC of telling
    altered from normal faces, over all of them and over the validation faces alone (which
    neither model saw)."""
    mixture = fit_mixture(
        faces.features["train"], n_components, n_init=1, random_state=random_state
    )
    scores = scored_faces(faces, mixture, Alterations(**alterations), ("train", "valid"))
    table = detection_aucs(scores, ("train", "valid")).merge(
        detection_aucs(scores, ("valid",)),
        on=["transformation", "detector"],
        suffixes=("", "_validation"),
    )
    metrics = {
        f"{row.detector}_{row.transformation}_auc": row.roc_auc for row in table.itertuples()
    }
    metrics |= {
        f"{row.detector}_{row.transformation}_validation_auc": row.roc_auc_validation
        for row in table.itertuples()
    }
    return Result(
        metrics,
        tables={"table": table},
        figures={
            "figure": lambda: plots.plot_anomaly_scores(scores, table, DETECTORS, figure_size)
        },
    )
