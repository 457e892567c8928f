"""One (k, covariance type) of the model-selection grid: its BIC, AIC and log-likelihood."""

import numpy as np

from unsupervised.core.io import write_json
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.mixtures import grid_fit


def main(smk) -> None:
    write_json(smk.output.fit, grid_fit(np.load(smk.input.X), k=int(smk.wildcards.k),
                                        covariance_type=smk.wildcards.covariance_type,
                                        **settings(smk)))


run_step(snakemake, main)  # noqa: F821
