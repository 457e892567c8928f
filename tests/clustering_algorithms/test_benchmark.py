"""The benchmark suite's protocol on tiny sets: its accuracy, its preprocessing, the runs and
the tables that compare algorithms."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from genieclust.compare_partitions import normalized_clustering_accuracy as genieclust_nca
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score

from unsupervised.clustering_algorithms.benchmark import (
    against,
    benchmark_runs,
    normalized_clustering_accuracy,
    preprocess_as_published,
    published_table,
    suite_scores,
    summary_table,
)
from unsupervised.clustering_algorithms.scaling import peak_rss_mb
from unsupervised.data.clustbench import SuiteDataset


def test_the_accuracy_is_genieclust_s_where_both_find_k_clusters() -> None:
    rng = np.random.default_rng(0)
    for _ in range(50):
        k = int(rng.integers(2, 6))
        reference = rng.permutation(np.r_[np.arange(1, k + 1), rng.integers(1, k + 1, 30)])
        predicted = rng.permutation(np.r_[np.arange(1, k + 1), rng.integers(1, k + 1, 30)])
        assert normalized_clustering_accuracy(reference, predicted) == pytest.approx(
            genieclust_nca(reference, predicted), abs=1e-12
        )


def test_the_accuracy_counts_missing_clusters_and_predicted_noise_as_wrong() -> None:
    reference = np.array([1, 1, 2, 2, 3, 3])
    # cluster 1 found whole, 2 merged into it (wrong), 3 found: 2/3 right, rescaled
    assert normalized_clustering_accuracy(reference, np.array([5, 5, 5, 5, 7, 7])) == pytest.approx(
        (2 / 3 - 1 / 3) / (1 - 1 / 3)
    )
    assert normalized_clustering_accuracy(
        reference, np.array([1, 1, 2, 2, -1, -1])
    ) == pytest.approx(0.5)
    assert normalized_clustering_accuracy(reference, np.array([1, 1, 2, 2, 3, 4])) == pytest.approx(
        (2.5 / 3 - 1 / 3) / (1 - 1 / 3)
    )


def test_a_predicted_cluster_of_reference_noise_only_is_scored_without_it() -> None:
    reference = np.array([1, 1, 2, 2, 0, 0])
    scores = suite_scores(reference, np.array([1, 1, 2, 2, 3, 3]))
    assert scores == {"ari": 1.0, "nca": 1.0, "clusters": 2}


def test_preprocessing_drops_constant_columns_and_scales_all_entries_together() -> None:
    X = np.c_[np.arange(10.0), np.full(10, 3.0), 10 * np.arange(10.0)]
    processed = preprocess_as_published(X, seed=0)
    assert processed.dtype == np.float32 and processed.shape == (10, 2)
    assert np.allclose(processed.mean(axis=0), 0, atol=1e-6)
    assert processed.std() == pytest.approx(1, abs=1e-6)
    # one factor for every column: their ratio of spreads is kept
    assert processed[:, 1].std() / processed[:, 0].std() == pytest.approx(10, rel=1e-5)


def toy_datasets() -> list[SuiteDataset]:
    X, y = make_blobs(90, centers=3, random_state=1)
    labels = y + 1
    labels[:3] = 0
    return [SuiteDataset("toy", "blobs", X, labels, {"m": {"v": y + 1}}, "")]


def test_runs_seed_only_the_randomly_started_and_skip_what_would_not_fit() -> None:
    common = {
        "seeds": [0, 1],
        "preprocess_seed": 0,
        "tie_check_seeds": [1, 2],
        "memory_limit_mb": 2000,
        "max_size": None,
        "keep_labels": True,
    }
    np.ones((5000, 10000)).sum()  # a peak of 400 MB before the runs, which they must not count
    before = peak_rss_mb()
    kmeans = benchmark_runs("kmeans", toy_datasets(), settings={"n_init": 2}, **common)
    if Path("/proc/self/clear_refs").exists():
        assert all(run["peak_rss_mb"] < before - 300 for run in kmeans)
    genie = benchmark_runs("genie", toy_datasets(), settings={"gini_threshold": 0.3}, **common)
    assert [run["seed"] for run in kmeans] == [0, 1] and [run["seed"] for run in genie] == [0]
    assert "labels" in kmeans[0] and "labels" not in kmeans[1]
    # another partition of ours: K-Means's second seed; Genie's refit on other tie-breaking noise
    swapped = benchmark_runs(
        "kmeans", toy_datasets(), settings={"n_init": 2}, **{**common, "seeds": [1, 0]}
    )
    assert kmeans[0]["other_labels"] == [swapped[0]["labels"]]
    retied = [
        benchmark_runs(
            "genie",
            toy_datasets(),
            settings={"gini_threshold": 0.3},
            **{**common, "preprocess_seed": seed},
        )[0]["labels"]
        for seed in (1, 2)
    ]
    assert genie[0]["other_labels"] == retied
    assert all(
        run["nca"] == 1.0 and run["clusters"] == 3 and run["k"] == 3 for run in kmeans + genie
    )
    (skipped,) = benchmark_runs(
        "affinity_propagation", toy_datasets(), settings={}, **{**common, "max_size": 50}
    )
    assert skipped["status"] == "skipped" and "50 instances" in skipped["reason"]


def scores(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "battery": "b",
                "dataset": dataset,
                "algorithm": algorithm,
                "status": "fitted",
                "nca": nca,
                "ari": nca,
            }
            for dataset, algorithm, nca in rows
        ]
    )


def test_wins_losses_and_the_sign_test_against_k_means() -> None:
    table = scores(
        [
            (f"d{i}", algorithm, nca)
            for i in range(8)
            for algorithm, nca in (("kmeans", 0.5), ("genie", 0.9 if i < 7 else 0.1))
        ]
    )
    outcome = against(table, "genie", "kmeans")
    assert (outcome["wins"], outcome["losses"], outcome["ties"]) == (7, 1, 0)
    assert outcome["sign_test_p"] == pytest.approx(9 * 2 / 2**8)
    summary = summary_table(table).set_index(["battery", "algorithm"])
    assert summary.loc[("all", "genie"), "mean_rank"] == pytest.approx((7 * 1 + 2) / 8)
    assert summary.loc[("all", "genie"), "median_nca"] == pytest.approx(0.9)


def test_published_partitions_are_scored_and_compared_with_ours() -> None:
    theirs = toy_datasets()[0].published["m"]["v"]
    other = theirs.copy()
    other[:10] = 1  # ten points moved by another random state
    runs = [
        {
            "battery": "toy",
            "dataset": "blobs",
            "algorithm": "kmeans",
            "nca": 1.0,
            "ari": 1.0,
            "labels": (theirs % 3).tolist(),
            "other_labels": [theirs.tolist(), other.tolist()],
        }
    ]
    (row,) = published_table(runs, toy_datasets(), {"kmeans": "m/v"}).to_dict("records")
    assert row["published_nca"] == 1.0 and row["agreement_ari"] == 1.0
    # the least agreement of ours: with the partition ten points away
    assert row["ours_agreement_ari"] == pytest.approx(adjusted_rand_score(theirs, other))
    assert row["ours_agreement_ari"] < 0.999
