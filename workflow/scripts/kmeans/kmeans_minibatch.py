"""Mini-batch K-Means on the blobs, and out of core on MNIST through a memory map."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.kmeans.experiments import kmeans_minibatch


def main(smk) -> None:
    blobs, _ = load_dataset(smk.input.blobs_X, smk.input.blobs_y)
    # MNIST is never loaded whole: batches and the final inertia read the memory map.
    mnist, digits = load_dataset(smk.input.mnist_X, smk.input.mnist_y, mmap=True)
    write_result(kmeans_minibatch(blobs, mnist, digits, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
