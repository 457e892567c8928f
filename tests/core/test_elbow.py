"""The elbow of a decreasing curve."""

from __future__ import annotations

import numpy as np
import pytest

from unsupervised.core.elbow import elbow


def test_elbow_of_a_broken_line() -> None:
    ks = range(1, 10)
    values = [100, 70, 40, 10, 9, 8, 7, 6, 5]  # steep until k=4, then flat
    assert elbow(ks, values) == 4


def test_elbow_of_a_hyperbola_is_near_its_knee() -> None:
    ks = np.arange(1, 21)
    assert elbow(ks, 1 / ks) in (3, 4, 5)


def test_log_elbow_follows_relative_drops() -> None:
    ks = range(1, 8)
    # Each step divides by 4 until k=3, then by 1.05: the relative gain stops at k=3.
    values = [1600, 400, 100, 95, 90.5, 86, 82]
    assert elbow(ks, values, log=True) == 3


@pytest.mark.parametrize(
    ("ks", "values", "message"),
    [
        ([1, 2], [3.0, 1.0], "at least 3"),
        ([1, 2, 3], [1.0, 2.0, 3.0], "does not decrease"),
    ],
)
def test_elbow_refuses_curves_without_one(ks, values, message) -> None:
    with pytest.raises(ValueError, match=message):
        elbow(ks, values)
