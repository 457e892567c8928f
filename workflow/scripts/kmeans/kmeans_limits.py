"""Limits of K-Means: the ellipsoidal blobs, a hand-initialised and a default solution."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.kmeans.experiments import kmeans_limits


def main(smk) -> None:
    X, _ = load_dataset(smk.input.X, smk.input.y)
    write_result(kmeans_limits(X, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
