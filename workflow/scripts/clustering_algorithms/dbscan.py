"""DBSCAN on the moons at each eps, and a classifier trained on its cores."""

import numpy as np

from unsupervised.clustering_algorithms.experiments import dbscan
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings


def main(smk) -> None:
    write_result(dbscan(np.load(smk.input.X), np.load(smk.input.y), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
