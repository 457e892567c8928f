"""K-Means on the blobs: centroids, predictions, hard and soft clustering."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.kmeans.experiments import kmeans_fit


def main(smk) -> None:
    write_result(kmeans_fit(np.load(smk.input.X), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
