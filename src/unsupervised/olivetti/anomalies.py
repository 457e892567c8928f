"""Beyond exercises 12 and 13: every training and validation face altered by each
transformation, scored by the two models of normal faces (the mixture's density and the PCA's
reconstruction error), and the ROC AUC of telling the altered faces from the normal ones."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.mixture import GaussianMixture

from unsupervised.olivetti.faces import Faces
from unsupervised.olivetti.transformations import Alterations

DETECTORS = ("mixture", "reconstruction")
NORMAL = "normal"


def anomaly_scores(
    faces: Faces, mixture: GaussianMixture, pixels: np.ndarray
) -> dict[str, np.ndarray]:
    """Each detector's score of each face, higher for a less normal face: the mixture's
    negative log density of its PCA features, the PCA's mean squared reconstruction error."""
    return {
        "mixture": -mixture.score_samples(faces.project(pixels)),
        "reconstruction": faces.reconstruction_errors(pixels),
    }


def scored_faces(
    faces: Faces, mixture: GaussianMixture, alterations: Alterations, parts: Sequence[str]
) -> pd.DataFrame:
    """One row per face of `parts` and version of it (normal, then each transformation):
    its part, its version and each detector's score."""
    pixels = np.vstack([faces.pixels[part] for part in parts])
    part_of = np.concatenate([[part] * len(faces.pixels[part]) for part in parts])
    versions = {NORMAL: pixels} | {
        name: alter(pixels) for name, alter in alterations.transformations().items()
    }
    return pd.concat(
        [
            pd.DataFrame(
                {"part": part_of, "version": version, **anomaly_scores(faces, mixture, altered)}
            )
            for version, altered in versions.items()
        ],
        ignore_index=True,
    )


def detection_aucs(scores: pd.DataFrame, parts: Sequence[str]) -> pd.DataFrame:
    """The ROC AUC of each detector telling each transformation's faces from the normal
    ones, among the faces of `parts`: 1 when every altered face scores above every normal
    one, 0.5 for a coin toss."""
    scores = scores[scores["part"].isin(parts)]
    normal = scores[scores["version"] == NORMAL]
    rows = []
    for version, altered in scores[scores["version"] != NORMAL].groupby("version", sort=False):
        is_altered = np.r_[np.zeros(len(normal)), np.ones(len(altered))]
        rows += [
            {
                "transformation": version,
                "detector": detector,
                "roc_auc": float(
                    roc_auc_score(is_altered, np.r_[normal[detector], altered[detector]])
                ),
            }
            for detector in DETECTORS
        ]
    return pd.DataFrame(rows)
