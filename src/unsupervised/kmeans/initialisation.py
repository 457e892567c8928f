"""K-Means variability and initialisation (2.2.5 to 2.2.8): local optima of single runs,
random vs k-means++ initialisation, and how many runs n_init needs."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans


def final_inertias(X: np.ndarray, k: int, init: str, seeds: Sequence[int]) -> np.ndarray:
    """Inertia of one K-Means run (n_init=1) per seed: the spread of local optima."""
    return np.array(
        [
            KMeans(n_clusters=k, init=init, n_init=1, random_state=seed).fit(X).inertia_
            for seed in seeds
        ]
    )


@dataclass(frozen=True)
class HitRate:
    """How often single runs reach the best known solution, and what that implies for n_init."""

    p_best: float  # share of runs within the tolerance of the best inertia
    expected_runs: float  # mean number of runs until the first hit, 1/p
    runs_for_95: int  # runs needed to hit it at least once with 95% probability

    @classmethod
    def from_inertias(cls, inertias: np.ndarray, best: float, rel_tol: float) -> HitRate:
        p = float(np.mean(inertias <= best * (1 + rel_tol)))
        if p == 0:
            return cls(0.0, math.inf, -1)
        runs = 1 if p == 1 else math.ceil(math.log(0.05) / math.log(1 - p))
        return cls(p, 1 / p, runs)


@dataclass(frozen=True)
class InitDistribution:
    """Final inertia of single runs, per initialisation method, over many seeds."""

    inertias: dict[str, np.ndarray]  # method ("random", "k-means++") -> one inertia per seed
    best: float  # lowest inertia seen by any run
    rel_tol: float

    def hit_rate(self, method: str) -> HitRate:
        return HitRate.from_inertias(self.inertias[method], self.best, self.rel_tol)


def init_distribution(
    X: np.ndarray, k: int, seeds: Sequence[int], rel_tol: float, known_best: float
) -> InitDistribution:
    runs = {method: final_inertias(X, k, method, seeds) for method in ("random", "k-means++")}
    best = min(known_best, *(values.min() for values in runs.values()))
    return InitDistribution(runs, best, rel_tol)
