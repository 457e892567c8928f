"""Beyond the exercises, one function per rule: exercise 11's accuracies over splits and
seeds, with their spread, and the detection of altered faces measured by the ROC AUC."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from unsupervised.core.results import Result
from unsupervised.gaussian_mixtures.mixtures import fit_mixture
from unsupervised.olivetti import plots
from unsupervised.olivetti.anomalies import DETECTORS, detection_aucs, scored_faces
from unsupervised.olivetti.clustering import FEATURE_SETS, exercise_accuracies
from unsupervised.olivetti.faces import Faces
from unsupervised.olivetti.transformations import Alterations

Size = Sequence[float]
ACCURACY = "olivetti_accuracy"  # the experiment of one split, rerun for every split seed
DIFFERENCES = {"distances_minus_pca": ("distances", "pca"),
               "combined_minus_pca": ("combined", "pca"),
               "combined_minus_distances": ("combined", "distances")}


def olivetti_accuracy(faces: Faces, *, k: int, model_seeds: Sequence[int], n_init: int,
                      forest: Mapping[str, Any]) -> Result:
    """Exercise 11's three validation accuracies on one split, for each seed of K-Means and
    the forest, and their means over the seeds."""
    runs = {seed: exercise_accuracies(faces, k, seed, n_init=n_init, forest=forest)
            for seed in model_seeds}
    metrics: dict[str, float | int] = {"k": k}
    for name in FEATURE_SETS:
        metrics |= {f"seed_{seed}_{name}_accuracy": run[name] for seed, run in runs.items()}
        metrics[f"{name}_accuracy"] = float(np.mean([run[name] for run in runs.values()]))
    return Result(metrics)


def accuracy_cells(runs: Mapping[int, Mapping[str, float]], model_seeds: Sequence[int]
                   ) -> pd.DataFrame:
    """One row per (split seed, model seed) of the accuracy runs' metrics: each feature set's
    accuracy and the paired differences."""
    cells = pd.DataFrame([
        {"split_seed": split, "model_seed": seed,
         **{name: metrics[f"{ACCURACY}.seed_{seed}_{name}_accuracy"] for name in FEATURE_SETS}}
        for split, metrics in runs.items() for seed in model_seeds])
    for difference, (first, second) in DIFFERENCES.items():
        cells[difference] = cells[first] - cells[second]
    return cells


def spread_table(cells: pd.DataFrame) -> pd.DataFrame:
    """Per accuracy and difference: mean, standard deviation, range, share above zero, and
    the two sources of the spread: the standard deviation of the split means and the mean
    standard deviation over model seeds within a split."""
    rows = []
    for name in (*FEATURE_SETS, *DIFFERENCES):
        by_split = cells.groupby("split_seed")[name]
        rows.append({"quantity": name, "mean": cells[name].mean(), "std": cells[name].std(),
                     "min": cells[name].min(), "max": cells[name].max(),
                     "share_above_zero": float((cells[name] > 0).mean()),
                     "std_over_splits": by_split.mean().std(),
                     "std_over_model_seeds": by_split.std().mean()})
    return pd.DataFrame(rows)


def olivetti_accuracy_spread(runs: Sequence[Mapping[str, float]], *, split_seeds: Sequence[int],
                             model_seeds: Sequence[int], figure_size: Size) -> Result:
    """Exercise 11's comparison with error bars: the accuracies of every (split, model seed)
    cell (`runs` the accuracy runs of `split_seeds`, the exercises' split first), the paired
    differences between feature sets, and where their spread comes from."""
    cells = accuracy_cells(dict(zip(split_seeds, runs, strict=True)), model_seeds)
    table = spread_table(cells)
    metrics: dict[str, float | int] = {"cells": len(cells), "splits": len(runs)}
    for row in table.itertuples():
        metrics |= {f"{row.quantity}_mean": float(row.mean), f"{row.quantity}_std": float(
            row.std), f"{row.quantity}_std_over_splits": float(row.std_over_splits)}
        if row.quantity in DIFFERENCES:
            metrics[f"{row.quantity}_share_above_zero"] = row.share_above_zero
    exercise = cells.iloc[0]  # the exercises' split and seed come first
    return Result(metrics, tables={"table": table, "cells": cells},
                  figures={"figure": plots.plot_accuracy_spread(
                      cells, FEATURE_SETS, tuple(DIFFERENCES), exercise, figure_size)})


def olivetti_anomalies(faces: Faces, *, n_components: int, random_state: int,
                       alterations: Mapping[str, Any], figure_size: Size) -> Result:
    """Every training and validation face altered by each transformation, scored by
    exercise 12's mixture and exercise 13's reconstruction error: the ROC AUC of telling
    altered from normal faces, over all of them and over the validation faces alone (which
    neither model saw)."""
    mixture = fit_mixture(faces.features["train"], n_components, n_init=1,
                          random_state=random_state)
    scores = scored_faces(faces, mixture, Alterations(**alterations), ("train", "valid"))
    table = detection_aucs(scores, ("train", "valid")).merge(
        detection_aucs(scores, ("valid",)), on=["transformation", "detector"],
        suffixes=("", "_validation"))
    metrics = {f"{row.detector}_{row.transformation}_auc": row.roc_auc
               for row in table.itertuples()}
    metrics |= {f"{row.detector}_{row.transformation}_validation_auc": row.roc_auc_validation
                for row in table.itertuples()}
    return Result(metrics, tables={"table": table}, figures={"figure": plots.plot_anomaly_scores(
        scores, table, DETECTORS, figure_size)})
