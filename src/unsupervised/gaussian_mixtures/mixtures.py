"""Gaussian mixtures fitted by EM: their parameters in a fixed component order, the number of
free parameters, BIC and AIC by hand, and the density's integral over a grid."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.stats import multivariate_normal
from sklearn.datasets import make_blobs
from sklearn.mixture import GaussianMixture

from unsupervised.core.settings import SettingError

COVARIANCE_TYPES = ("full", "tied", "spherical", "diag")


@dataclass(frozen=True)
class TrueMixture:
    """The mixture a synthetic set is drawn from."""

    weights: np.ndarray  # (k,)
    means: np.ndarray  # (k, d)
    covariances: np.ndarray  # (k, d, d)

    def log_density(self, X: np.ndarray) -> np.ndarray:
        densities = sum(
            weight * multivariate_normal(mean, cov).pdf(X)
            for weight, mean, cov in zip(self.weights, self.means, self.covariances, strict=True)
        )
        return np.log(densities)


def ellipsoids_mixture(
    *,
    n_samples: int,
    centers: Sequence[Sequence[float]],
    transform: Sequence[Sequence[float]],
    extra_n_samples: int,
    extra_offset: Sequence[float],
    random_state: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The mixture that `unsupervised.data.datasets.ellipsoids` draws from, given the same
    settings: weights, means and covariances, its two stretched blobs first (unit blobs
    mapped by `transform`), then the round one."""
    A = np.asarray(transform, dtype=float)
    _, _, (extra_center,) = make_blobs(
        n_samples=extra_n_samples, centers=1, random_state=random_state, return_centers=True
    )
    total = n_samples + extra_n_samples
    # make_blobs splits n_samples as evenly as it can between the centers
    per_blob = [
        n_samples // len(centers) + (i < n_samples % len(centers)) for i in range(len(centers))
    ]
    weights = np.array([*per_blob, extra_n_samples]) / total
    means = np.vstack(
        [np.asarray(centers, dtype=float) @ A, extra_center + np.asarray(extra_offset, dtype=float)]
    )
    covariances = np.stack([A.T @ A] * len(centers) + [np.eye(A.shape[0])])
    return weights, means, covariances


def check_components(n_components: int, n_samples: int, setting: str) -> None:
    if not 1 <= n_components <= n_samples:
        raise SettingError(
            setting,
            n_components,
            f"a mixture needs between 1 and the {n_samples} instances "
            "components; change {setting}",
        )


def fit_mixture(
    X: np.ndarray,
    n_components: int,
    *,
    covariance_type: str = "full",
    n_init: int,
    random_state: int,
) -> GaussianMixture:
    check_components(n_components, len(X), "n_components")
    if covariance_type not in COVARIANCE_TYPES:
        raise SettingError(
            "covariance_type",
            covariance_type,
            f"not one of {list(COVARIANCE_TYPES)}; change {{setting}}",
        )
    return GaussianMixture(
        n_components=n_components,
        covariance_type=covariance_type,
        n_init=n_init,
        random_state=random_state,
    ).fit(X)


def grid_fit(
    X: np.ndarray, *, k: int, covariance_type: str, n_init: int, random_state: int
) -> dict[str, float | int | str]:
    """One point of the model-selection grid (kept here, away from plotting, so that the
    grid's jobs import little)."""
    model = fit_mixture(
        X, k, covariance_type=covariance_type, n_init=n_init, random_state=random_state
    )
    return {
        "k": k,
        "covariance_type": covariance_type,
        "bic": model.bic(X),
        "aic": model.aic(X),
        "log_likelihood": model.score(X) * len(X),
    }


def leading_features(
    X: np.ndarray, y: np.ndarray, *, dimensions: int, n_samples: int, random_state: int
) -> tuple[np.ndarray, np.ndarray]:
    """`n_samples` rows drawn at random, on their first `dimensions` columns (the leading
    principal components when X holds PCA features), with their labels."""
    if not 1 <= dimensions <= X.shape[1]:
        raise SettingError(
            "dimensions",
            dimensions,
            f"must be between 1 and the {X.shape[1]} principal components kept: change {{setting}}",
        )
    if not 1 <= n_samples <= len(X):
        raise SettingError(
            "n_samples", n_samples, f"must be between 1 and the {len(X)} images: change {{setting}}"
        )
    rows = np.sort(np.random.default_rng(random_state).choice(len(X), n_samples, replace=False))
    return np.asarray(X[rows, :dimensions], dtype=np.float64), np.asarray(y[rows])


def grid_fits(
    X: np.ndarray, *, ks: Sequence[int], covariance_type: str, n_init: int, random_state: int
) -> list[dict[str, float | int | str]]:
    """Points of the grid for one covariance type: one job fits a chunk of k values, so a
    grid of cheap fits does not pay a process start per point."""
    return [
        grid_fit(X, k=k, covariance_type=covariance_type, n_init=n_init, random_state=random_state)
        for k in ks
    ]


def grid_fits_by_type(
    X: np.ndarray,
    *,
    covariance_types: Sequence[str],
    ks: Sequence[int],
    n_init: int,
    random_state: int,
) -> dict[str, list[dict[str, float | int | str]]]:
    """grid_fits of one chunk of k values for each covariance type, by type."""
    return {
        covariance_type: grid_fits(
            X, ks=ks, covariance_type=covariance_type, n_init=n_init, random_state=random_state
        )
        for covariance_type in covariance_types
    }


def n_parameters(n_components: int, n_features: int, covariance_type: str) -> int:
    """Free parameters: weights (they sum to 1), means, and the covariances' free entries."""
    per_matrix = n_features * (n_features + 1) // 2
    covariance = {
        "full": n_components * per_matrix,
        "tied": per_matrix,
        "diag": n_components * n_features,
        "spherical": n_components,
    }
    return n_components - 1 + n_components * n_features + covariance[covariance_type]


def information_criteria(model: GaussianMixture, X: np.ndarray) -> tuple[float, float, int]:
    """BIC and AIC computed by hand from the log-likelihood, and the number of parameters."""
    n_params = n_parameters(model.n_components, X.shape[1], model.covariance_type)
    log_likelihood = model.score(X) * len(X)
    return (
        np.log(len(X)) * n_params - 2 * log_likelihood,
        2 * n_params - 2 * log_likelihood,
        n_params,
    )


def full_covariances(model: GaussianMixture) -> np.ndarray:
    """The (k, d, d) covariance matrices whatever the covariance type."""
    k, d = model.means_.shape
    cov = model.covariances_
    return {
        "full": lambda: cov,
        "tied": lambda: np.repeat(cov[None], k, axis=0),
        "diag": lambda: np.stack([np.diag(row) for row in cov]),
        "spherical": lambda: np.stack([np.eye(d) * var for var in cov]),
    }[model.covariance_type]()


def component_order(means: np.ndarray, reference_means: np.ndarray) -> np.ndarray:
    """For each reference component, the fitted component whose mean is matched to it (the
    assignment with the smallest total distance)."""
    distances = np.linalg.norm(reference_means[:, None, :] - means[None, :, :], axis=2)
    rows, columns = linear_sum_assignment(distances)
    return columns[np.argsort(rows)]


def density_integral(model: GaussianMixture, low: float, high: float, step: float) -> float:
    """The chapter's check: the density summed over a square grid, times each cell's area."""
    grid = np.arange(low, high, step)
    xx, yy = np.meshgrid(grid, grid)
    density = np.exp(model.score_samples(np.c_[xx.ravel(), yy.ravel()]))
    return float(density.sum() * step**2)


def density_threshold(log_densities: np.ndarray, percentile: float) -> float:
    """The log-density below which `percentile` % of the instances lie."""
    if not 0 < percentile < 100:
        raise SettingError("percentile", percentile, "must lie in (0, 100); change {setting}")
    return float(np.percentile(log_densities, percentile))


def shared_lowest(scores: np.ndarray, other_scores: np.ndarray, count: int) -> int:
    """How many of the `count` instances with the lowest `scores` are also among the `count`
    lowest by `other_scores`."""
    return len(set(np.argsort(scores)[:count]) & set(np.argsort(other_scores)[:count]))


def sample_components(model: GaussianMixture, n_samples: int, order: Sequence[int]) -> np.ndarray:
    """How many of `n_samples` sampled instances come from each component, in `order`."""
    _, labels = model.sample(n_samples)
    counts = np.bincount(labels, minlength=model.n_components)
    return counts[np.asarray(order)]
