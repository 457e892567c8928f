"""EM from each initialisation, and model selection on labelled features, on tiny data."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import gaussian_blobs

from unsupervised.core.settings import SettingError
from unsupervised.gaussian_mixtures.experiments import gmm_init_params, gmm_selection_mnist
from unsupervised.gaussian_mixtures.initialisation import INIT_PARAMS, init_runs, init_summary
from unsupervised.gaussian_mixtures.mixtures import grid_fit, leading_features

CENTERS = [[0, 0], [6, 0], [0, 6], [6, 6]]


def test_one_fit_per_initialisation_and_seed() -> None:
    X, _ = gaussian_blobs(CENTERS[:3], per_class=40, scale=0.7, seed=0)
    runs = init_runs(X, n_components=3, inits=INIT_PARAMS, seeds=range(4), max_iter=100)
    assert len(runs) == 16 and set(runs["init_params"]) == set(INIT_PARAMS)
    assert runs["converged"].all() and (runs["n_iter"] >= 1).all()
    metrics = init_summary(runs, tolerance=1e-3)
    # initialised from a clustering, EM finds three well-separated blobs on every seed;
    # random responsibilities start every component near the mean and EM stops early
    assert metrics["kmeans_best_share"] == 1.0 and metrics["kmeans_pp_best_share"] == 1.0
    assert metrics["random_best_share"] < 1.0
    assert metrics["random_median_log_likelihood"] < metrics["kmeans_median_log_likelihood"]


def test_init_params_effect_names_a_mixture_too_large() -> None:
    X, _ = gaussian_blobs(CENTERS[:2], per_class=5, scale=0.5, seed=0)
    with pytest.raises(SettingError, match="n_components=20"):
        gmm_init_params(
            X,
            n_components=20,
            inits=["kmeans"],
            seeds={"start": 0, "stop": 2},
            max_iter=100,
            best_tolerance=1e-3,
            figure_size=(8, 3),
        )


def test_leading_features_draw_rows_with_their_labels() -> None:
    X = np.arange(60, dtype=float).reshape(20, 3)
    y = np.arange(20)
    features, labels = leading_features(X, y, dimensions=2, n_samples=5, random_state=0)
    assert features.shape == (5, 2) and (features[:, 0] == 3 * labels).all()
    with pytest.raises(SettingError, match="dimensions=4"):
        leading_features(X, y, dimensions=4, n_samples=5, random_state=0)
    with pytest.raises(SettingError, match="n_samples=21"):
        leading_features(X, y, dimensions=2, n_samples=21, random_state=0)


def test_selection_on_labelled_features_reports_purity() -> None:
    X, y = gaussian_blobs(CENTERS, per_class=40, scale=0.7, seed=3)
    fits = [grid_fit(X, k=k, covariance_type="full", n_init=2, random_state=0) for k in range(1, 7)]
    result = gmm_selection_mnist(
        fits, X, y, covariance_type="full", n_init=2, random_state=0, figure_size=(6, 3)
    )
    assert result.metrics["best_k"] == 4 and result.metrics["purity"] == 1.0
    labels = y.copy()
    labels[:10] = 9  # a quarter of the first blob under another label
    impure = gmm_selection_mnist(
        fits, X, labels, covariance_type="full", n_init=2, random_state=0, figure_size=(6, 3)
    )
    assert impure.metrics["purity"] == 1 - 10 / 160
