"""Dataset preparation: parse the raw files, build the bundled and synthetic sets.

Every dataset is stored as ``X.npy`` (samples × features) and ``y.npy`` (integer
labels), so later steps load any of them the same way, memory-mapped if they wish.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy.io import loadmat
from sklearn.datasets import load_digits, load_iris, make_blobs, make_circles, make_moons

IDX_IMAGES_MAGIC = 2051
IDX_LABELS_MAGIC = 2049
OLIVETTI_SHAPE = (400, 64, 64)
BUNDLED = {"digits": load_digits, "iris": load_iris}
# The label of noise: scikit-learn's density-based clusterers give it to the instances they
# put in no cluster, and blobs_in_noise to its background, so that the two compare.
NOISE_LABEL = -1


class DatasetFormatError(ValueError):
    """A raw file does not have the format or content its dataset requires."""


def read_idx(path: Path) -> np.ndarray:
    """Read a gzip-compressed IDX file of unsigned bytes (the MNIST format)."""
    with gzip.open(path, "rb") as handle:
        raw = handle.read()
    if len(raw) < 8:
        raise DatasetFormatError(f"{path}: too short to be an IDX file")
    magic = int.from_bytes(raw[:4], "big")
    if magic not in (IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC):
        raise DatasetFormatError(f"{path}: bad IDX magic number {magic}")
    n_dims = magic & 0xFF
    header = 4 + 4 * n_dims
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(n_dims))
    data = np.frombuffer(raw, dtype=np.uint8, offset=header)
    if data.size != int(np.prod(shape)):
        raise DatasetFormatError(f"{path}: header says {shape}, body holds {data.size} bytes")
    return data.reshape(shape)


def mnist_from_idx(
    train_images: Path, train_labels: Path, test_images: Path, test_labels: Path
) -> tuple[np.ndarray, np.ndarray]:
    """The 70,000 MNIST images, train then test (OpenML ``mnist_784`` order), as uint8 rows."""
    parts = []
    for images_path, labels_path in ((train_images, train_labels), (test_images, test_labels)):
        images, labels = read_idx(images_path), read_idx(labels_path)
        if images.ndim != 3 or labels.ndim != 1 or len(images) != len(labels):
            raise DatasetFormatError(
                f"{images_path} and {labels_path} do not hold matching images and labels"
            )
        parts.append((images.reshape(len(images), -1), labels.astype(np.int64)))
    X = np.concatenate([images for images, _ in parts])
    y = np.concatenate([labels for _, labels in parts])
    return X, y


def olivetti_from_mat(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """The 400 Olivetti faces processed exactly as scikit-learn's ``fetch_olivetti_faces``."""
    faces = loadmat(path)["faces"].T.astype(np.float32)
    faces = faces - faces.min()
    faces /= faces.max()
    faces = faces.reshape(OLIVETTI_SHAPE).transpose(0, 2, 1)
    X = np.ascontiguousarray(faces.reshape(len(faces), -1), dtype=np.float32)
    y = np.arange(len(X), dtype=np.int64) // 10
    return X, y


def array_sha256(array: np.ndarray) -> str:
    """Fingerprint of an array's bytes in C order."""
    return hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()


def verified_olivetti(path: Path, array_sha256_expected: str) -> tuple[np.ndarray, np.ndarray]:
    """The faces of `path`, refused unless they are the very array scikit-learn gives."""
    X, y = olivetti_from_mat(path)
    fingerprint = array_sha256(X)
    if fingerprint != array_sha256_expected:
        raise DatasetFormatError(
            f"{path}: processed faces hash to {fingerprint}, not to the configured "
            f"array_sha256 of the olivetti dataset ({array_sha256_expected}); the file is not "
            "the Olivetti faces scikit-learn uses"
        )
    return X, y


def generated(name: str, spec: Mapping[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """A dataset built without a download: bundled with scikit-learn, or synthetic from its
    settings."""
    return bundled(name) if name in BUNDLED else SYNTHETIC[name](**spec)


def bundled(name: str) -> tuple[np.ndarray, np.ndarray]:
    """A dataset shipped inside scikit-learn (no network)."""
    data = BUNDLED[name]()
    return data.data, data.target.astype(np.int64)


def blobs(
    n_samples: int,
    centers: Sequence[Sequence[float]],
    cluster_std: Sequence[float],
    random_state: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Isotropic Gaussian blobs around given centers (the chapter's five blobs)."""
    X, y = make_blobs(
        n_samples=n_samples,
        centers=np.asarray(centers, dtype=float),
        cluster_std=np.asarray(cluster_std, dtype=float),
        random_state=random_state,
    )
    return X, y.astype(np.int64)


def ellipsoids(
    n_samples: int,
    centers: Sequence[Sequence[float]],
    transform: Sequence[Sequence[float]],
    extra_n_samples: int,
    extra_offset: Sequence[float],
    random_state: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Stretched blobs plus one round blob: the chapter's set where K-Means fails."""
    X1, y1 = make_blobs(
        n_samples=n_samples, centers=np.asarray(centers, dtype=float), random_state=random_state
    )
    X1 = X1 @ np.asarray(transform, dtype=float)
    X2, _ = make_blobs(n_samples=extra_n_samples, centers=1, random_state=random_state)
    X2 = X2 + np.asarray(extra_offset, dtype=float)
    y2 = np.full(extra_n_samples, len(centers), dtype=np.int64)
    return np.concatenate([X1, X2]), np.concatenate([y1.astype(np.int64), y2])


def moons(n_samples: int, noise: float, random_state: int) -> tuple[np.ndarray, np.ndarray]:
    X, y = make_moons(n_samples=n_samples, noise=noise, random_state=random_state)
    return X, y.astype(np.int64)


def circles(
    n_samples: int, factor: float, noise: float, random_state: int
) -> tuple[np.ndarray, np.ndarray]:
    """One ring inside another (`factor`: the inner radius over the outer)."""
    X, y = make_circles(n_samples=n_samples, factor=factor, noise=noise, random_state=random_state)
    return X, y.astype(np.int64)


def blobs_in_noise(
    n_samples: int,
    centers: Sequence[Sequence[float]],
    cluster_std: Sequence[float],
    noise_share: float,
    random_state: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Blobs over a uniform background covering their bounding box: a `noise_share` of the
    `n_samples` instances is background, labelled NOISE_LABEL."""
    n_noise = round(noise_share * n_samples)
    X, y = blobs(n_samples - n_noise, centers, cluster_std, random_state)
    rng = np.random.default_rng(random_state)
    background = rng.uniform(X.min(axis=0), X.max(axis=0), size=(n_noise, X.shape[1]))
    return (
        np.concatenate([X, background]),
        np.concatenate([y, np.full(n_noise, NOISE_LABEL, dtype=np.int64)]),
    )


# Each synthetic set's generator; several sets may share one (with other settings).
SYNTHETIC = {
    "blobs": blobs,
    "ellipsoids": ellipsoids,
    "moons": moons,
    "circles": circles,
    "varied_density": blobs,
    "noisy_blobs": blobs_in_noise,
}


def load_dataset(
    X_path: str | Path, y_path: str | Path, mmap: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Load a prepared dataset's ``X.npy`` (memory-mapped if `mmap`) and ``y.npy``."""
    return np.load(X_path, mmap_mode="r" if mmap else None), np.load(y_path)
