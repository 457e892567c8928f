"""Elkan vs Lloyd K-Means: median fit times on the blobs and on MNIST, and their ratio."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.kmeans.experiments import kmeans_speed


def main(smk) -> None:
    blobs, _ = load_dataset(smk.input.blobs_X, smk.input.blobs_y)
    mnist, _ = load_dataset(smk.input.mnist_X, smk.input.mnist_y, mmap=True)
    write_result(kmeans_speed(blobs, mnist, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
