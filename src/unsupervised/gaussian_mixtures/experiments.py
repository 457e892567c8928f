"""The Gaussian-mixture section's experiments, one function per rule: each fits, draws and
names its metrics, and returns a Result for the workflow to write. Components are reported
in the order of the mixture the ellipsoids are drawn from (stretched blobs, then the round
one), so that they compare with the chapter's whatever order EM finds them in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from unsupervised.core.results import Result
from unsupervised.gaussian_mixtures import plots
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

Size = Sequence[float]


def true_mixture(generator: Mapping[str, Any]) -> TrueMixture:
    return TrueMixture(*ellipsoids_mixture(**generator))


def em_fit(X: np.ndarray, y: np.ndarray, *, generator: Mapping[str, Any], n_components: int,
           n_init: int, random_state: int, n_sampled: int, integral_grid: Mapping[str, float],
           resolution: int, figure_size: Size) -> Result:
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
        "bic": model.bic(X), "aic": model.aic(X),
        "bic_by_hand": bic, "aic_by_hand": aic, "n_parameters": n_params,
    }
    if n_components == len(truth.weights):
        true_of_fitted = np.argsort(order)
        metrics["true_component_accuracy"] = float(np.mean(true_of_fitted[model.predict(X)] == y))
    for i, count in enumerate(sample_components(model, n_sampled, order)):
        metrics[f"sampled_from_{i}"] = int(count)
    return Result(metrics, figures={"figure": plots.plot_fit(model, X, resolution, figure_size)})


def covariance_types(X: np.ndarray, *, n_components: int, n_init: int, random_state: int,
                     resolution: int, figure_size: Size) -> Result:
    """The same mixture under each covariance constraint: log-likelihood, BIC and AIC."""
    models = {name: fit_mixture(X, n_components, covariance_type=name, n_init=n_init,
                                random_state=random_state) for name in COVARIANCE_TYPES}
    scores = pd.DataFrame([
        {"covariance_type": name, "log_likelihood": model.score(X) * len(X),
         "bic": model.bic(X), "aic": model.aic(X)} for name, model in models.items()])
    metrics = {f"{row.covariance_type}_{criterion}": getattr(row, criterion)
               for row in scores.itertuples() for criterion in ("log_likelihood", "bic", "aic")}
    return Result(metrics, tables={"table": scores}, figures={
        "figure": plots.plot_covariance_types(models, scores, X, resolution, figure_size)})


def anomaly_detection(X: np.ndarray, *, generator: Mapping[str, Any], n_components: int,
                      n_init: int, random_state: int, percentile: float, resolution: int,
                      figure_size: Size) -> Result:
    """Instances below the `percentile`-th percentile of density, and how many of them are
    also among the least likely under the mixture the data is drawn from."""
    model = fit_mixture(X, n_components, n_init=n_init, random_state=random_state)
    log_density = model.score_samples(X)
    threshold = density_threshold(log_density, percentile)
    flagged = log_density < threshold
    n_flagged = int(flagged.sum())
    shared = shared_lowest(log_density, true_mixture(generator).log_density(X), n_flagged)
    return Result({
        "log_density_threshold": threshold,
        "n_anomalies": n_flagged,
        "n_anomalies_least_likely_under_true_mixture": shared,
        "share_least_likely_under_true_mixture": shared / n_flagged,
    }, figures={"figure": plots.plot_anomalies(model, X, X[flagged], resolution, figure_size)})


def grid_fit(X: np.ndarray, *, k: int, covariance_type: str, n_init: int, random_state: int
             ) -> dict[str, float | int | str]:
    """One point of the model-selection grid."""
    model = fit_mixture(X, k, covariance_type=covariance_type, n_init=n_init,
                        random_state=random_state)
    return {"k": k, "covariance_type": covariance_type, "bic": model.bic(X),
            "aic": model.aic(X), "log_likelihood": model.score(X) * len(X)}


def model_selection(fits: Sequence[Mapping[str, Any]], *, covariance_type: str,
                    figure_size: Size) -> Result:
    """The (k, covariance type) of least BIC over the grid, and the k of least BIC and AIC for
    `covariance_type` (the chapter's figure)."""
    table = pd.DataFrame(fits).sort_values(["covariance_type", "k"], key=lambda column: (
        column.map(COVARIANCE_TYPES.index) if column.name == "covariance_type" else column))
    best = table.loc[table["bic"].idxmin()]
    chosen = table[table["covariance_type"] == covariance_type]
    metrics = {
        "best_k": int(best["k"]),
        **{f"best_is_{name}": int(best["covariance_type"] == name)
           for name in table["covariance_type"].unique()},
        "best_bic": best["bic"],
        "bic_best_k": int(chosen.loc[chosen["bic"].idxmin(), "k"]),
        "aic_best_k": int(chosen.loc[chosen["aic"].idxmin(), "k"]),
    }
    return Result(metrics, tables={"table": table.reset_index(drop=True)},
                  figures={"figure": plots.plot_criteria(table, covariance_type, figure_size)})
