"""The contest's algorithms, and Genie, on the clustering benchmark suite, by its protocol: each
dataset preprocessed as the suite's published results were, the algorithms that take a number
of clusters given the reference partition's, a partition scored on the reference partition's
non-noise points by the adjusted Rand index and the normalised clustering accuracy."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from scipy.stats import binomtest
from sklearn.metrics import adjusted_rand_score

from unsupervised.clustering_algorithms.contest import ALGORITHMS, Builder
from unsupervised.clustering_algorithms.scaling import peak_rss_mb, skip_reason
from unsupervised.core.lazy import lazy_import
from unsupervised.data.clustbench import SuiteDataset
from unsupervised.data.datasets import NOISE_LABEL

REFERENCE_NOISE = 0  # labels0: 0 is noise, clusters are 1..k
AGREE = 0.999  # two partitions whose adjusted Rand index reaches it are the same but for a point


def preprocess_as_published(X: np.ndarray, seed: int) -> np.ndarray:
    """As the suite's published results were computed: columns of zero variance dropped, white
    noise of standard deviation 1e-6 times that of all entries added (breaking ties), columns
    centred, everything divided by the standard deviation of all entries, as float32."""
    X = np.asarray(X, dtype=np.float64)
    X = X[:, X.std(axis=0) > 0]
    X = X + np.random.default_rng(seed).normal(scale=1e-6 * X.std(), size=X.shape)
    X = X - X.mean(axis=0)
    return (X / X.std()).astype(np.float32)


def normalized_clustering_accuracy(reference: np.ndarray, predicted: np.ndarray) -> float:
    """Gagolewski's normalised clustering accuracy (J. Classification 42, 2025): the share of
    each reference cluster found in the predicted cluster matched to it, averaged over the k
    reference clusters and rescaled so that 1/k (what a uniform assignment gets) is 0 and a
    perfect partition 1. The matching pairs each reference cluster with its own predicted
    cluster so as to maximise the score; when fewer clusters are predicted, some match none,
    and points predicted as noise (NOISE_LABEL) match nothing."""
    reference_ids, rows = np.unique(reference, return_inverse=True)
    clustered = predicted != NOISE_LABEL
    predicted_ids, columns = np.unique(predicted[clustered], return_inverse=True)
    k = len(reference_ids)
    if k < 2:
        raise ValueError(f"the accuracy needs two reference clusters or more, got {k}")
    counts = np.zeros((k, max(k, len(predicted_ids))))
    np.add.at(counts, (rows[clustered], columns), 1)
    shares = counts / np.bincount(rows, minlength=k)[:, None]
    matched_rows, matched_columns = linear_sum_assignment(shares, maximize=True)
    accuracy = shares[matched_rows, matched_columns].sum() / k
    return float((accuracy - 1 / k) / (1 - 1 / k))


def suite_scores(reference: np.ndarray, predicted: np.ndarray) -> dict[str, float | int]:
    """A partition against the reference on the reference's non-noise points: adjusted Rand
    index (predicted noise one more cluster), normalised clustering accuracy, clusters found."""
    kept = reference != REFERENCE_NOISE
    reference, predicted = reference[kept], predicted[kept]
    return {
        "ari": float(adjusted_rand_score(reference, predicted)),
        "nca": normalized_clustering_accuracy(reference, predicted),
        "clusters": int(len(np.unique(predicted[predicted != NOISE_LABEL]))),
    }


# genieclust (and the matplotlib its dependency deadwood imports) costs a job that runs no
# Genie, and every rule of the section importing the experiments, most of a second.
genieclust = lazy_import("genieclust")
# The contest's algorithms and the suite's strongest method, Genie (a Gini-index-corrected
# single linkage, genieclust).
BENCHMARK_ALGORITHMS: dict[str, Builder] = {
    **ALGORITHMS,
    "genie": lambda X, k, seed, **settings: genieclust.Genie(n_clusters=k, **settings),
}
# Those whose result depends on their random state: run with every seed, the others once
# (Mean-Shift's bandwidth is estimated from every point, which leaves its random state unused).
RANDOMLY_STARTED = frozenset(
    {"kmeans", "bisecting_kmeans", "gaussian_mixture", "affinity_propagation", "spectral"}
)


def reset_peak_rss() -> None:
    """Start this process's resident memory high-water mark (peak_rss_mb) afresh, so that it
    measures the next fit only (Linux 4.0 and later; elsewhere it keeps counting)."""
    clear_refs = Path("/proc/self/clear_refs")
    if clear_refs.exists():
        clear_refs.write_text("5")


def benchmark_runs(
    algorithm: str,
    datasets: Sequence[SuiteDataset],
    *,
    settings: Mapping[str, Any],
    seeds: Sequence[int],
    preprocess_seed: int,
    memory_limit_mb: float,
    max_size: int | None,
    keep_labels: bool,
    tie_check_seeds: Sequence[int],
) -> list[dict[str, Any]]:
    """`algorithm` on each dataset (every seed if it is randomly started, else the first):
    its scores, the clusters it found, its fit time and the job's peak resident memory during
    the fit; a dataset it may not run on gets one row with the reason. With `keep_labels`, the
    first seed's row also holds its partition and, as "other_labels", others of ours that
    differ only in what another run of the same method may differ in: the other seeds', or
    with one fit (a deterministic algorithm), the fits on data whose tie-breaking noise was
    drawn with each of `tie_check_seeds`."""
    rows = []
    for dataset in datasets:
        X = preprocess_as_published(dataset.X, preprocess_seed)
        record = {
            "battery": dataset.battery,
            "dataset": dataset.name,
            "algorithm": algorithm,
            "n": len(X),
            "d": X.shape[1],
            "k": dataset.k,
        }
        reason = skip_reason(
            algorithm, len(X), memory_limit_mb, max_size, "clustering_benchmark.max_size"
        )
        if reason is not None:
            rows.append({**record, "status": "skipped", "reason": reason})
            continue
        fits, partitions = [], []
        for seed in seeds if algorithm in RANDOMLY_STARTED else seeds[:1]:
            reset_peak_rss()
            start = time.perf_counter()
            labels = BENCHMARK_ALGORITHMS[algorithm](X, dataset.k, seed, **settings).fit_predict(X)
            seconds = time.perf_counter() - start
            partitions.append(labels)
            fits.append(
                {
                    **record,
                    "status": "fitted",
                    "seed": seed,
                    **suite_scores(dataset.labels, labels),
                    "fit_seconds": seconds,
                    "peak_rss_mb": peak_rss_mb(),
                }
            )
        if keep_labels:
            if len(partitions) == 1:
                for tie_seed in tie_check_seeds:
                    retied = preprocess_as_published(dataset.X, tie_seed)
                    partitions.append(
                        BENCHMARK_ALGORITHMS[algorithm](
                            retied, dataset.k, seeds[0], **settings
                        ).fit_predict(retied)
                    )
            fits[0] |= {
                "labels": partitions[0].tolist(),
                "other_labels": [labels.tolist() for labels in partitions[1:]],
            }
        rows += fits
    return rows


def score_table(runs: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """One row per (battery, dataset, algorithm): mean and standard deviation of each score
    over the seeds, the clusters found (median), mean fit time and the largest peak memory;
    a skipped pair keeps its reason."""
    frame = pd.DataFrame(
        [
            {key: value for key, value in run.items() if key not in ("labels", "other_labels")}
            for run in runs
        ]
    )
    if "reason" not in frame:
        frame["reason"] = None
    keys = ["battery", "dataset", "algorithm", "status", "n", "d", "k"]
    table = (
        frame.groupby(keys, sort=False, dropna=False)
        .agg(
            seeds=("seed", "count"),
            nca=("nca", "mean"),
            nca_std=("nca", "std"),
            ari=("ari", "mean"),
            ari_std=("ari", "std"),
            clusters=("clusters", "median"),
            fit_seconds=("fit_seconds", "mean"),
            peak_rss_mb=("peak_rss_mb", "max"),
            reason=("reason", "first"),
        )
        .reset_index()
    )
    return table


def ranks(scores: pd.DataFrame, score: str = "nca") -> pd.Series:
    """Each fitted (dataset, algorithm)'s rank among the algorithms fitted on that dataset by
    `score` (1 the best, ties sharing their mean rank)."""
    fitted = scores[scores["status"] == "fitted"]
    return fitted.groupby(["battery", "dataset"])[score].rank(ascending=False, method="average")


def differences(
    scores: pd.DataFrame, algorithm: str, baseline: str, score: str = "nca"
) -> pd.Series:
    """`algorithm`'s `score` minus `baseline`'s on each dataset both were fitted on."""
    fitted = scores[scores["status"] == "fitted"].pivot_table(
        index=["battery", "dataset"], columns="algorithm", values=score
    )
    both = fitted[[algorithm, baseline]].dropna()
    return both[algorithm] - both[baseline]


def against(
    scores: pd.DataFrame, algorithm: str, baseline: str, score: str = "nca"
) -> dict[str, float]:
    """How often `algorithm` beats `baseline` on the datasets both were fitted on (by more than
    1e-9 of `score`), how often it loses, and the two-sided sign test's p-value over the
    datasets where they differ."""
    difference = differences(scores, algorithm, baseline, score)
    wins, losses = int((difference > 1e-9).sum()), int((difference < -1e-9).sum())
    p_value = binomtest(wins, wins + losses).pvalue if wins + losses else 1.0
    return {
        "wins": wins,
        "losses": losses,
        "ties": len(difference) - wins - losses,
        "sign_test_p": float(p_value),
    }


def summary_table(scores: pd.DataFrame, baseline: str = "kmeans") -> pd.DataFrame:
    """Per battery and over all ("all"), per algorithm: datasets fitted and skipped, mean and
    median of each score, mean rank, and wins and losses against `baseline` with the sign
    test's p-value."""
    scores = scores.assign(rank=ranks(scores))
    compared = baseline in set(scores["algorithm"])
    rows = []
    groups = [("all", scores), *scores.groupby("battery", sort=False)]
    for battery, group in groups:
        for algorithm, own in group.groupby("algorithm", sort=False):
            fitted = own[own["status"] == "fitted"]
            rows.append(
                {
                    "battery": battery,
                    "algorithm": algorithm,
                    "fitted": len(fitted),
                    "skipped": len(own) - len(fitted),
                    "mean_nca": fitted["nca"].mean(),
                    "median_nca": fitted["nca"].median(),
                    "mean_ari": fitted["ari"].mean(),
                    "median_ari": fitted["ari"].median(),
                    "mean_rank": fitted["rank"].mean(),
                    **(
                        against(group, algorithm, baseline)
                        if compared and algorithm != baseline
                        else {}
                    ),
                }
            )
    return pd.DataFrame(rows)


def published_table(
    runs: Sequence[Mapping[str, Any]],
    datasets: Sequence[SuiteDataset],
    published: Mapping[str, str],
) -> pd.DataFrame:
    """For each algorithm of `published` (ours -> the suite's <method>/<variant> of the same
    method) on each dataset: our first seed's scores, those of the published partition, the
    adjusted Rand index between the two partitions, and the least between ours and another of
    ours that differs only in the random state or the tie-breaking noise (benchmark_runs):
    where ours disagree as much, that explains a difference from theirs."""
    by_key = {dataset.key: dataset for dataset in datasets}
    rows = []
    for run in runs:
        if run["algorithm"] not in published or "labels" not in run:
            continue
        dataset = by_key[f"{run['battery']}/{run['dataset']}"]
        method, variant = published[run["algorithm"]].split("/")
        theirs = dataset.published[method][variant]
        ours = np.asarray(run["labels"])
        theirs_scores = suite_scores(dataset.labels, theirs)
        rows.append(
            {
                "battery": dataset.battery,
                "dataset": dataset.name,
                "algorithm": run["algorithm"],
                "published": published[run["algorithm"]],
                "nca": run["nca"],
                "published_nca": theirs_scores["nca"],
                "ari": run["ari"],
                "published_ari": theirs_scores["ari"],
                "agreement_ari": float(adjusted_rand_score(theirs, ours)),
                "ours_agreement_ari": min(
                    float(adjusted_rand_score(other, ours)) for other in run["other_labels"]
                ),
            }
        )
    return pd.DataFrame(rows)
