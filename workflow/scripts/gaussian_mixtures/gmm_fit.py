"""The chapter's Gaussian mixture on the ellipsoids."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.experiments import gmm_fit


def main(smk) -> None:
    write_result(gmm_fit(np.load(smk.input.X), np.load(smk.input.y), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
