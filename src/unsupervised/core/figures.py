"""Shared plotting: one style for every figure, headless, written atomically."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from unsupervised.core.io import atomic_path  # noqa: E402

STYLE = {
    "axes.labelsize": 14,
    "axes.titlesize": 14,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 12,
    "figure.constrained_layout.use": True,
}
plt.rcParams.update(STYLE)
# The chapter's markers for up to three classes, then matplotlib's cycle.
CLASS_MARKERS = [("tab:olive", "o"), ("tab:blue", "s"), ("tab:green", "^")]


def new_figure(
    width: float, height: float, nrows: int = 1, ncols: int = 1, **kwargs
) -> tuple[Figure, np.ndarray]:
    """A figure of ``nrows`` x ``ncols`` axes in the project style, axes flattened row by row."""
    fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), squeeze=False, **kwargs)
    return fig, axes.ravel()


def save_figure(fig: Figure, path: str | os.PathLike[str], dpi: int) -> None:
    """Write `fig` as PNG to `path` atomically and release its memory."""
    with atomic_path(Path(path)) as tmp:
        fig.savefig(tmp, format="png", dpi=dpi)
    plt.close(fig)


def scatter_by_class(ax: Axes, points: np.ndarray, labels: np.ndarray, names: list[str]) -> None:
    """Plot 2-D `points`, one colour and marker per label, labelled `names` for a legend."""
    for index, name in enumerate(names):
        color, marker = CLASS_MARKERS[index % len(CLASS_MARKERS)]
        mask = labels == index
        ax.plot(
            points[mask, 0],
            points[mask, 1],
            marker,
            color=color,
            linestyle="none",
            label=name,
            alpha=0.8,
        )
