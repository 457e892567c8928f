"""The chapter's claims on the benchmark suite: the properties of a reference partition on
sets built to have them, and the statistics the claims read, on made-up scores."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import make_moons

from unsupervised.clustering_algorithms.claims import SUITE_COMPARISONS, check_suite_algorithms
from unsupervised.clustering_algorithms.suite_claims import (
    claim_statistics,
    property_table,
    reference_properties,
    runs_of_seed,
)
from unsupervised.core.config_checks import ConfigError
from unsupervised.data.clustbench import SuiteDataset


def blob(
    rng: np.random.Generator, n: int, centre: tuple[float, float], spread: float
) -> np.ndarray:
    return rng.normal(centre, spread, size=(n, 2))


def test_sizes_and_spreads_of_separated_round_clusters() -> None:
    rng = np.random.default_rng(0)
    X = np.r_[blob(rng, 30, (0, 0), 1.0), blob(rng, 90, (20, 0), 3.0), [[10.0, 0.0]]]
    labels = np.r_[np.full(30, 1), np.full(90, 2), 0]  # the last point is noise, left out
    properties = reference_properties(X, labels)
    assert properties["size_ratio"] == 3.0
    assert properties["spread_ratio"] == pytest.approx(3.0, rel=0.2)
    assert properties["off_centre"] == 0.0
    assert properties["gaussian_fit"] == properties["neighbour_fit"] == 1.0


def test_the_moons_are_shaped_and_a_broad_cluster_beside_a_tight_one_ellipsoidal() -> None:
    X, y = make_moons(400, noise=0.05, random_state=0)
    moons = reference_properties(X, y + 1)
    assert moons["off_centre"] >= 0.1 and moons["neighbour_fit"] >= 0.95
    rng = np.random.default_rng(1)
    broad_and_tight = np.r_[blob(rng, 300, (0, 0), 3.0), blob(rng, 60, (4, 0), 0.3)]
    labels = np.r_[np.full(300, 1), np.full(60, 2)]
    datasets = [
        SuiteDataset("toy", "moons", X, y + 1, {}, ""),
        SuiteDataset("toy", "broad_and_tight", broad_and_tight, labels, {}, ""),
    ]
    table = property_table(datasets, preprocess_seed=0).set_index("dataset")
    # K-Means's cells cut the broad cluster at half way to the tight one's centre
    assert table.loc["broad_and_tight", "off_centre"] > 0.15
    assert table.loc["broad_and_tight", ["ellipsoidal", "varied_spread"]].all()
    assert table.loc["moons", "shaped"] and not table.loc["moons", "varied_spread"]


def test_a_seed_keeps_its_runs_of_randomly_started_algorithms_and_the_others_only_runs() -> None:
    runs = [
        {"algorithm": "kmeans", "status": "fitted", "seed": 0},
        {"algorithm": "kmeans", "status": "fitted", "seed": 1},
        {"algorithm": "dbscan", "status": "fitted", "seed": 0},
        {"algorithm": "spectral", "status": "skipped"},
    ]
    assert runs_of_seed(runs, 1) == runs[1:]


def made_up_scores(properties: pd.DataFrame, nca: dict[str, list[float]]) -> pd.DataFrame:
    """A score table (as benchmark.score_table) of each algorithm's accuracy per dataset."""
    return pd.DataFrame(
        [
            {
                "battery": "toy",
                "dataset": dataset,
                "algorithm": algorithm,
                "status": "fitted",
                "nca": scores[i],
            }
            for algorithm, scores in nca.items()
            for i, dataset in enumerate(properties["dataset"])
        ]
    )


def test_the_statistics_follow_the_accuracies_over_the_properties() -> None:
    properties = pd.DataFrame(
        {
            "battery": "toy",
            "dataset": [f"set{i}" for i in range(6)],
            "size_ratio": [1.0, 2, 3, 4, 5, 6],
            "spread_ratio": [1.0, 1, 1, 3, 3, 3],
            "off_centre": [0.0, 0.0, 0.2, 0.2, 0.3, 0.4],
            "ellipsoidal": [False, False, True, True, True, False],
            "shaped": [False, False, True, True, True, True],
            "varied_spread": [False, False, False, True, True, True],
        }
    )
    falling = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]
    scores = made_up_scores(
        properties,
        {
            "kmeans": falling,
            "gaussian_mixture": [0.9, 0.9, 0.8, 0.8, 0.4, 0.9],
            "dbscan": [0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
            "hdbscan": [0.0, 0.0, 0.0, 0.9, 0.95, 1.0],
            "spectral": falling,
        },
    )
    statistics = claim_statistics(scores, properties)
    assert statistics["kmeans_size_ratio_rho"] == pytest.approx(-1.0)
    assert statistics["kmeans_size_ratio_p"] < 0.01
    assert statistics["dbscan_spread_ratio_rho"] > 0
    assert statistics["dbscan_spread_ratio_p"] > 0.5
    # the mixture on the three ellipsoidal sets: +0.1, +0.2, -0.1 against K-Means
    assert (
        statistics["gaussian_mixture_vs_kmeans_on_ellipsoidal_wins"],
        statistics["gaussian_mixture_vs_kmeans_on_ellipsoidal_losses"],
    ) == (2, 1)
    assert statistics["gaussian_mixture_vs_kmeans_on_ellipsoidal_mean_difference"] == pytest.approx(
        0.2 / 3
    )
    assert statistics["gaussian_mixture_vs_kmeans_on_ellipsoidal_p"] == pytest.approx(1.0)
    assert statistics["spectral_vs_kmeans_on_shaped_wins"] == 0
    # HDBSCAN on the three sets of varied spread: two wins and a tie; the sets before, unread
    assert (
        statistics["hdbscan_vs_dbscan_on_varied_spread_wins"],
        statistics["hdbscan_vs_dbscan_on_varied_spread_losses"],
    ) == (2, 0)
    assert set(statistics) >= {f"{name}_p" for name in SUITE_COMPARISONS}


def test_the_claims_algorithms_must_run_on_the_suite() -> None:
    check_suite_algorithms(["kmeans", "gaussian_mixture", "dbscan", "hdbscan", "spectral"], "x")
    with pytest.raises(
        ConfigError,
        match="clustering_benchmark.algorithms: the chapter's "
        "claims on the benchmark suite read dbscan, spectral",
    ):
        check_suite_algorithms(
            ["kmeans", "gaussian_mixture", "hdbscan", "genie"], "clustering_benchmark.algorithms"
        )
