"""The MNIST features of the model-selection grid: a random subsample of the images on
their first principal components, with the digits."""

from unsupervised.core.io import save_array
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.gaussian_mixtures.mixtures import leading_features


def main(smk) -> None:
    X, y = load_dataset(smk.input.X, smk.input.y, mmap=True)
    features, digits = leading_features(X, y, **settings(smk))
    save_array(smk.output.X, features)
    save_array(smk.output.y, digits)


run_step(snakemake, main)  # noqa: F821
