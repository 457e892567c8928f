"""Variational Bayesian Gaussian mixtures (3.3), which give unneeded components weights near
zero, and the chapter's toy model of the likelihood function (3.4)."""

from __future__ import annotations

import numpy as np
from scipy.stats import norm
from sklearn.mixture import BayesianGaussianMixture

from unsupervised.gaussian_mixtures.mixtures import check_components


def fit_bayesian(
    X: np.ndarray,
    n_components: int,
    *,
    n_init: int,
    random_state: int,
    max_iter: int = 100,
    weight_concentration_prior: float | None = None,
) -> BayesianGaussianMixture:
    check_components(n_components, len(X), "n_components")
    return BayesianGaussianMixture(
        n_components=n_components,
        n_init=n_init,
        max_iter=max_iter,
        random_state=random_state,
        weight_concentration_prior=weight_concentration_prior,
    ).fit(X)


def effective_components(weights: np.ndarray, weight_floor: float) -> int:
    """Components whose weight reaches `weight_floor` (the chapter reads the weights rounded
    to two decimals: 0.005)."""
    return int(np.sum(weights >= weight_floor))


def likelihood_surface(xs: np.ndarray, thetas: np.ndarray) -> np.ndarray:
    """The chapter's model f(x; theta): two Gaussians of scale theta centred on 1 (weight 2)
    and -4 (weight 1), normalised over `xs` for each theta. Rows: thetas, columns: xs."""
    x, theta = np.meshgrid(xs, thetas)
    density = 2 * norm.pdf(x - 1.0, 0, theta) + norm.pdf(x + 4.0, 0, theta)
    return density / density.sum(axis=1, keepdims=True) / (xs[1] - xs[0])
