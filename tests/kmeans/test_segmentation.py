"""Colour segmentation on a tiny synthetic image, and bad images."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from matplotlib.image import imsave

from unsupervised.kmeans.segmentation import ImageError, load_rgb, rmse, segment

PALETTE = np.array([[1.0, 0.0, 0.0], [0.0, 0.5, 0.0], [0.2, 0.2, 1.0]])


def three_colour_image() -> np.ndarray:
    rows = np.arange(12)[:, None] // 4 + np.zeros((1, 10), dtype=int)  # three bands of rows
    return PALETTE[rows].astype(np.float32)


def test_as_many_colours_as_the_image_has_reproduce_it() -> None:
    image = three_colour_image()
    segmented, inertia = segment(image, 3, n_init=3, random_state=0)
    assert segmented.shape == image.shape
    assert inertia == pytest.approx(0, abs=1e-9) and rmse(image, segmented) < 1e-6


def test_fewer_colours_merge_the_closest_two() -> None:
    image = three_colour_image()
    segmented, inertia = segment(image, 2, n_init=3, random_state=0)
    assert len(np.unique(segmented.reshape(-1, 3), axis=0)) == 2
    assert inertia > 0 and rmse(image, segmented) > 0.05
    red = segmented[0, 0]
    np.testing.assert_allclose(red, PALETTE[0], atol=1e-6)  # the odd one out stays pure


def test_zero_colours_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="n_colors=0"):
        segment(three_colour_image(), 0, n_init=1, random_state=0)


def test_png_round_trip_and_bad_images(tmp_path: Path) -> None:
    path = tmp_path / "tiny.png"
    imsave(path, three_colour_image())
    np.testing.assert_allclose(load_rgb(path), three_colour_image(), atol=1 / 255)
    with pytest.raises(ImageError, match="does not exist"):
        load_rgb(tmp_path / "missing.png")
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    with pytest.raises(ImageError, match=f"{broken} cannot be read"):
        load_rgb(broken)
