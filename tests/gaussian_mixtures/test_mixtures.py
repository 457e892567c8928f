"""Gaussian mixtures on tiny data: parameter counts, BIC/AIC, component order, density
threshold, the generating mixture of the ellipsoids, and model selection over a grid."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import gaussian_blobs

from unsupervised.core.settings import SettingError
from unsupervised.data.datasets import ellipsoids
from unsupervised.gaussian_mixtures.bayesian import (
    effective_components,
    fit_bayesian,
    likelihood_surface,
)
from unsupervised.gaussian_mixtures.experiments import gmm_likelihood, gmm_selection
from unsupervised.gaussian_mixtures.mixtures import (
    COVARIANCE_TYPES,
    TrueMixture,
    component_order,
    density_integral,
    density_threshold,
    ellipsoids_mixture,
    fit_mixture,
    grid_fit,
    grid_fits,
    information_criteria,
    n_parameters,
    shared_lowest,
)

SPEC = {
    "n_samples": 1000,
    "centers": [[4.0, -4.0], [0.0, 0.0]],
    "transform": [[0.374, 0.95], [0.732, 0.598]],
    "extra_n_samples": 250,
    "extra_offset": [6.0, -8.0],
    "random_state": 42,
}


@pytest.mark.parametrize("covariance_type", COVARIANCE_TYPES)
def test_parameter_count_is_what_bic_and_aic_imply(blobs, covariance_type: str) -> None:
    """BIC - AIC = p (log m - 2): the hand count of free parameters is scikit-learn's."""
    X, _ = blobs
    model = fit_mixture(X, 3, covariance_type=covariance_type, n_init=1, random_state=0)
    implied = (model.bic(X) - model.aic(X)) / (np.log(len(X)) - 2)
    assert round(implied) == n_parameters(3, 2, covariance_type)
    bic, aic, n_params = information_criteria(model, X)
    assert (bic, aic) == pytest.approx((model.bic(X), model.aic(X)), rel=1e-12)
    assert n_params == {"full": 17, "tied": 11, "diag": 14, "spherical": 11}[covariance_type]


def test_the_threshold_flags_its_percentile_of_a_sample() -> None:
    log_density = np.random.default_rng(0).normal(size=1000)
    assert np.mean(log_density < density_threshold(log_density, 4)) == 0.04
    with pytest.raises(SettingError, match="must lie in"):
        density_threshold(log_density, 100)


def test_components_are_matched_to_the_reference_order() -> None:
    reference = np.array([[0.0, 0.0], [5.0, 5.0], [-5.0, 5.0]])
    fitted = reference[[2, 0, 1]] + 0.1
    assert component_order(fitted, reference).tolist() == [1, 2, 0]


def test_the_ellipsoids_generating_mixture_fits_its_sample() -> None:
    X, y = ellipsoids(**SPEC)
    weights, means, covariances = ellipsoids_mixture(**SPEC)
    assert weights.tolist() == pytest.approx([0.4, 0.4, 0.2])
    for component in range(3):
        assert np.allclose(X[y == component].mean(axis=0), means[component], atol=0.15)
        assert np.allclose(np.cov(X[y == component].T), covariances[component], atol=0.15)
    # the true mixture finds the data more likely than a mixture with swapped weights
    truth = TrueMixture(weights, means, covariances)
    swapped = TrueMixture(weights[[2, 1, 0]], means, covariances)
    assert truth.log_density(X).sum() > swapped.log_density(X).sum()


def test_a_fitted_density_integrates_to_one(blobs) -> None:
    model = fit_mixture(blobs[0] / 4, 3, n_init=1, random_state=0)
    assert density_integral(model, -10, 10, 0.02) == pytest.approx(1, abs=1e-6)


def test_shared_lowest_counts_common_members() -> None:
    assert shared_lowest(np.array([1, 2, 3, 4]), np.array([2, 1, 4, 3]), 2) == 2
    assert shared_lowest(np.array([1, 2, 3, 4]), np.array([4, 3, 2, 1]), 2) == 0


@pytest.mark.parametrize(
    ("k", "covariance_type", "message"),
    [
        (0, "full", "between 1 and the 90 instances"),
        (91, "full", "between 1 and the 90 instances"),
        (2, "round", r"not one of \['full'"),
    ],
)
def test_bad_settings_are_named(blobs, k: int, covariance_type: str, message: str) -> None:
    with pytest.raises(SettingError, match=message):
        fit_mixture(blobs[0], k, covariance_type=covariance_type, n_init=1, random_state=0)


def test_model_selection_finds_the_generating_number_of_components() -> None:
    X, _ = gaussian_blobs([[0, 0], [6, 0], [0, 6], [6, 6]], per_class=40, scale=0.7, seed=3)
    fits = [
        grid_fit(X, k=k, covariance_type=kind, n_init=2, random_state=0)
        for kind in ("full", "spherical")
        for k in range(1, 7)
    ]
    result = gmm_selection(fits, covariance_type="full", figure_size=(6, 3))
    assert result.metrics["best_k"] == 4 and result.metrics["bic_best_k"] == 4
    assert result.metrics["best_is_spherical"] == 1  # round blobs: fewest parameters wins
    assert len(result.tables["table"]) == 12


def test_a_chunk_of_the_grid_holds_the_same_points_as_single_fits() -> None:
    X, _ = gaussian_blobs([[0, 0], [6, 0]], per_class=20, scale=0.7, seed=4)
    chunk = grid_fits(X, ks=[1, 2, 3], covariance_type="diag", n_init=1, random_state=0)
    assert chunk == [
        grid_fit(X, k=k, covariance_type="diag", n_init=1, random_state=0) for k in (1, 2, 3)
    ]


def test_a_bayesian_mixture_leaves_unneeded_components_empty(blobs) -> None:
    model = fit_bayesian(blobs[0], 8, n_init=5, random_state=0)
    assert effective_components(model.weights_, 0.005) == 3
    assert effective_components(np.array([0.5, 0.49, 0.004, 0.006]), 0.005) == 3


def test_the_likelihood_surface_is_a_density_in_x_for_every_theta() -> None:
    xs, thetas = np.linspace(-6, 4, 101), np.linspace(1, 2, 11)
    surface = likelihood_surface(xs, thetas)
    assert surface.shape == (11, 101)
    assert np.allclose(surface.sum(axis=1) * (xs[1] - xs[0]), 1)
    result = gmm_likelihood(
        xs={"start": -6, "stop": 4, "num": 101},
        thetas={"start": 1, "stop": 2, "num": 101},
        x=2.5,
        theta=1.3,
        figure_size=(6, 4),
    )
    # the maximum of the likelihood is the maximum of the log-likelihood
    assert np.log(result.metrics["likelihood_max"]) == pytest.approx(
        result.metrics["log_likelihood_max"]
    )
    assert 1 < result.metrics["theta_hat"] < 2
