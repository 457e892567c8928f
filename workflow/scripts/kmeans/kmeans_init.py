"""Variability of K-Means: unlucky initialisations, n_init, a good init, random vs k-means++."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.kmeans.experiments import kmeans_init


def main(smk) -> None:
    X, _ = load_dataset(smk.input.X, smk.input.y)
    write_result(kmeans_init(X, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
