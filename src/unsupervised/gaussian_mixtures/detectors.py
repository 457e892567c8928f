"""Anomaly detectors scored on problems whose anomalies are known: the Gaussian mixture's
density and the five methods the chapter names but does not run (PCA reconstruction error,
Fast-MCD, Isolation Forest, Local Outlier Factor, one-class SVM).

Every detector is fitted on the whole contaminated set, as the chapter fits its mixture, and
returns one score per instance, higher meaning more anomalous."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.covariance import EllipticEnvelope
from sklearn.decomposition import PCA
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve
from sklearn.neighbors import LocalOutlierFactor
from sklearn.svm import OneClassSVM

from unsupervised.core.settings import SettingError
from unsupervised.gaussian_mixtures.mixtures import fit_mixture


@dataclass(frozen=True)
class Problem:
    """Instances and which of them are anomalies."""

    X: np.ndarray  # (n, d)
    is_anomaly: np.ndarray  # (n,) bool


def n_anomalies(n_normal: int, share: float) -> int:
    """How many anomalies make up `share` of a set with `n_normal` normal instances."""
    count = round(share * n_normal / (1 - share))
    if count < 1:
        raise SettingError(
            "anomaly_share",
            share,
            f"gives no anomaly among {n_normal} "
            "normal instances: raise {setting} or the number of instances",
        )
    return count


def with_outliers(
    X: np.ndarray, *, share: float, spread: float, rng: np.random.Generator
) -> Problem:
    """`X` plus outliers drawn uniformly in its bounding box widened on every side by
    `spread` times the box's size; some of them land inside the data, as real outliers do."""
    low, high = X.min(axis=0), X.max(axis=0)
    margin = spread * (high - low)
    outliers = rng.uniform(
        low - margin, high + margin, size=(n_anomalies(len(X), share), X.shape[1])
    )
    is_anomaly = np.r_[np.zeros(len(X), bool), np.ones(len(outliers), bool)]
    return Problem(np.vstack([X, outliers]), is_anomaly)


def one_class(
    X: np.ndarray,
    y: np.ndarray,
    *,
    normal_class: int,
    n_normal: int,
    share: float,
    rng: np.random.Generator,
) -> Problem:
    """`n_normal` instances of `normal_class` plus a `share` of instances of the other
    classes, all drawn at random."""
    normal_rows = np.flatnonzero(y == normal_class)
    if not 0 < n_normal <= len(normal_rows):
        raise SettingError(
            "n_normal",
            n_normal,
            f"must be between 1 and the {len(normal_rows)} "
            f"instances of class {normal_class}: lower {{setting}}",
        )
    normal = rng.choice(normal_rows, n_normal, replace=False)
    other = rng.choice(
        np.flatnonzero(y != normal_class), n_anomalies(n_normal, share), replace=False
    )
    rows = np.sort(np.r_[normal, other])
    return Problem(np.asarray(X[rows], dtype=np.float64), np.isin(rows, other))


def _gaussian_mixture(
    X, *, n_components: int, covariance_type: str, n_init: int, random_state: int
) -> np.ndarray:
    model = fit_mixture(
        X, n_components, covariance_type=covariance_type, n_init=n_init, random_state=random_state
    )
    return -model.score_samples(X)


def _pca_reconstruction(X, *, n_components: int, random_state: int) -> np.ndarray:
    if not 1 <= n_components < X.shape[1]:
        raise SettingError(
            "n_components",
            n_components,
            f"must be at least 1 and below the {X.shape[1]} features: change {{setting}}",
        )
    pca = PCA(n_components, random_state=random_state).fit(X)
    return ((X - pca.inverse_transform(pca.transform(X))) ** 2).sum(axis=1)


def _elliptic_envelope(X, *, support_fraction: float | None, random_state: int) -> np.ndarray:
    envelope = EllipticEnvelope(support_fraction=support_fraction, random_state=random_state)
    return -envelope.fit(X).score_samples(X)


def _isolation_forest(X, *, n_estimators: int, random_state: int) -> np.ndarray:
    forest = IsolationForest(n_estimators=n_estimators, random_state=random_state).fit(X)
    return -forest.score_samples(X)


def _local_outlier_factor(X, *, n_neighbors: int, random_state: int) -> np.ndarray:
    return -LocalOutlierFactor(n_neighbors=n_neighbors).fit(X).negative_outlier_factor_


def _one_class_svm(X, *, nu: float, gamma: str | float, random_state: int) -> np.ndarray:
    return -OneClassSVM(nu=nu, gamma=gamma).fit(X).score_samples(X)


# Each takes the instances, its own settings and a random state (unused by the deterministic
# ones) and returns anomaly scores.
DETECTORS: dict[str, Callable[..., np.ndarray]] = {
    "gaussian_mixture": _gaussian_mixture,
    "pca_reconstruction": _pca_reconstruction,
    "elliptic_envelope": _elliptic_envelope,
    "isolation_forest": _isolation_forest,
    "local_outlier_factor": _local_outlier_factor,
    "one_class_svm": _one_class_svm,
}


def anomaly_scores(
    detector: str, X: np.ndarray, settings: Mapping[str, Any], random_state: int
) -> np.ndarray:
    if detector not in DETECTORS:
        raise SettingError("detector", detector, f"is not one of {sorted(DETECTORS)}")
    return DETECTORS[detector](X, random_state=random_state, **settings)


def flagged(scores: np.ndarray, percentile: float) -> np.ndarray:
    """The instances whose score lies above the (100 - `percentile`)th percentile: the
    chapter's rule (density below its 4th percentile) for any score."""
    if not 0 < percentile < 100:
        raise SettingError("percentile", percentile, "must lie strictly between 0 and 100")
    return scores > np.percentile(scores, 100 - percentile)


def detection_scores(
    is_anomaly: np.ndarray, scores: np.ndarray, percentile: float
) -> dict[str, float]:
    """ROC AUC, average precision, and precision and recall of the flagged instances."""
    flags = flagged(scores, percentile)
    hits = int((flags & is_anomaly).sum())
    return {
        "roc_auc": roc_auc_score(is_anomaly, scores),
        "average_precision": average_precision_score(is_anomaly, scores),
        "precision": hits / max(int(flags.sum()), 1),
        "recall": hits / int(is_anomaly.sum()),
    }


def timed_detection(
    detector: str,
    problem: Problem,
    settings: Mapping[str, Any],
    *,
    random_state: int,
    percentile: float,
) -> dict[str, Any]:
    """One detector on one problem: its scores, the time to fit and score, and its ROC curve
    (false and true positive rates) and operating point at the percentile."""
    start = time.perf_counter()
    scores = anomaly_scores(detector, problem.X, settings, random_state)
    seconds = time.perf_counter() - start
    fpr, tpr, _ = roc_curve(problem.is_anomaly, scores)
    normal = ~problem.is_anomaly
    false_alarms = (flagged(scores, percentile) & normal).sum() / normal.sum()
    return {
        **detection_scores(problem.is_anomaly, scores, percentile),
        "seconds": seconds,
        "fpr": fpr.tolist(),
        "tpr": tpr.tolist(),
        "flagged_fpr": float(false_alarms),
    }
