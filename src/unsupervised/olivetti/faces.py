"""The faces as every exercise reads them: a stratified split into training, validation and
test faces, and the principal components of the training faces."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedShuffleSplit

from unsupervised.core.io import atomic_path
from unsupervised.core.settings import SettingError
from unsupervised.data.reduction import pca_keeping, pca_summary

PARTS = ("train", "valid", "test")
SIDE = 64  # pixels per side of a face


@dataclass(frozen=True)
class Faces:
    """Each part's pixels, person ids and PCA features, and the PCA's mean and components,
    which map features back to pixels, and the share of the training faces' variance kept."""

    pixels: dict[str, np.ndarray]
    ids: dict[str, np.ndarray]
    features: dict[str, np.ndarray]
    mean: np.ndarray
    components: np.ndarray
    explained_variance: float

    def project(self, pixels: np.ndarray) -> np.ndarray:
        return (pixels - self.mean) @ self.components.T

    def reconstruct(self, features: np.ndarray) -> np.ndarray:
        return features @ self.components + self.mean

    def reconstruction_errors(self, pixels: np.ndarray) -> np.ndarray:
        """Each face's mean squared error once projected on the components and mapped back."""
        return np.mean((self.reconstruct(self.project(pixels)) - pixels) ** 2, axis=1)

    def save(self, path: str | Path) -> None:
        arrays = {
            f"{part}_{kind}": getattr(self, kind)[part]
            for part in PARTS
            for kind in ("pixels", "ids", "features")
        }
        with atomic_path(path) as tmp, open(tmp, "wb") as handle:
            np.savez(
                handle,
                mean=self.mean,
                components=self.components,
                explained_variance=self.explained_variance,
                **arrays,
            )

    @classmethod
    def load(cls, path: str | Path) -> Faces:
        with np.load(path) as data:
            parts = {
                kind: {part: data[f"{part}_{kind}"] for part in PARTS}
                for kind in ("pixels", "ids", "features")
            }
            return cls(
                **parts,
                mean=data["mean"],
                components=data["components"],
                explained_variance=float(data["explained_variance"]),
            )


def stratified_parts(
    ids: np.ndarray,
    *,
    test_size: int,
    valid_size: int,
    test_random_state: int,
    valid_random_state: int,
) -> dict[str, np.ndarray]:
    """Row indices of each part: `test_size` faces drawn out first, then `valid_size` of the
    rest, each draw keeping every person's share (the exercises' two StratifiedShuffleSplit)."""
    people = len(np.unique(ids))
    for setting, size in (("test_size", test_size), ("valid_size", valid_size)):
        if size < people:
            raise SettingError(
                setting,
                size,
                f"must be at least the {people} people, so that each one has a face in every part",
            )
    if len(ids) - test_size - valid_size < people:
        raise SettingError(
            "test_size",
            test_size,
            f"with valid_size={valid_size}, leaves fewer training faces than "
            f"the {people} people of the {len(ids)} faces",
        )
    rest, test = next(
        StratifiedShuffleSplit(
            n_splits=1, test_size=test_size, random_state=test_random_state
        ).split(ids, ids)
    )
    train, valid = next(
        StratifiedShuffleSplit(
            n_splits=1, test_size=valid_size, random_state=valid_random_state
        ).split(ids[rest], ids[rest])
    )
    return {"train": rest[train], "valid": rest[valid], "test": test}


def split_faces(
    X: np.ndarray,
    y: np.ndarray,
    *,
    test_size: int,
    valid_size: int,
    test_random_state: int,
    valid_random_state: int,
    pca_variance: float,
) -> Faces:
    """The exercises' split, and the PCA of the training faces that keeps `pca_variance` of
    their variance, applied to every part."""
    rows = stratified_parts(
        y,
        test_size=test_size,
        valid_size=valid_size,
        test_random_state=test_random_state,
        valid_random_state=valid_random_state,
    )
    pixels = {part: np.asarray(X[index], dtype=np.float64) for part, index in rows.items()}
    _, pca = pca_keeping(pixels["train"], pca_variance)
    return Faces(
        pixels,
        {part: np.asarray(y[index]) for part, index in rows.items()},
        {part: pca.transform(values) for part, values in pixels.items()},
        pca.mean_,
        pca.components_,
        pca_summary(pca)["explained_variance"],
    )
