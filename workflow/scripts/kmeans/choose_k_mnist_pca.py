"""MNIST projected on the principal components that keep a configured share of variance."""

from unsupervised.core.io import save_array, write_json
from unsupervised.core.step import run_step
from unsupervised.data.datasets import load_dataset
from unsupervised.data.reduction import pca_keeping, pca_summary


def main(smk) -> None:
    X, _ = load_dataset(smk.input.X, smk.input.y, mmap=True)
    reduced, pca = pca_keeping(X, smk.params.variance)
    save_array(smk.output.X, reduced)
    write_json(smk.output.info, pca_summary(pca))


run_step(snakemake, main)  # noqa: F821
