"""The Olivetti exercises on tiny faces: the stratified split, the PCA that maps features
back to pixels, and one K-Means fit per k scored for exercises 10 and 11."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from unsupervised.core.settings import SettingError
from unsupervised.olivetti.clustering import (
    clustering_at_k,
    clustering_chunk,
    exercise_accuracies,
)
from unsupervised.olivetti.experiments import (
    best_k,
    olivetti_accuracy_spread,
    olivetti_classifier,
    useful_share,
)
from unsupervised.olivetti.faces import PARTS, Faces, split_faces, stratified_parts

FOREST = {"n_estimators": 20, "random_state": 0}


def tiny_faces(
    people: int = 4, each: int = 10, pixels: int = 64, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """`each` noisy copies of one random prototype per person."""
    rng = np.random.default_rng(seed)
    prototypes = rng.uniform(size=(people, pixels))
    ids = np.repeat(np.arange(people), each)
    return prototypes[ids] + rng.normal(scale=0.02, size=(len(ids), pixels)), ids


def split(variance: float = 0.99, **sizes: int):
    X, ids = tiny_faces()
    return split_faces(
        X,
        ids,
        **({"test_size": 4, "valid_size": 8} | sizes),
        test_random_state=42,
        valid_random_state=43,
        pca_variance=variance,
    )


def test_every_person_is_in_every_part_and_no_face_twice() -> None:
    ids = np.repeat(np.arange(5), 10)
    rows = stratified_parts(
        ids, test_size=5, valid_size=10, test_random_state=42, valid_random_state=43
    )
    assert [len(rows[part]) for part in PARTS] == [35, 10, 5]
    assert sorted(np.concatenate(list(rows.values()))) == list(range(50))
    for part in PARTS:
        assert set(ids[rows[part]]) == set(range(5))


@pytest.mark.parametrize(
    ("sizes", "message"),
    [
        ({"test_size": 3}, "^test_size=3: must be at least the 4 people"),
        ({"valid_size": 2}, "^valid_size=2: must be at least the 4 people"),
        (
            {"test_size": 20, "valid_size": 18},
            "^test_size=20: with valid_size=18, leaves fewer training faces than the 4 people",
        ),
    ],
)
def test_a_split_the_faces_cannot_support_names_its_setting(sizes: dict, message: str) -> None:
    with pytest.raises(SettingError, match=message):
        split(**sizes)


def test_the_pca_maps_features_back_to_the_faces() -> None:
    faces = split(variance=1)
    assert len(faces.components) <= 28  # the training faces
    train = faces.pixels["train"]
    assert np.allclose(faces.reconstruct(faces.project(train)), train)
    assert np.allclose(faces.project(faces.pixels["valid"]), faces.features["valid"])
    assert len(split(variance=0.5).components) < len(faces.components)


def test_one_cluster_per_person_is_found_and_classifies_every_face() -> None:
    run = clustering_at_k(split(), 4, n_init=10, random_state=0, forest=FOREST)
    assert run["ari"] == 1.0 and run["silhouette"] > 0.9
    assert run["distances_accuracy"] == 1.0
    assert len(set(run["labels"])) == 4


def test_more_clusters_than_training_faces_names_the_k_range() -> None:
    with pytest.raises(SettingError, match="^k_range=29: more clusters than the 28 samples"):
        clustering_chunk(split(), [4, 29], n_init=1, random_state=0, forest=FOREST)


def test_useful_clusters_hold_two_faces_or_more_of_one_person() -> None:
    ids = np.array([0, 0, 1, 1, 2, 3])
    labels = np.array([0, 0, 1, 2, 2, 3])  # pure pair, lone face, mixed pair, lone face
    assert useful_share(ids, labels) == 0.25


def test_best_k_takes_the_smallest_of_a_tie() -> None:
    table = pd.DataFrame({"k": [5, 10, 15], "score": [0.2, 0.5, 0.5]})
    assert best_k(table, "score") == 10


def test_the_final_choice_prefers_fewer_features_on_a_tie() -> None:
    faces = split()
    runs = [clustering_chunk(faces, [2, 4], n_init=10, random_state=0, forest=FOREST)]
    result = olivetti_classifier(
        faces, runs, n_init=10, random_state=0, forest=FOREST, figure_size=(4, 3)
    )
    assert result.metrics["pca_accuracy"] == 1.0
    assert result.metrics["combined_accuracy_at_best_silhouette"] == 1.0
    assert result.metrics["final_k"] == 0 and result.metrics["test_accuracy"] == 1.0
    choices = result.tables["choices"]
    assert choices["features"].tolist() == ["pca", "distances", "combined"]
    assert choices["test_accuracy"].notna().tolist() == [True, False, False]


def test_the_exercises_seed_gives_the_sweeps_accuracy_on_the_distances() -> None:
    faces = split()
    run = clustering_at_k(faces, 3, n_init=10, random_state=5, forest={**FOREST, "random_state": 5})
    accuracies = exercise_accuracies(faces, 3, 5, n_init=10, forest=FOREST)
    assert accuracies["distances"] == run["distances_accuracy"]
    assert set(accuracies) == {"pca", "distances", "combined"}


def test_the_spread_pairs_each_split_and_seed_and_splits_its_sources() -> None:
    def run(pca: float, distances: float) -> dict[str, float]:
        return {
            f"olivetti_accuracy.seed_{seed}_{name}_accuracy": value + 0.01 * seed
            for seed in (0, 1)
            for name, value in (
                ("pca", pca),
                ("distances", distances),
                ("combined", distances + 0.02),
            )
        }

    result = olivetti_accuracy_spread(
        [run(0.9, 0.7), run(0.8, 0.7)], split_seeds=[42, 0], model_seeds=[0, 1], figure_size=(8, 3)
    )
    metrics, cells = result.metrics, result.tables["cells"]
    assert cells[["split_seed", "model_seed"]].values.tolist() == [[42, 0], [42, 1], [0, 0], [0, 1]]
    assert metrics["cells"] == 4 and metrics["splits"] == 2
    assert metrics["pca_mean"] == pytest.approx(0.855)
    assert metrics["distances_minus_pca_mean"] == pytest.approx(-0.15)
    assert metrics["distances_minus_pca_share_above_zero"] == 0
    assert metrics["combined_minus_distances_share_above_zero"] == 1
    # the split means of pca are 0.905 and 0.805; the distances' are equal
    assert metrics["pca_std_over_splits"] == pytest.approx(np.std([0.905, 0.805], ddof=1))
    assert metrics["distances_std_over_splits"] == pytest.approx(0)


def test_the_faces_come_back_from_their_file_as_they_were_saved(tmp_path) -> None:
    faces = split(variance=0.9)
    faces.save(tmp_path / "faces.npz")
    loaded = Faces.load(tmp_path / "faces.npz")
    assert 0.9 <= loaded.explained_variance == faces.explained_variance < 1
    for part in PARTS:
        assert np.array_equal(loaded.features[part], faces.features[part])
        assert np.array_equal(loaded.ids[part], faces.ids[part])
    assert np.array_equal(loaded.components, faces.components)
