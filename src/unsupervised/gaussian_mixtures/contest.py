"""The contest of anomaly detectors: every detector on one problem over seeds (a job), then a
table, a figure and metrics over every (detector, problem). Each seed draws the problem again
(which instances, which anomalies) and seeds the detectors; within a seed every detector
sees the same instances."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.decomposition import PCA

from unsupervised.core.lazy import lazy_import
from unsupervised.core.results import Result
from unsupervised.core.settings import SettingError
from unsupervised.gaussian_mixtures.detectors import (
    Problem,
    one_class,
    timed_detection,
    with_outliers,
)

plots = lazy_import("unsupervised.gaussian_mixtures.plots")

PROBLEMS = ("ellipsoids", "mnist")
SCORES = ("roc_auc", "average_precision", "precision", "recall", "seconds")


def draw_problem(
    name: str, X: np.ndarray, y: np.ndarray, spec: Mapping[str, Any], rng: np.random.Generator
) -> Problem:
    """The ellipsoids with injected outliers, or MNIST's one digit with other digits."""
    if name == "ellipsoids":
        return with_outliers(X, share=spec["anomaly_share"], spread=spec["outlier_spread"], rng=rng)
    if name == "mnist":
        problem = one_class(
            X,
            y,
            normal_class=spec["normal_digit"],
            n_normal=spec["n_normal"],
            share=spec["anomaly_share"],
            rng=rng,
        )
        return Problem(problem.X / 255.0, problem.is_anomaly)
    raise ValueError(f"unknown problem {name!r}: expected one of {PROBLEMS}")


def detector_view(
    problem: Problem, detector: str, pca_components: int | None, random_state: int
) -> Problem:
    """What a detector sees: the instances projected on their first `pca_components`
    principal components, or as they are when no projection is set and for PCA
    reconstruction, whose own PCA is the detector."""
    if pca_components is None or detector == "pca_reconstruction":
        return problem
    pca = PCA(pca_components, random_state=random_state)
    return Problem(pca.fit_transform(problem.X), problem.is_anomaly)


def detector_runs(
    X: np.ndarray,
    y: np.ndarray,
    *,
    problem: str,
    detector: str,
    spec: Mapping[str, Any],
    settings: Mapping[str, Any],
    seeds: Sequence[int],
    percentile: float,
) -> list[dict[str, Any]]:
    """One detector on one problem, for every seed: scores, time (the projection included,
    as PCA reconstruction's time includes its PCA) and ROC curve."""
    runs = []
    for seed in seeds:
        drawn = draw_problem(problem, X, y, spec, np.random.default_rng(seed))
        start = time.perf_counter()
        view = detector_view(drawn, detector, spec.get("pca_components"), seed)
        projection_seconds = time.perf_counter() - start
        run = timed_detection(detector, view, settings, random_state=seed, percentile=percentile)
        runs.append(
            {
                "problem": problem,
                "detector": detector,
                "seed": seed,
                **run,
                "seconds": run["seconds"] + projection_seconds,
            }
        )
    return runs


def problem_runs(
    X: np.ndarray,
    y: np.ndarray,
    *,
    problem: str,
    detectors: Mapping[str, Mapping[str, Any]],
    spec: Mapping[str, Any],
    seeds: Sequence[int],
    percentile: float,
) -> dict[str, list[dict[str, Any]]]:
    """Every detector of `detectors` (detector -> its settings) on one problem, as
    detector_runs runs one, by detector. A detector's own setting that is wrong is named
    after the detector ("gaussian_mixture.n_components"), the problem's as it is."""
    runs = {}
    for detector, settings in detectors.items():
        try:
            runs[detector] = detector_runs(
                X,
                y,
                problem=problem,
                detector=detector,
                spec=spec,
                settings=settings,
                seeds=seeds,
                percentile=percentile,
            )
        except SettingError as error:
            if error.setting not in settings:
                raise
            raise error.renamed(f"{detector}.{error.setting}") from error
    return runs


def contest_table(runs: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Per (problem, detector): the median of each score over seeds, and the range of the
    ROC AUC; detectors by decreasing median ROC AUC within each problem."""
    scores = pd.DataFrame(
        [{key: run[key] for key in ("problem", "detector", "seed", *SCORES)} for run in runs]
    )
    grouped = scores.groupby(["problem", "detector"], sort=False)
    table = grouped[list(SCORES)].median()
    table.insert(1, "roc_auc_min", grouped["roc_auc"].min())
    table.insert(2, "roc_auc_max", grouped["roc_auc"].max())
    table["seeds"] = grouped["seed"].count()
    return (
        table.reset_index()
        .sort_values(["problem", "roc_auc"], ascending=[True, False], kind="stable")
        .reset_index(drop=True)
    )


def anomaly_detectors(
    runs: Sequence[Mapping[str, Any]],
    *,
    titles: Mapping[str, str],
    percentile: float,
    figure_size: Sequence[float],
) -> Result:
    """The contest's table, its figure and one metric per (problem, detector, score): the
    median over seeds."""
    table = contest_table(runs)
    metrics = {
        f"{row.problem}_{row.detector}_{score}": getattr(row, score)
        for row in table.itertuples()
        for score in SCORES
    }
    return Result(
        metrics,
        tables={"table": table},
        figures={
            "figure": lambda: plots.plot_detector_contest(
                runs, table, titles, percentile, figure_size
            )
        },
    )
