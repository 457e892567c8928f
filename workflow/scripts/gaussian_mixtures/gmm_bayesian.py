"""Bayesian Gaussian mixtures on the ellipsoids and the moons, and the concentration prior."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.experiments import gmm_bayesian


def main(smk) -> None:
    X, moons = np.load(smk.input.X), np.load(smk.input.moons)
    write_result(gmm_bayesian(X, moons, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
