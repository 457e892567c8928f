"""Inertia and training time vs k, mini-batch vs full K-Means, on the blobs."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.kmeans.experiments import kmeans_minibatch_vs_k


def main(smk) -> None:
    X, _ = load_dataset(smk.input.X, smk.input.y)
    write_result(kmeans_minibatch_vs_k(X, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
