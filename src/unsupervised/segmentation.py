"""Colour segmentation of an image with K-Means."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.figure import Figure
from matplotlib.image import imread

from unsupervised.kmeans import fit_kmeans
from unsupervised.plotting import new_figure


class ImageError(ValueError):
    """An input image is missing, unreadable or not an RGB image."""


def load_rgb(path: str | Path) -> np.ndarray:
    """An RGB image as floats in [0, 1], shape (height, width, 3)."""
    path = Path(path)
    if not path.is_file():
        raise ImageError(f"image {path} does not exist")
    try:
        image = imread(path)
    except Exception as error:  # PIL raises many types for broken files
        raise ImageError(f"image {path} cannot be read: {error}") from None
    if image.dtype == np.uint8:
        image = image / 255.0
    if image.ndim != 3 or image.shape[2] not in (3, 4):
        raise ImageError(f"image {path} has shape {image.shape}, expected height x width x 3")
    return np.asarray(image[:, :, :3], dtype=np.float64)  # float64: the same optimum on any CPU


def segment(
    image: np.ndarray, n_colors: int, *, n_init: int, random_state: int
) -> tuple[np.ndarray, float]:
    """Replace each pixel by its cluster's mean colour; return the image and the inertia."""
    pixels = image.reshape(-1, image.shape[-1])
    model = fit_kmeans(pixels, n_colors, n_init=n_init, random_state=random_state,
                       parameter="n_colors")
    segmented = model.cluster_centers_[model.labels_].reshape(image.shape)
    return segmented.astype(np.float32), float(model.inertia_)


def rmse(image: np.ndarray, reconstruction: np.ndarray) -> float:
    """Root-mean-square error per channel value between two images in [0, 1]."""
    return float(np.sqrt(np.mean((image.astype(np.float64) - reconstruction) ** 2)))


def plot_segmentations(
    image: np.ndarray, segmented: dict[int, np.ndarray], size: tuple[float, float]
) -> Figure:
    """The original image then one panel per number of colours, three panels a row (the
    chapter's grid); `size` is that of a two-row grid."""
    panels = [("Original image", image)] + [
        (f"{n} colors", picture) for n, picture in segmented.items()
    ]
    ncols = 3
    nrows = -(-len(panels) // ncols)
    fig, axes = new_figure(size[0], size[1] * nrows / 2, nrows=nrows, ncols=ncols)
    for ax, (title, picture) in zip(axes, panels, strict=False):
        ax.imshow(np.clip(picture, 0, 1))
        ax.set_title(title)
    for ax in axes:
        ax.axis("off")
    return fig
