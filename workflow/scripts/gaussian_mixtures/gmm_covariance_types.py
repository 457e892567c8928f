"""The same mixture under each covariance constraint."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.experiments import gmm_covariance_types


def main(smk) -> None:
    write_result(gmm_covariance_types(np.load(smk.input.X), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
