"""Wall-clock timing reported as medians over repeats."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np


def median_seconds(run: Callable[[], object], repeats: int) -> float:
    """Median wall time of `repeats` calls of `run`."""
    if repeats < 1:
        raise ValueError(f"repeats={repeats}: need at least one timed run")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return float(np.median(times))
