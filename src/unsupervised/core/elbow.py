"""The elbow (knee) of a decreasing curve: inertia against k, and any curve like it."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def elbow(ks: Sequence[int], values: Sequence[float], log: bool = False) -> int:
    """The k at the elbow of a decreasing curve, by the "kneedle" rule.

    Both axes are scaled to [0, 1]; the elbow is the point farthest below the straight line
    from the first point to the last (Satopää et al., 2011, without smoothing). With `log`,
    the rule applies to the logarithm of the values: the elbow is then where the *relative*
    decrease slows down, which suits inertia, whose first drops span orders of magnitude.
    """
    ks_arr, values_arr = np.asarray(ks, dtype=float), np.asarray(values, dtype=float)
    if log:
        if np.any(values_arr <= 0):
            raise ValueError("a logarithmic elbow needs positive values")
        values_arr = np.log(values_arr)
    if len(ks_arr) < 3:
        raise ValueError(f"an elbow needs at least 3 values of k, got {len(ks_arr)}")
    x = (ks_arr - ks_arr[0]) / (ks_arr[-1] - ks_arr[0])
    span = values_arr[0] - values_arr[-1]
    if span <= 0:
        raise ValueError("the curve does not decrease from its first to its last k")
    y = (values_arr - values_arr[-1]) / span  # from 1 down to 0
    below_chord = (1 - x) - y
    return int(ks_arr[int(np.argmax(below_chord))])
