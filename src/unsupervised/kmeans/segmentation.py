"""Image segmentation (2.2.13): each pixel replaced by the mean colour of its K-Means cluster."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.image import imread

from unsupervised.kmeans.algorithm import fit_kmeans


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
    model = fit_kmeans(
        pixels, n_colors, n_init=n_init, random_state=random_state, setting="n_colors"
    )
    segmented = model.cluster_centers_[model.labels_].reshape(image.shape)
    return segmented.astype(np.float32), float(model.inertia_)


def rmse(image: np.ndarray, reconstruction: np.ndarray) -> float:
    """Root-mean-square error per channel value between two images in [0, 1]."""
    return float(np.sqrt(np.mean((image.astype(np.float64) - reconstruction) ** 2)))


def segment_with_stats(
    image: np.ndarray, n_colors: int, *, n_init: int, random_state: int
) -> tuple[np.ndarray, dict[str, float]]:
    """The segmented image, and its number of colours, inertia and error against `image`."""
    segmented, inertia = segment(image, n_colors, n_init=n_init, random_state=random_state)
    return segmented, {"n_colors": n_colors, "inertia": inertia, "rmse": rmse(image, segmented)}
