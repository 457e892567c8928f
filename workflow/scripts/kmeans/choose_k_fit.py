"""One job of a sweep over k: cluster with k clusters, score the clustering, save it."""

import numpy as np

from unsupervised.core.step import run_step, settings
from unsupervised.kmeans.choosing_k import fit_k, save_kfit


def main(smk) -> None:
    X, y = np.load(smk.input.X), np.load(smk.input.y)
    save_kfit(smk.output.fit, fit_k(X, y, int(smk.wildcards.k), **settings(smk)))


run_step(snakemake, main)  # noqa: F821
