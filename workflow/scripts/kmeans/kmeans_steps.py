"""The K-Means algorithm step by step on the blobs."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.kmeans.experiments import kmeans_steps


def main(smk) -> None:
    write_result(kmeans_steps(np.load(smk.input.X), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
