"""One job of a sweep over k: cluster with each k of a chunk, score the clusterings, save them."""

import numpy as np

from unsupervised.core.step import run_step, settings
from unsupervised.kmeans.choosing_k import fit_ks, save_kfits


def main(smk) -> None:
    X, y = np.load(smk.input.X), np.load(smk.input.y)
    save_kfits(smk.output.fits, fit_ks(X, y, **settings(smk)))


run_step(snakemake, main)  # noqa: F821
