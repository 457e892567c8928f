"""One chunk of the model-selection grid: BIC, AIC and log-likelihood of each k of the chunk
for each covariance type."""

import numpy as np

from unsupervised.core.io import write_json
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.mixtures import grid_fits_by_type


def main(smk) -> None:
    fits = grid_fits_by_type(np.load(smk.input.X), **settings(smk))
    for covariance_type, output in zip(smk.params.covariance_types, smk.output.fits,
                                       strict=True):
        write_json(output, fits[covariance_type])


run_step(snakemake, main)  # noqa: F821
