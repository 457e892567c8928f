"""Bayesian Gaussian mixtures on the ellipsoids and on the moons."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.experiments import gmm_bayesian


def main(smk) -> None:
    write_result(gmm_bayesian(np.load(smk.input.X), np.load(smk.input.moons), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
