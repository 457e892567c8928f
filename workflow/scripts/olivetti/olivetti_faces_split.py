"""The faces split into training, validation and test parts, and their PCA features."""

from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.olivetti.faces import split_faces


def main(smk) -> None:
    X, y = load_dataset(smk.input.X, smk.input.y)
    split_faces(X.reshape(len(X), -1), y, **settings(smk)).save(smk.output.faces)


run_step(snakemake, main)  # noqa: F821
