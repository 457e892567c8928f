"""Mini-batch against full K-Means over k: inertia and time."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.kmeans.experiments import kmeans_minibatch_vs_k


def main(smk) -> None:
    write_result(kmeans_minibatch_vs_k(np.load(smk.input.X), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
