"""Faces altered as exercise 12 alters them, to see whether a model of normal faces notices:
turned (the exercise's "rotation": the face transposed), flipped upside down, darkened; and,
beyond the exercise, given Gaussian pixel noise."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from unsupervised.olivetti.faces import SIDE


def rotated(faces: np.ndarray) -> np.ndarray:
    """Each face transposed: turned a quarter and mirrored, as the exercise's rotation."""
    return faces.reshape(-1, SIDE, SIDE).transpose(0, 2, 1).reshape(len(faces), -1)


def flipped(faces: np.ndarray) -> np.ndarray:
    """Each face upside down."""
    return faces.reshape(-1, SIDE, SIDE)[:, ::-1].reshape(len(faces), -1)


def darkened(faces: np.ndarray, factor: float) -> np.ndarray:
    """Each face's pixels times `factor`, but the first and the last, as in the exercise."""
    dark = faces.copy()
    dark[:, 1:-1] *= factor
    return dark


def noisy(faces: np.ndarray, sigma: float, random_state: int) -> np.ndarray:
    """Each pixel plus Gaussian noise of standard deviation `sigma`, kept within [0, 1]."""
    noise = np.random.default_rng(random_state).normal(0.0, sigma, faces.shape)
    return np.clip(faces + noise, 0.0, 1.0)


@dataclass(frozen=True)
class Alterations:
    """The settings of the transformations that take one (config olivetti_altered)."""

    darken_factor: float
    noise_sigma: float
    noise_random_state: int

    def transformations(self) -> dict[str, Callable[[np.ndarray], np.ndarray]]:
        return {
            "rotated": rotated,
            "flipped": flipped,
            "darkened": lambda faces: darkened(faces, self.darken_factor),
            "noisy": lambda faces: noisy(faces, self.noise_sigma, self.noise_random_state),
        }


def altered_faces(
    faces: np.ndarray, counts: Mapping[str, int], alterations: Alterations
) -> tuple[np.ndarray, list[str]]:
    """The exercise's bad faces: for each transformation, the first `counts[name]` faces
    altered by it, stacked in the order of `counts`, and the name of each one's alteration."""
    alter = alterations.transformations()
    stacked = [alter[name](faces[:count]) for name, count in counts.items()]
    return np.vstack(stacked), [name for name, count in counts.items() for _ in range(count)]
