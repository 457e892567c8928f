"""The Gaussian-mixture section's experiments, one function per rule: each fits, draws and
names its metrics, and returns a Result for the workflow to write. Components are reported
in the order of the mixture the ellipsoids are drawn from (stretched blobs, then the round
one), so that they compare with the chapter's whatever order EM finds them in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from unsupervised.core.cluster_classes import purity
from unsupervised.core.lazy import lazy_import
from unsupervised.core.ranges import int_range
from unsupervised.core.results import Result
from unsupervised.gaussian_mixtures.bayesian import (
    effective_components,
    fit_bayesian,
    likelihood_surface,
)
from unsupervised.gaussian_mixtures.initialisation import init_runs, init_summary
from unsupervised.gaussian_mixtures.mixtures import (
    COVARIANCE_TYPES,
    TrueMixture,
    component_order,
    density_integral,
    density_threshold,
    ellipsoids_mixture,
    fit_mixture,
    full_covariances,
    information_criteria,
    sample_components,
    shared_lowest,
)

plots = lazy_import("unsupervised.gaussian_mixtures.plots")

Size = Sequence[float]


def true_mixture(generator: Mapping[str, Any]) -> TrueMixture:
    return TrueMixture(*ellipsoids_mixture(**generator))


def gmm_fit(
    X: np.ndarray,
    y: np.ndarray,
    *,
    generator: Mapping[str, Any],
    n_components: int,
    n_init: int,
    random_state: int,
    n_sampled: int,
    integral_grid: Mapping[str, float],
    resolution: int,
    figure_size: Size,
) -> Result:
    """The chapter's GaussianMixture: parameters, convergence, predictions, samples, the
    density's integral, BIC and AIC (scikit-learn's and by hand)."""
    model = fit_mixture(X, n_components, n_init=n_init, random_state=random_state)
    truth = true_mixture(generator)
    order = component_order(model.means_, truth.means)
    covariances = full_covariances(model)
    metrics: dict[str, float] = {}
    for i, component in enumerate(order):
        metrics[f"weight_{i}"] = model.weights_[component]
        metrics[f"mean_{i}_x1"], metrics[f"mean_{i}_x2"] = model.means_[component]
        cov = covariances[component]
        metrics |= {f"cov_{i}_11": cov[0, 0], f"cov_{i}_12": cov[0, 1], f"cov_{i}_22": cov[1, 1]}
    proba = model.predict_proba(X)
    bic, aic, n_params = information_criteria(model, X)
    metrics |= {
        "converged": int(model.converged_),
        "n_iter": model.n_iter_,
        "soft_agrees_with_hard": float(np.mean(proba.argmax(axis=1) == model.predict(X))),
        "density_integral": density_integral(model, **integral_grid),
        "log_likelihood": model.score(X) * len(X),
        "bic": model.bic(X),
        "aic": model.aic(X),
        "bic_by_hand": bic,
        "aic_by_hand": aic,
        "n_parameters": n_params,
    }
    if n_components == len(truth.weights):
        true_of_fitted = np.argsort(order)
        metrics["true_component_accuracy"] = float(np.mean(true_of_fitted[model.predict(X)] == y))
    for i, count in enumerate(sample_components(model, n_sampled, order)):
        metrics[f"sampled_from_{i}"] = int(count)
    return Result(
        metrics, figures={"figure": lambda: plots.plot_fit(model, X, resolution, figure_size)}
    )


def gmm_covariance_types(
    X: np.ndarray,
    *,
    n_components: int,
    n_init: int,
    random_state: int,
    resolution: int,
    figure_size: Size,
) -> Result:
    """The same mixture under each covariance constraint: log-likelihood, BIC and AIC."""
    models = {
        name: fit_mixture(
            X, n_components, covariance_type=name, n_init=n_init, random_state=random_state
        )
        for name in COVARIANCE_TYPES
    }
    scores = pd.DataFrame(
        [
            {
                "covariance_type": name,
                "log_likelihood": model.score(X) * len(X),
                "bic": model.bic(X),
                "aic": model.aic(X),
            }
            for name, model in models.items()
        ]
    )
    metrics = {
        f"{row.covariance_type}_{criterion}": getattr(row, criterion)
        for row in scores.itertuples()
        for criterion in ("log_likelihood", "bic", "aic")
    }
    return Result(
        metrics,
        tables={"table": scores},
        figures={
            "figure": lambda: plots.plot_covariance_types(
                models, scores, X, resolution, figure_size
            )
        },
    )


def gmm_anomalies(
    X: np.ndarray,
    *,
    generator: Mapping[str, Any],
    n_components: int,
    n_init: int,
    random_state: int,
    percentile: float,
    resolution: int,
    figure_size: Size,
) -> Result:
    """Instances below the `percentile`-th percentile of density, and how many of them are
    also among the least likely under the mixture the data is drawn from."""
    model = fit_mixture(X, n_components, n_init=n_init, random_state=random_state)
    log_density = model.score_samples(X)
    threshold = density_threshold(log_density, percentile)
    flagged = log_density < threshold
    n_flagged = int(flagged.sum())
    shared = shared_lowest(log_density, true_mixture(generator).log_density(X), n_flagged)
    return Result(
        {
            "log_density_threshold": threshold,
            "n_anomalies": n_flagged,
            "n_anomalies_least_likely_under_true_mixture": shared,
            "share_least_likely_under_true_mixture": shared / n_flagged,
        },
        figures={
            "figure": lambda: plots.plot_anomalies(model, X, X[flagged], resolution, figure_size)
        },
    )


def gmm_selection(
    fits: Sequence[Mapping[str, Any]], *, covariance_type: str, figure_size: Size
) -> Result:
    """The (k, covariance type) of least BIC over the grid, and the k of least BIC and AIC for
    `covariance_type` (the chapter's figure)."""
    table = pd.DataFrame(fits).sort_values(
        ["covariance_type", "k"],
        key=lambda column: (
            column.map(COVARIANCE_TYPES.index) if column.name == "covariance_type" else column
        ),
    )
    best = table.loc[table["bic"].idxmin()]
    chosen = table[table["covariance_type"] == covariance_type]
    metrics = {
        "best_k": int(best["k"]),
        **{
            f"best_is_{name}": int(best["covariance_type"] == name)
            for name in table["covariance_type"].unique()
        },
        "best_bic": best["bic"],
        "bic_best_k": int(chosen.loc[chosen["bic"].idxmin(), "k"]),
        "aic_best_k": int(chosen.loc[chosen["aic"].idxmin(), "k"]),
    }
    return Result(
        metrics,
        tables={"table": table.reset_index(drop=True)},
        figures={"figure": lambda: plots.plot_criteria(table, covariance_type, figure_size)},
    )


def gmm_bayesian(
    X: np.ndarray,
    moons: np.ndarray,
    *,
    generator: Mapping[str, Any],
    n_components: int,
    n_init: int,
    random_state: int,
    weight_floor: float,
    prior_instances: int,
    concentration_priors: Sequence[float],
    prior_max_iter: int,
    resolution: int,
    figure_size: Size,
    pair_figure_size: Size,
) -> Result:
    """BayesianGaussianMixture with more components than needed, on the ellipsoids and on
    the moons, and the effect of the weight-concentration prior on a few instances."""
    model = fit_bayesian(X, n_components, n_init=n_init, random_state=random_state)
    order = component_order(model.means_, true_mixture(generator).means)
    metrics: dict[str, float] = {
        "ellipsoids_components": effective_components(model.weights_, weight_floor),
        **{f"weight_{i}": model.weights_[component] for i, component in enumerate(order)},
    }
    few = X[:prior_instances]
    priors = {
        prior: fit_bayesian(
            few,
            n_components,
            n_init=1,
            random_state=random_state,
            max_iter=prior_max_iter,
            weight_concentration_prior=prior,
        )
        for prior in concentration_priors
    }
    for index, prior_model in enumerate(priors.values()):
        metrics[f"prior_{index}_components"] = effective_components(
            prior_model.weights_, weight_floor
        )
    moons_model = fit_bayesian(moons, n_components, n_init=n_init, random_state=random_state)
    metrics["moons_components"] = effective_components(moons_model.weights_, weight_floor)
    return Result(
        metrics,
        figures={
            "figure": lambda: plots.plot_fit(model, X, resolution, figure_size),
            "priors": lambda: plots.plot_priors(priors, few, resolution, pair_figure_size),
            "moons": lambda: plots.plot_moons(moons_model, moons, resolution, pair_figure_size),
        },
    )


def gmm_likelihood(
    *,
    xs: Mapping[str, float],
    thetas: Mapping[str, float],
    x: float,
    theta: float,
    figure_size: Size,
) -> Result:
    """The chapter's figure of a model, one of its PDFs, and the likelihood of theta given
    one observation x, with its maximum."""
    grid_x = np.linspace(xs["start"], xs["stop"], int(xs["num"]))
    grid_theta = np.linspace(thetas["start"], thetas["stop"], int(thetas["num"]))
    surface = likelihood_surface(grid_x, grid_theta)
    x_index = int(np.abs(grid_x - x).argmin())
    theta_index = int(np.abs(grid_theta - theta).argmin())
    likelihood = surface[:, x_index]
    best = int(likelihood.argmax())
    return Result(
        {
            "theta_hat": grid_theta[best],
            "likelihood_max": likelihood[best],
            "log_likelihood_max": float(np.log(likelihood[best])),
        },
        figures={
            "figure": lambda: plots.plot_likelihood(
                grid_x, grid_theta, surface, x_index, theta_index, figure_size
            )
        },
    )


def gmm_init_params(
    X: np.ndarray,
    *,
    n_components: int,
    inits: Sequence[str],
    seeds: Mapping[str, int],
    max_iter: int,
    best_tolerance: float,
    figure_size: Size,
) -> Result:
    """EM from each initialisation over seeds: iterations, convergence, log-likelihood."""
    runs = init_runs(
        X, n_components=n_components, inits=inits, seeds=int_range(seeds), max_iter=max_iter
    )
    return Result(
        init_summary(runs, best_tolerance),
        tables={"table": runs},
        figures={"figure": lambda: plots.plot_init_params(runs, figure_size)},
    )


def gmm_selection_mnist(
    fits: Sequence[Mapping[str, Any]],
    X: np.ndarray,
    y: np.ndarray,
    *,
    covariance_type: str,
    n_init: int,
    random_state: int,
    figure_size: Size,
) -> Result:
    """Model selection on the grid, then the chosen mixture refitted: how pure its
    components are in digits."""
    selection = gmm_selection(fits, covariance_type=covariance_type, figure_size=figure_size)
    best_type = next(name for name in COVARIANCE_TYPES if selection.metrics.get(f"best_is_{name}"))
    model = fit_mixture(
        X,
        selection.metrics["best_k"],
        covariance_type=best_type,
        n_init=n_init,
        random_state=random_state,
    )
    return Result(
        {**selection.metrics, "purity": purity(y, model.predict(X))},
        tables=selection.tables,
        figures=selection.figures,
    )
