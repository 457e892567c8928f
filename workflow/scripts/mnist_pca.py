"""MNIST projected on the principal components that keep a configured share of variance."""

from unsupervised.datasets import load_dataset
from unsupervised.io import save_array, write_json
from unsupervised.reduction import pca_keeping
from unsupervised.step import run_step


def main(smk) -> None:
    X, _ = load_dataset(smk.input.X, smk.input.y, mmap=True)
    reduced, pca = pca_keeping(X, smk.params.variance)
    save_array(smk.output.X, reduced)
    write_json(smk.output.info, {
        "n_components": int(pca.n_components_),
        "explained_variance": float(pca.explained_variance_ratio_.sum()),
    })


run_step(snakemake, main)  # noqa: F821
