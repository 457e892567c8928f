"""DBSCAN's eps at the knee of the k-distance curve, beside a sweep of eps."""

import numpy as np

from unsupervised.clustering_algorithms.experiments import dbscan_eps
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings


def main(smk) -> None:
    write_result(dbscan_eps(np.load(smk.input.X), np.load(smk.input.y), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
