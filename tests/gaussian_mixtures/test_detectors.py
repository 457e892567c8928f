"""Anomaly detectors and their contest on tiny problems whose anomalies are known."""

from __future__ import annotations

import numpy as np
import pytest

from unsupervised.core.settings import SettingError
from unsupervised.gaussian_mixtures.contest import (
    anomaly_detectors,
    contest_table,
    detector_runs,
    problem_runs,
)
from unsupervised.gaussian_mixtures.detectors import (
    DETECTORS,
    Problem,
    anomaly_scores,
    detection_scores,
    flagged,
    n_anomalies,
    one_class,
    with_outliers,
)

SETTINGS = {
    "gaussian_mixture": {"n_components": 1, "covariance_type": "full", "n_init": 1},
    "pca_reconstruction": {"n_components": 1},
    "elliptic_envelope": {"support_fraction": None},
    "isolation_forest": {"n_estimators": 50},
    "local_outlier_factor": {"n_neighbors": 10},
    "one_class_svm": {"nu": 0.05, "gamma": "scale"},
}


def separable_problem(seed: int = 0) -> Problem:
    """A tight Gaussian cloud stretched along a line, and far points off that line."""
    rng = np.random.default_rng(seed)
    normal = rng.normal(size=(300, 1)) * [[1.0, 1.0]] + rng.normal(scale=0.05, size=(300, 2))
    far = np.array([[-6.0, 6.0], [6.0, -6.0], [-5.0, 7.0], [7.0, -5.0], [-7.0, 5.0]])
    return Problem(np.vstack([normal, far]), np.r_[np.zeros(300, bool), np.ones(5, bool)])


@pytest.mark.parametrize("detector", sorted(DETECTORS))
def test_every_detector_ranks_separable_anomalies_first(detector: str) -> None:
    problem = separable_problem()
    scores = anomaly_scores(detector, problem.X, SETTINGS[detector], random_state=0)
    result = detection_scores(problem.is_anomaly, scores, percentile=4)
    assert result["roc_auc"] == 1.0 and result["average_precision"] == 1.0
    # the 4% most anomalous of 305 instances (13 of them) hold the 5 anomalies
    assert flagged(scores, 4).sum() == 13
    assert result["recall"] == 1.0 and result["precision"] == 5 / 13


def test_unknown_detector_is_named() -> None:
    with pytest.raises(SettingError, match="detector=kmeans: is not one of"):
        anomaly_scores("kmeans", separable_problem().X, {}, random_state=0)


def test_percentile_threshold_flags_that_share() -> None:
    scores = np.random.default_rng(1).normal(size=10_000)
    assert flagged(scores, 4).sum() == 400
    with pytest.raises(SettingError, match="percentile=100"):
        flagged(scores, 100)


def test_outliers_make_up_the_share_and_reach_beyond_the_data() -> None:
    X = np.random.default_rng(2).uniform(0, 1, size=(980, 2))
    problem = with_outliers(X, share=0.02, spread=0.5, rng=np.random.default_rng(3))
    assert problem.is_anomaly.sum() == 20 and len(problem.X) == 1000
    outliers = problem.X[problem.is_anomaly]
    assert outliers.min() >= -0.5 and outliers.max() <= 1.5
    assert (np.abs(outliers - 0.5) > 0.5).any(axis=1).sum() > 5


def test_one_class_takes_the_normal_class_and_a_share_of_the_others() -> None:
    X = np.arange(200, dtype=float).reshape(100, 2)
    y = np.repeat(np.arange(5), 20)
    problem = one_class(X, y, normal_class=2, n_normal=19, share=0.05, rng=np.random.default_rng(0))
    rows = (problem.X[:, 0] / 2).astype(int)
    assert (y[rows][~problem.is_anomaly] == 2).all() and (~problem.is_anomaly).sum() == 19
    assert (y[rows][problem.is_anomaly] != 2).all() and problem.is_anomaly.sum() == 1
    with pytest.raises(SettingError, match="n_normal=21"):
        one_class(X, y, normal_class=2, n_normal=21, share=0.05, rng=np.random.default_rng(0))


def test_a_share_that_gives_no_anomaly_is_named() -> None:
    assert n_anomalies(980, 0.02) == 20
    with pytest.raises(SettingError, match="anomaly_share=0.001: gives no anomaly among 100"):
        n_anomalies(100, 0.001)


def test_mixture_with_more_components_than_instances_is_named() -> None:
    with pytest.raises(SettingError, match="n_components=400: a mixture needs between 1 and"):
        anomaly_scores(
            "gaussian_mixture",
            separable_problem().X,
            {**SETTINGS["gaussian_mixture"], "n_components": 400},
            random_state=0,
        )


def test_contest_gives_medians_over_seeds_and_ranks_detectors() -> None:
    X = np.random.default_rng(4).normal(size=(400, 2))
    spec = {"anomaly_share": 0.05, "outlier_spread": 1.0}
    runs = [
        run
        for detector in ("gaussian_mixture", "pca_reconstruction")
        for run in detector_runs(
            X,
            np.zeros(400),
            problem="ellipsoids",
            detector=detector,
            spec=spec,
            settings=SETTINGS[detector],
            seeds=[0, 1, 2],
            percentile=4,
        )
    ]
    table = contest_table(runs)
    assert list(table["seeds"]) == [3, 3]
    assert table["roc_auc"].is_monotonic_decreasing
    mixture = [run["roc_auc"] for run in runs if run["detector"] == "gaussian_mixture"]
    row = table.set_index("detector").loc["gaussian_mixture"]
    assert row["roc_auc"] == np.median(mixture) and row["roc_auc_min"] == min(mixture)
    result = anomaly_detectors(runs, titles={"ellipsoids": "toy"}, percentile=4, figure_size=(8, 6))
    assert result.metrics["ellipsoids_gaussian_mixture_roc_auc"] == row["roc_auc"]
    assert set(result.figures) == {"figure"} and set(result.tables) == {"table"}


def test_a_problem_s_job_runs_every_detector_as_alone() -> None:
    X = np.random.default_rng(4).normal(size=(300, 2))
    spec = {"anomaly_share": 0.05, "outlier_spread": 1.0}
    detectors = {name: SETTINGS[name] for name in ("gaussian_mixture", "isolation_forest")}
    runs = problem_runs(
        X,
        np.zeros(300),
        problem="ellipsoids",
        detectors=detectors,
        spec=spec,
        seeds=[0, 1],
        percentile=4,
    )
    assert list(runs) == list(detectors)
    for detector, settings in detectors.items():
        alone = detector_runs(
            X,
            np.zeros(300),
            problem="ellipsoids",
            detector=detector,
            spec=spec,
            settings=settings,
            seeds=[0, 1],
            percentile=4,
        )
        assert [run["roc_auc"] for run in runs[detector]] == [run["roc_auc"] for run in alone]


def test_a_detector_s_own_wrong_setting_names_the_detector_the_problem_s_does_not() -> None:
    X = np.random.default_rng(4).normal(size=(100, 2))
    detectors = {
        "isolation_forest": SETTINGS["isolation_forest"],
        "gaussian_mixture": {**SETTINGS["gaussian_mixture"], "n_components": 500},
    }
    spec = {"anomaly_share": 0.05, "outlier_spread": 1.0}
    with pytest.raises(SettingError, match=r"^gaussian_mixture\.n_components=500: a mixture"):
        problem_runs(
            X,
            np.zeros(100),
            problem="ellipsoids",
            detectors=detectors,
            spec=spec,
            seeds=[0],
            percentile=4,
        )
    with pytest.raises(SettingError, match=r"^anomaly_share=0\.001: gives no anomaly"):
        problem_runs(
            X,
            np.zeros(100),
            problem="ellipsoids",
            detectors=detectors,
            spec={**spec, "anomaly_share": 0.001},
            seeds=[0],
            percentile=4,
        )
