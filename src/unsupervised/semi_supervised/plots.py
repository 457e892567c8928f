"""The semi-supervised section's figures: digit images, accuracy curves, label budgets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import NullFormatter, ScalarFormatter

from unsupervised.core.figures import new_figure

DATASET_NAMES = {"digits": "Digits", "mnist": "MNIST"}


def plot_digits(
    images: np.ndarray, labels: Sequence[int], size: Sequence[float], ncols: int = 10
) -> Figure:
    """Square grayscale images in a grid, each titled with its label."""
    side = int(round(np.sqrt(images.shape[1])))
    nrows = -(-len(images) // ncols)
    fig, axes = new_figure(*size, nrows=nrows, ncols=ncols)
    for ax, image, label in zip(axes, images, labels, strict=False):
        ax.imshow(image.reshape(side, side), cmap="binary", interpolation="bilinear")
        ax.set_title(str(label), fontsize=10, pad=2)
    for ax in axes:
        ax.axis("off")
    return fig


def plot_curves(
    curves: Mapping[str, tuple[Sequence[float], Sequence[float]]],
    xlabel: str,
    ylabel: str,
    size: Sequence[float],
    reference: float | None = None,
    log_x: bool = False,
    title: str = "",
) -> Figure:
    """One line per named (x, y) series, optionally with a horizontal reference."""
    fig, (ax,) = new_figure(*size)
    for name, (x, y) in curves.items():
        ax.plot(x, y, "o-", label=name)
    if reference is not None:
        ax.axhline(reference, color="k", linestyle="--", label=f"all labels ({reference:.3f})")
    if log_x:
        ax.set_xscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.legend(fontsize=10)
    return fig


def plot_label_budget(table, reference: float, dataset: str, size: Sequence[float]) -> Figure:
    """Test accuracy against the number of labels per strategy: mean over seeds, band of one
    standard deviation, log x axis, the fully supervised accuracy as a reference."""
    fig, (ax,) = new_figure(*size)
    for strategy, rows in table.groupby("strategy", sort=False):
        rows = rows.sort_values("budget")
        ax.plot(rows["budget"], rows["mean"], "o-", label=strategy.replace("_", " "))
        ax.fill_between(
            rows["budget"], rows["mean"] - rows["std"], rows["mean"] + rows["std"], alpha=0.15
        )
    ax.axhline(reference, color="k", linestyle="--", label=f"all labels ({reference:.3f})")
    ax.set_xscale("log")
    ax.set_xticks(sorted(table["budget"].unique()))
    ax.xaxis.set_major_formatter(ScalarFormatter())
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("Number of labelled instances (log scale)")
    ax.set_ylabel("Test accuracy")
    ax.set_title(
        f"{DATASET_NAMES.get(dataset, dataset)}: accuracy vs label budget (mean ± std over seeds)"
    )
    ax.legend(loc="lower right", fontsize=10)
    return fig
