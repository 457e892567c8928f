"""The introduction's Gaussian mixture used as a classifier, on tiny data."""

from __future__ import annotations

import numpy as np

from unsupervised.introduction.iris import classify_with_gmm


def test_gmm_recovers_well_separated_classes() -> None:
    rng = np.random.default_rng(0)
    centers = np.array([[0.0, 0.0, 0.0], [10.0, 0.0, 5.0], [0.0, 10.0, -5.0]])
    y = np.repeat([2, 0, 1], 30)
    X = centers[y] + rng.normal(scale=0.5, size=(90, 3))
    result = classify_with_gmm(X, y, n_components=3, random_state=0)
    assert result.n_correct(y) == 90
    assert sorted(result.mapping.values()) == [0, 1, 2]
