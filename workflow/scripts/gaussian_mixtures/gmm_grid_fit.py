"""One chunk of the model-selection grid: BIC, AIC and log-likelihood of each k of the chunk
for one covariance type."""

import numpy as np

from unsupervised.core.io import write_json
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.mixtures import grid_fits


def main(smk) -> None:
    write_json(smk.output.fit, grid_fits(np.load(smk.input.X),
                                         covariance_type=smk.wildcards.covariance_type,
                                         **settings(smk)))


run_step(snakemake, main)  # noqa: F821
