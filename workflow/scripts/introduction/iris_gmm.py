"""Gaussian mixture on the four iris features, clusters mapped to species: accuracy and figure."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.introduction.experiments import iris_gmm


def main(smk) -> None:
    X, y = load_dataset(smk.input.X, smk.input.y)
    write_result(iris_gmm(X, y, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
