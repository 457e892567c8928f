"""One chunk of the model-selection grid: BIC, AIC and log-likelihood of each k of the chunk
for each covariance type."""

import numpy as np

from unsupervised.core.io import write_json_each
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.mixtures import grid_fits_by_type


def main(smk) -> None:
    write_json_each(
        smk.output.fits,
        smk.params.covariance_types,
        grid_fits_by_type(np.load(smk.input.X), **settings(smk)),
    )


run_step(snakemake, main)  # noqa: F821
