"""The contest of clustering algorithms on tiny sets: every registered algorithm with the
configured settings, the scores with and without noise, the standardised, capped sets."""

from __future__ import annotations

import numpy as np
import pytest

from unsupervised.clustering_algorithms.contest import (
    ALGORITHMS,
    contest_runs,
    contest_set,
    dataset_runs,
    fit_labels,
    peak_megabytes,
    scores,
)
from unsupervised.clustering_algorithms.dbscan import n_clusters
from unsupervised.data.datasets import NOISE_LABEL


def two_far_blobs(n: int = 60) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    y = np.repeat([0, 1], n // 2)
    return rng.normal(size=(n, 2)) * 0.1 + np.where(y[:, None] == 0, -3.0, 3.0), y


@pytest.mark.parametrize("algorithm", sorted(ALGORITHMS))
def test_every_algorithm_separates_two_far_blobs(algorithm: str, default_config: dict) -> None:
    """With the configured settings, each algorithm finds the two blobs and never mixes them;
    the density-based ones may call a blob's sparse fringe noise."""
    X, y = two_far_blobs(200)
    settings = default_config["clustering_contest"]["settings"][algorithm]
    labels = fit_labels(algorithm, X, k=2, seed=0, settings=settings)
    clustered = labels != NOISE_LABEL
    assert set(labels[clustered]) == {0, 1}
    assert all(len(set(y[labels == cluster])) == 1 for cluster in (0, 1))
    assert np.mean(~clustered) < 0.3


def test_the_config_sets_every_algorithm_and_nothing_else(default_config: dict) -> None:
    contest = default_config["clustering_contest"]
    assert set(contest["settings"]) == set(ALGORITHMS) == set(contest["algorithms"])


def test_noise_is_one_more_class_and_stays_out_of_the_silhouette() -> None:
    X = np.array([[0.0], [0.1], [5.0], [5.1], [20.0]])
    y = np.array([0, 0, 1, 1, NOISE_LABEL])
    assert n_clusters(y) == 2
    perfect = scores(X, y, y)
    assert perfect["ari"] == 1.0 and perfect["clusters"] == 2 and perfect["noise_share"] == 0.2
    assert perfect["silhouette"] > 0.9  # the far noise instance would pull it down
    one_cluster = scores(X, y, np.array([0, 0, 0, 0, NOISE_LABEL]))
    assert one_cluster["silhouette"] is None and one_cluster["ari"] < 1


def test_contest_sets_are_standardised_and_capped_reproducibly() -> None:
    spec = {"n_samples": 300, "noise": 0.05, "random_state": 3}
    X, y = contest_set("moons", spec, max_instances=100)
    assert X.shape == (100, 2) and len(y) == 100
    assert np.allclose(X.mean(axis=0), 0) and np.allclose(X.std(axis=0), 1)
    assert np.array_equal(contest_set("moons", spec, max_instances=100)[0], X)
    assert contest_set("moons", spec, max_instances=1000)[0].shape == (300, 2)


def test_runs_cover_every_draw_and_keep_the_chapter_s_labels() -> None:
    specs = {seed: {"n_samples": 80, "noise": 0.05, "random_state": seed} for seed in (42, 0)}
    result = contest_runs(
        "kmeans", "moons", specs, {"n_init": 1}, max_instances=100, chapter_seed=42
    )
    assert [run["seed"] for run in result["runs"]] == [42, 0]
    assert len(result["labels"]) == 80 and result["peak_mb"] > 0
    assert all(run["clusters"] == 2 and run["fit_seconds"] > 0 for run in result["runs"])


def test_a_set_s_job_runs_each_algorithm_with_its_own_settings() -> None:
    specs = {7: {"n_samples": 60, "noise": 0.05, "random_state": 7}}
    settings = {"kmeans": {"n_init": 1}, "dbscan": {"min_samples": 5}}
    runs = dataset_runs("moons", specs, settings, max_instances=100, chapter_seed=7)
    assert list(runs) == ["kmeans", "dbscan"]
    for algorithm, result in runs.items():
        alone = contest_runs(algorithm, "moons", specs, settings[algorithm], 100, 7)
        assert result["labels"] == alone["labels"] and result["dataset"] == "moons"
    assert runs["kmeans"]["labels"] != runs["dbscan"]["labels"]


def test_peak_memory_sees_a_numpy_allocation() -> None:
    assert 7.5 < peak_megabytes(lambda: np.ones(1_000_000)) < 9
