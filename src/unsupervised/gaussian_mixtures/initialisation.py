"""How GaussianMixture's initialisation (`init_params`) changes EM: the iterations it needs
and the log-likelihood it reaches, one fit per (initialisation, seed)."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

from unsupervised.gaussian_mixtures.mixtures import check_components

INIT_PARAMS = ("kmeans", "k-means++", "random", "random_from_data")


def metric_name(init_params: str) -> str:
    return init_params.replace("k-means++", "kmeans_pp")


def init_runs(
    X: np.ndarray, *, n_components: int, inits: Sequence[str], seeds: Sequence[int], max_iter: int
) -> pd.DataFrame:
    """One single-initialisation fit per (init, seed): iterations, whether EM converged
    within `max_iter`, and the average log-likelihood per instance reached."""
    check_components(n_components, len(X), "n_components")
    rows = []
    for init in inits:
        for seed in seeds:
            model = GaussianMixture(
                n_components, init_params=init, n_init=1, max_iter=max_iter, random_state=seed
            )
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)  # reported as a column
                model.fit(X)
            rows.append(
                {
                    "init_params": init,
                    "seed": seed,
                    "n_iter": model.n_iter_,
                    "converged": bool(model.converged_),
                    "log_likelihood": model.score(X),
                }
            )
    return pd.DataFrame(rows)


def init_summary(runs: pd.DataFrame, tolerance: float) -> dict[str, float]:
    """Per initialisation: median iterations, share of fits that converged, median
    log-likelihood, and share of fits within `tolerance` of the best log-likelihood of all
    (EM stops once an iteration gains less than its own tolerance, so fits of the same
    optimum differ by about that much)."""
    best = runs["log_likelihood"].max()
    metrics: dict[str, float] = {}
    for init, fits in runs.groupby("init_params", sort=False):
        name = metric_name(str(init))
        metrics |= {
            f"{name}_median_iterations": float(fits["n_iter"].median()),
            f"{name}_converged_share": float(fits["converged"].mean()),
            f"{name}_median_log_likelihood": float(fits["log_likelihood"].median()),
            f"{name}_best_share": float((fits["log_likelihood"] >= best - tolerance).mean()),
        }
    return metrics
