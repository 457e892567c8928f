"""K-Means on ellipsoidal blobs: a hand-initialised solution against k-means++."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.kmeans.experiments import kmeans_limits


def main(smk) -> None:
    write_result(kmeans_limits(np.load(smk.input.X), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
