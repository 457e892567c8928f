"""Spectral clustering of the moons with each gamma."""

import numpy as np

from unsupervised.clustering_algorithms.experiments import spectral_clustering
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings


def main(smk) -> None:
    result = spectral_clustering(np.load(smk.input.X), np.load(smk.input.y), **settings(smk))
    write_result(result, smk)


run_step(snakemake, main)  # noqa: F821
