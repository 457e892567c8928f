"""The generic script's call: the step's function, its arguments read from the rule's inputs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from unsupervised.core.experiment_call import experiment_function, loaded_inputs
from unsupervised.kmeans.experiments import kmeans_init


class Words:
    """A type the generic script reads with its own ``load``."""

    def __init__(self, words: list[str]) -> None:
        self.words = words

    @classmethod
    def load(cls, path: str) -> Words:
        return cls(Path(path).read_text().split())


def experiment(X: np.ndarray, words: Words, *, k: int) -> tuple[float, list[str], int]:
    return float(X.sum()), words.words, k


def test_a_step_names_its_function() -> None:
    assert experiment_function("kmeans/kmeans_init") is kmeans_init
    with pytest.raises(LookupError, match=r"workflow/scripts/kmeans/kmeans_nothing\.py"):
        experiment_function("kmeans/kmeans_nothing")


def test_each_argument_is_read_by_its_type_from_the_input_of_its_name(tmp_path: Path) -> None:
    np.save(tmp_path / "X.npy", np.arange(4.0))
    (tmp_path / "words.txt").write_text("two words")
    inputs = {"words": str(tmp_path / "words.txt"), "X": str(tmp_path / "X.npy"), "y": "unused"}
    X, words = loaded_inputs(experiment, inputs)
    assert experiment(X, words, k=3) == (6.0, ["two", "words"], 3)


def test_a_missing_input_is_named() -> None:
    with pytest.raises(LookupError, match=r"experiment takes \['X', 'words'\].*\['words'\]"):
        loaded_inputs(experiment, {"X": "X.npy"})
