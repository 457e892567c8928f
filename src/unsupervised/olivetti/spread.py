"""Exercise 11's accuracies over splits and seeds: one cell per (split, seed of K-Means and
the forest), the paired differences between feature sets, and where their spread comes
from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from unsupervised.olivetti.clustering import FEATURE_SETS

ACCURACY = "olivetti_accuracy"  # the experiment of one split, rerun for every split seed
DIFFERENCES = {
    "distances_minus_pca": ("distances", "pca"),
    "combined_minus_pca": ("combined", "pca"),
    "combined_minus_distances": ("combined", "distances"),
}


def accuracy_cells(
    runs: Mapping[int, Mapping[str, float]], model_seeds: Sequence[int]
) -> pd.DataFrame:
    """One row per (split seed, model seed) of the accuracy runs' metrics: each feature set's
    accuracy and the paired differences."""
    cells = pd.DataFrame(
        [
            {
                "split_seed": split,
                "model_seed": seed,
                **{
                    name: metrics[f"{ACCURACY}.seed_{seed}_{name}_accuracy"]
                    for name in FEATURE_SETS
                },
            }
            for split, metrics in runs.items()
            for seed in model_seeds
        ]
    )
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
        rows.append(
            {
                "quantity": name,
                "mean": cells[name].mean(),
                "std": cells[name].std(),
                "min": cells[name].min(),
                "max": cells[name].max(),
                "share_above_zero": float((cells[name] > 0).mean()),
                "std_over_splits": by_split.mean().std(),
                "std_over_model_seeds": by_split.std().mean(),
            }
        )
    return pd.DataFrame(rows)
