"""Exercises 12 and 13 on tiny faces: each alteration is what it says, and an altered face
is rebuilt by the PCA of normal faces much worse than a normal one."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from unsupervised.core.settings import SettingError
from unsupervised.olivetti.anomalies import detection_aucs
from unsupervised.olivetti.experiments import (
    olivetti_anomalies,
    olivetti_mixture,
    olivetti_reconstruction,
    per_kind_index,
)
from unsupervised.olivetti.faces import SIDE, split_faces
from unsupervised.olivetti.transformations import (
    Alterations,
    altered_faces,
    darkened,
    flipped,
    noisy,
    rotated,
)

ALTERED = {"rotated": 2, "flipped": 1, "darkened": 1}
ALTERATIONS = {"darken_factor": 0.3, "noise_sigma": 0.1, "noise_random_state": 0}


def faces_of(images: np.ndarray) -> np.ndarray:
    return images.reshape(len(images), -1)


def test_turning_or_flipping_twice_gives_the_face_back() -> None:
    face = faces_of(np.random.default_rng(0).uniform(size=(2, SIDE, SIDE)))
    assert np.array_equal(rotated(rotated(face)), face)
    assert np.array_equal(flipped(flipped(face)), face)
    assert not np.array_equal(flipped(face), face)


def test_a_face_symmetric_under_the_rotation_is_unchanged_and_a_flip_turns_it() -> None:
    image = np.random.default_rng(1).uniform(size=(SIDE, SIDE))
    symmetric = faces_of((image + image.T)[None])
    assert np.array_equal(rotated(symmetric), symmetric)
    rows = faces_of(np.broadcast_to(np.arange(SIDE, dtype=float)[:, None], (1, SIDE, SIDE)))
    assert flipped(rows).reshape(SIDE, SIDE)[0, 0] == SIDE - 1  # the bottom row on top


def test_darkening_scales_every_pixel_but_the_first_and_the_last() -> None:
    face = np.full((1, SIDE * SIDE), 0.5)
    dark = darkened(face, 0.3)
    assert dark[0, 0] == dark[0, -1] == 0.5
    assert np.allclose(dark[0, 1:-1], 0.15) and face[0, 1] == 0.5  # the input is kept


def test_the_altered_faces_come_in_the_order_of_the_counts() -> None:
    faces = faces_of(np.random.default_rng(2).uniform(size=(5, SIDE, SIDE)))
    bad, kinds = altered_faces(faces, ALTERED, Alterations(**ALTERATIONS))
    assert kinds == ["rotated", "rotated", "flipped", "darkened"]
    assert np.array_equal(bad[1], rotated(faces[1:2])[0])
    assert np.array_equal(bad[2], flipped(faces[:1])[0])
    assert per_kind_index(kinds) == [0, 1, 0, 0]


def tiny_split():
    """4 people, 10 faces each: a smooth random face per person, lit a little differently
    on each picture."""
    rng = np.random.default_rng(3)
    people = np.repeat(rng.uniform(0.2, 0.8, size=(4, 8, 8)), 8, axis=1).repeat(8, axis=2)
    ids = np.repeat(np.arange(4), 10)
    X = faces_of(people[ids] * rng.uniform(0.9, 1.1, size=(40, 1, 1)))
    return split_faces(
        X,
        ids,
        test_size=4,
        valid_size=8,
        test_random_state=0,
        valid_random_state=1,
        pca_variance=0.999,
    )


def test_altered_faces_are_rebuilt_far_worse_than_normal_ones() -> None:
    metrics = olivetti_reconstruction(
        tiny_split(), altered=ALTERED, alterations=ALTERATIONS, panel_size=(1, 1)
    ).metrics
    assert metrics["altered_min_error"] > 100 * metrics["train_max_error"]


def test_the_mixture_scores_altered_faces_below_normal_ones() -> None:
    metrics = olivetti_mixture(
        tiny_split(),
        n_components=4,
        random_state=0,
        n_generated=3,
        altered=ALTERED,
        alterations=ALTERATIONS,
        normal_shown=5,
        panel_size=(1, 1),
    ).metrics
    assert metrics["altered_max_score"] < metrics["normal_min_score"]
    assert {"rotated_1_score", "flipped_0_score", "normal_4_score"} <= set(metrics)


def test_more_components_than_training_faces_names_the_setting() -> None:
    with pytest.raises(
        SettingError, match="^n_components=29: a mixture needs between 1 and the 28 instances"
    ):
        olivetti_mixture(
            tiny_split(),
            n_components=29,
            random_state=0,
            n_generated=3,
            altered=ALTERED,
            alterations=ALTERATIONS,
            normal_shown=5,
            panel_size=(1, 1),
        )


def test_noise_is_seeded_and_keeps_the_pixels_within_0_and_1() -> None:
    face = np.full((2, SIDE * SIDE), 0.95)
    first, again = noisy(face, 0.1, 7), noisy(face, 0.1, 7)
    assert np.array_equal(first, again) and not np.array_equal(first, noisy(face, 0.1, 8))
    assert first.min() >= 0 and first.max() == 1.0  # pushed past 1, kept at 1
    assert 0.05 < np.std(first[first < 1] - 0.95) < 0.1  # the noise clipped from above


def test_the_auc_counts_the_pairs_an_altered_face_outscores() -> None:
    scores = pd.DataFrame(
        {
            "part": ["train", "train", "valid"] * 3,
            "version": ["normal"] * 3 + ["rotated"] * 3 + ["darkened"] * 3,
            "mixture": [1, 2, 3, 4, 5, 6, 0, 0, 0],
            "reconstruction": [1, 2, 3, 2, 2, 0, 1, 2, 3],
        }
    )
    table = detection_aucs(scores, ("train", "valid")).set_index(["transformation", "detector"])
    assert table.loc[("rotated", "mixture"), "roc_auc"] == 1.0
    assert table.loc[("darkened", "mixture"), "roc_auc"] == 0.0
    assert table.loc[("darkened", "reconstruction"), "roc_auc"] == 0.5  # the same scores
    # rotated 2, 2, 0 against normal 1, 2, 3: (1 + 0.5) + (1 + 0.5) + 0 of 9 pairs
    assert table.loc[("rotated", "reconstruction"), "roc_auc"] == pytest.approx(3 / 9)
    valid = detection_aucs(scores, ("valid",)).set_index(["transformation", "detector"])
    assert valid.loc[("rotated", "reconstruction"), "roc_auc"] == 0.0  # 0 against 3


def test_every_face_is_scored_as_it_is_and_altered_each_way() -> None:
    result = olivetti_anomalies(
        tiny_split(), n_components=2, random_state=0, alterations=ALTERATIONS, figure_size=(8, 4)
    )
    table = result.tables["table"]
    assert len(table) == 2 * 4  # two detectors, four transformations
    assert table["roc_auc"].between(0, 1).all()
    assert result.metrics["reconstruction_rotated_auc"] == 1.0
    assert {"mixture_noisy_auc", "reconstruction_darkened_validation_auc"} <= set(result.metrics)
