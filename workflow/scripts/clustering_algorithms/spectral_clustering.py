"""Spectral clustering of the moons with an RBF affinity of each gamma."""

import numpy as np

from unsupervised.clustering_algorithms.experiments import spectral_clustering
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings


def main(smk) -> None:
    X, y = np.load(smk.input.X), np.load(smk.input.y)
    write_result(spectral_clustering(X, y, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
