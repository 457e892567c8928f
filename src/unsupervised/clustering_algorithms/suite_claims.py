"""The chapter's claims about where each algorithm works and fails, on the benchmark suite:
each dataset described by what the claims speak of (clusters of different sizes, spreads and
shapes), measured on its reference partition, and, per seed of the benchmark, the statistics
the claims read (clustering_algorithms.claims)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import spearmanr
from sklearn.neighbors import NearestNeighbors

from unsupervised.clustering_algorithms.benchmark import (
    RANDOMLY_STARTED,
    REFERENCE_NOISE,
    against,
    differences,
    preprocess_as_published,
    score_table,
)
from unsupervised.clustering_algorithms.claims import (
    DESCRIBED,
    OFF_CENTRE,
    SUITE_COMPARISONS,
    SUITE_CORRELATIONS,
    VARIED_SPREAD,
)
from unsupervised.data.clustbench import SuiteDataset

NEIGHBOURS = 5  # DBSCAN's default min_samples
REG_COVAR = 1e-6  # added to each covariance's diagonal, as scikit-learn's mixtures do


def reference_properties(X: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    """What the chapter's claims speak of, measured on the reference partition `labels` of `X`
    (its noise points left out):
    - size_ratio: the largest cluster's size over the smallest's;
    - spread_ratio: the largest cluster's radius (root mean squared distance to its centre)
      over the smallest's;
    - off_centre: the share of points nearer another cluster's centre than their own (0 when
      K-Means's cells, at the reference's centres, describe the partition);
    - gaussian_fit: the share of points most likely under their own cluster's Gaussian (its
      mean, covariance and share of the points);
    - neighbour_fit: the share of each point's NEIGHBOURS nearest neighbours in its own cluster,
      averaged (1 when the clusters are separated wherever they touch)."""
    kept = labels != REFERENCE_NOISE
    X, labels = np.asarray(X[kept], dtype=np.float64), labels[kept]
    _, own = np.unique(labels, return_inverse=True)
    members = [X[own == cluster] for cluster in range(own.max() + 1)]
    sizes = np.array([len(points) for points in members])
    centres = np.array([points.mean(axis=0) for points in members])
    radii = np.array(
        [
            np.sqrt(((points - centre) ** 2).sum(axis=1).mean())
            for points, centre in zip(members, centres, strict=True)
        ]
    )
    squared = ((X[:, None, :] - centres[None]) ** 2).sum(axis=2)
    log_likelihood = np.column_stack(
        [
            _gaussian_log_likelihood(X, points, share)
            for points, share in zip(members, sizes / len(X), strict=True)
        ]
    )
    neighbours = (
        NearestNeighbors(n_neighbors=NEIGHBOURS + 1)
        .fit(X)
        .kneighbors(X, return_distance=False)[:, 1:]
    )
    return {
        "size_ratio": float(sizes.max() / sizes.min()),
        "spread_ratio": float(radii.max() / radii.min()),
        "off_centre": float(np.mean(squared.argmin(axis=1) != own)),
        "gaussian_fit": float(np.mean(log_likelihood.argmax(axis=1) == own)),
        "neighbour_fit": float(np.mean(own[neighbours] == own[:, None])),
    }


def _gaussian_log_likelihood(X: np.ndarray, points: np.ndarray, share: float) -> np.ndarray:
    """log(share) + the log density of each row of X under the Gaussian fitted to `points`,
    up to the constant every cluster shares."""
    covariance = np.atleast_2d(np.cov(points, rowvar=False, bias=True))
    covariance += REG_COVAR * np.eye(X.shape[1])
    _, log_det = np.linalg.slogdet(covariance)
    centred = X - points.mean(axis=0)
    mahalanobis = np.einsum("ij,ij->i", centred, np.linalg.solve(covariance, centred.T).T)
    return np.log(share) - 0.5 * (log_det + mahalanobis)


def property_table(datasets: Sequence[SuiteDataset], preprocess_seed: int) -> pd.DataFrame:
    """Each dataset's reference properties (on its data preprocessed as the algorithms saw it)
    and the groups of claims.GROUP_WORDS it belongs to."""
    rows = [
        {
            "battery": dataset.battery,
            "dataset": dataset.name,
            **reference_properties(
                preprocess_as_published(dataset.X, preprocess_seed), dataset.labels
            ),
        }
        for dataset in datasets
    ]
    table = pd.DataFrame(rows)
    not_centroidal = table["off_centre"] >= OFF_CENTRE
    return table.assign(
        ellipsoidal=not_centroidal & (table["gaussian_fit"] >= DESCRIBED),
        shaped=not_centroidal & (table["neighbour_fit"] >= DESCRIBED),
        varied_spread=table["spread_ratio"] >= VARIED_SPREAD,
    )


def runs_of_seed(runs: Sequence[Mapping[str, Any]], seed: int) -> list[Mapping[str, Any]]:
    """The benchmark as run with `seed`: the randomly started algorithms' runs with it, the
    others' only runs, and the skipped pairs."""
    return [
        run
        for run in runs
        if run["status"] != "fitted"
        or run["algorithm"] not in RANDOMLY_STARTED
        or run["seed"] == seed
    ]


def claim_statistics(scores: pd.DataFrame, properties: pd.DataFrame) -> dict[str, float]:
    """What the claims read, from one seed's score table (score_table) and property_table:
    for each of SUITE_CORRELATIONS, Spearman's rho between the property and the algorithm's
    normalised clustering accuracy over the datasets it ran on, and the one-sided p-value of
    rho < 0; for each of SUITE_COMPARISONS, on the datasets of its group, the algorithm's wins and
    losses against the baseline, the sign test's p-value, and the mean difference of the
    accuracy."""
    keys = ["battery", "dataset"]
    fitted = scores[scores["status"] == "fitted"].merge(properties, on=keys)
    statistics: dict[str, float] = {}
    for name, (algorithm, quantity) in SUITE_CORRELATIONS.items():
        own = fitted[fitted["algorithm"] == algorithm]
        result = spearmanr(own[quantity], own["nca"], alternative="less")
        statistics |= {f"{name}_rho": float(result.statistic), f"{name}_p": float(result.pvalue)}
    for name, (algorithm, baseline, group) in SUITE_COMPARISONS.items():
        chosen = properties.loc[properties[group], keys]
        in_group = scores.merge(chosen, on=keys)
        test = against(in_group, algorithm, baseline)
        statistics |= {
            f"{name}_wins": test["wins"],
            f"{name}_losses": test["losses"],
            f"{name}_p": test["sign_test_p"],
            f"{name}_mean_difference": float(differences(in_group, algorithm, baseline).mean()),
        }
    return statistics


def statistics_by_seed(
    runs: Sequence[Mapping[str, Any]], properties: pd.DataFrame, seeds: Sequence[int]
) -> pd.DataFrame:
    """claim_statistics for each seed of the benchmark: a row per seed."""
    return pd.DataFrame(
        [
            {"seed": seed, **claim_statistics(score_table(runs_of_seed(runs, seed)), properties)}
            for seed in seeds
        ]
    )
