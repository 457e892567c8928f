"""Parse the four MNIST IDX files into memory-mappable X.npy (uint8) and y.npy."""

from unsupervised.core.io import save_array
from unsupervised.core.step import run_step
from unsupervised.data.datasets import mnist_from_idx


def main(smk) -> None:
    X, y = mnist_from_idx(
        smk.input.train_images, smk.input.train_labels, smk.input.test_images, smk.input.test_labels
    )
    save_array(smk.output.X, X)
    save_array(smk.output.y, y)


run_step(snakemake, main)  # noqa: F821
