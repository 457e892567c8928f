"""Dataset parsing and generation, on tiny files and on the real copies when available."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest
from conftest import data_mirror

from unsupervised.core.io import save_array
from unsupervised.data.datasets import (
    NOISE_LABEL,
    DatasetFormatError,
    array_sha256,
    bundled,
    ellipsoids,
    generated,
    load_dataset,
    mnist_from_idx,
    olivetti_from_mat,
    read_idx,
    verified_olivetti,
)


def write_idx(path: Path, array: np.ndarray, magic: int | None = None) -> Path:
    magic = magic if magic is not None else 0x0800 | array.ndim
    header = magic.to_bytes(4, "big") + b"".join(n.to_bytes(4, "big") for n in array.shape)
    with gzip.open(path, "wb") as handle:
        handle.write(header + array.astype(np.uint8).tobytes())
    return path


def test_read_idx_round_trips_images_and_labels(tmp_path: Path) -> None:
    images = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    labels = np.array([7, 1], dtype=np.uint8)
    np.testing.assert_array_equal(read_idx(write_idx(tmp_path / "i.gz", images)), images)
    np.testing.assert_array_equal(read_idx(write_idx(tmp_path / "l.gz", labels)), labels)


def test_read_idx_rejects_bad_magic_and_short_body(tmp_path: Path) -> None:
    with pytest.raises(DatasetFormatError, match="magic"):
        read_idx(write_idx(tmp_path / "bad.gz", np.zeros(3), magic=1234))
    path = tmp_path / "short.gz"
    with gzip.open(path, "wb") as handle:
        handle.write((0x0801).to_bytes(4, "big") + (10).to_bytes(4, "big") + b"\x00" * 3)
    with pytest.raises(DatasetFormatError, match="body holds 3 bytes"):
        read_idx(path)


def test_mnist_puts_train_before_test_and_flattens(tmp_path: Path) -> None:
    train = np.full((3, 2, 2), 1, dtype=np.uint8)
    test = np.full((2, 2, 2), 2, dtype=np.uint8)
    X, y = mnist_from_idx(
        write_idx(tmp_path / "a", train),
        write_idx(tmp_path / "b", np.array([0, 1, 2])),
        write_idx(tmp_path / "c", test),
        write_idx(tmp_path / "d", np.array([3, 4])),
    )
    assert X.shape == (5, 4) and X.dtype == np.uint8
    np.testing.assert_array_equal(X[:, 0], [1, 1, 1, 2, 2])
    np.testing.assert_array_equal(y, [0, 1, 2, 3, 4])
    assert y.dtype == np.int64


def test_mnist_rejects_mismatched_images_and_labels(tmp_path: Path) -> None:
    images = write_idx(tmp_path / "a", np.zeros((3, 2, 2)))
    labels = write_idx(tmp_path / "b", np.zeros(2))
    with pytest.raises(DatasetFormatError, match="matching"):
        mnist_from_idx(images, labels, images, labels)


def test_saved_arrays_load_memory_mapped(tmp_path: Path) -> None:
    X = np.arange(12, dtype=np.uint8).reshape(4, 3)
    save_array(tmp_path / "X.npy", X)
    save_array(tmp_path / "y.npy", np.arange(4))
    X_loaded, y_loaded = load_dataset(tmp_path / "X.npy", tmp_path / "y.npy", mmap=True)
    assert isinstance(X_loaded, np.memmap)
    np.testing.assert_array_equal(X_loaded, X)


def test_ellipsoids_stack_stretched_blobs_and_a_shifted_round_one() -> None:
    transform = [[0.374, 0.95], [0.732, 0.598]]
    X, y = ellipsoids(100, [[4, -4], [0, 0]], transform, 25, [6, -8], 42)
    X_unshifted, _ = ellipsoids(100, [[4, -4], [0, 0]], transform, 25, [0, 0], 42)
    assert X.shape == (125, 2) and np.bincount(y).tolist() == [50, 50, 25]
    np.testing.assert_allclose(X[y == 2] - X_unshifted[y == 2], np.tile([6, -8], (25, 1)))
    np.testing.assert_array_equal(X[y < 2], X_unshifted[y < 2])
    # The transform stretches the first blobs: their spread is far from round.
    spreads = np.linalg.eigvalsh(np.cov(X[y == 0].T))
    assert spreads.max() / spreads.min() > 10


def test_bundled_sets_come_with_integer_labels() -> None:
    X, y = bundled("digits")
    assert X.shape == (1797, 64) and y.dtype == np.int64 and set(y) == set(range(10))


MIRROR = data_mirror()
needs_mirror = pytest.mark.skipif(MIRROR is None, reason="no local copy of the real datasets")


@needs_mirror
def test_real_mnist_matches_its_provenance() -> None:
    files = [
        MIRROR / "mnist" / name
        for name in (
            "train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz",
        )
    ]
    X, y = mnist_from_idx(*files)
    assert X.shape == (70_000, 784)
    # Label counts published with the dataset (../shared/datasets/README.md).
    assert np.bincount(y[:60_000]).tolist() == [
        5923,
        6742,
        5958,
        6131,
        5842,
        5421,
        5918,
        6265,
        5851,
        5949,
    ]
    assert np.bincount(y[60_000:]).tolist() == [
        980,
        1135,
        1032,
        1010,
        982,
        892,
        958,
        1028,
        974,
        1009,
    ]


@needs_mirror
def test_real_olivetti_has_the_configured_fingerprint(default_config: dict) -> None:
    X, y = olivetti_from_mat(MIRROR / "olivetti" / "olivettifaces.mat")
    assert X.shape == (400, 4096) and X.dtype == np.float32
    assert X.min() == 0.0 and X.max() == 1.0
    assert array_sha256(X) == default_config["datasets"]["olivetti"]["array_sha256"]
    assert np.bincount(y).tolist() == [10] * 40


@needs_mirror
def test_olivetti_with_another_fingerprint_is_refused(default_config: dict) -> None:
    path = MIRROR / "olivetti" / "olivettifaces.mat"
    expected = default_config["datasets"]["olivetti"]["array_sha256"]
    assert len(verified_olivetti(path, expected)[0]) == 400
    with pytest.raises(DatasetFormatError, match="configured array_sha256 of the olivetti dataset"):
        verified_olivetti(path, "0" * 64)


def test_generated_sets_follow_their_settings() -> None:
    X, y = generated("moons", {"n_samples": 20, "noise": 0.0, "random_state": 0})
    assert X.shape == (20, 2) and sorted(np.bincount(y)) == [10, 10]
    assert generated("iris", {})[0].shape == (150, 4)


def test_circles_put_one_ring_inside_the_other() -> None:
    X, y = generated("circles", {"n_samples": 100, "factor": 0.5, "noise": 0.0, "random_state": 0})
    radii = np.linalg.norm(X, axis=1)
    assert np.allclose(radii[y == 0], 1.0) and np.allclose(radii[y == 1], 0.5)


def test_noise_around_blobs_is_labelled_apart_and_covers_their_box() -> None:
    spec = {
        "n_samples": 200,
        "centers": [[0.0, 0.0], [10.0, 10.0]],
        "cluster_std": [0.5, 0.5],
        "noise_share": 0.25,
        "random_state": 0,
    }
    X, y = generated("noisy_blobs", spec)
    noise = y == NOISE_LABEL
    assert X.shape == (200, 2) and noise.sum() == 50 and sorted(set(y[~noise])) == [0, 1]
    low, high = X[~noise].min(axis=0), X[~noise].max(axis=0)
    assert np.all((X[noise] >= low) & (X[noise] <= high))
    assert np.array_equal(generated("noisy_blobs", spec)[0], X)
